/// YAML front matter and the Markdown body after it, as Jekyll, Hugo and Eleventy users write it.
///
/// Every typed getter throws a `Diagnostic` naming the line of the offending value, so a typo in
/// one of ten thousand articles is found from the error message alone.
public struct FrontMatter: Sendable {
    public let file: String
    public let entries: [YAMLEntry]
    /// The Markdown after the closing `---`.
    public let body: String
    /// Line of the file on which `body` starts.
    public let bodyFirstLine: Int
    /// Line of the opening `---`, or nil when the file has no front matter.
    public let line: Int?

    /// Splits `source` into front matter and body. A file without a leading `---` is all body.
    public static func parse(_ source: SourceText) throws(Diagnostic) -> FrontMatter {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            return FrontMatter(file: source.path, entries: [], body: text, bodyFirstLine: 1, line: nil)
        }
        // Find the closing fence: a line that is exactly `---` or `...`.
        var lineNumber = 1
        var yamlStart = text.index(after: text.firstIndex(of: "\n") ?? text.endIndex)
        if yamlStart > text.endIndex { yamlStart = text.endIndex }
        var cursor = yamlStart
        lineNumber = 2
        while cursor < text.endIndex {
            let lineEnd = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[cursor..<lineEnd]
            if line == "---" || line == "..." {
                let yaml = String(text[yamlStart..<cursor])
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                let value = try YAMLValue.parse(yaml, firstLine: 2, file: source.path)
                let entries: [YAMLEntry]
                switch value {
                case .none: entries = []
                case .map(let map, _)?: entries = map
                case .some(let other):
                    throw Diagnostic(file: source.path, line: other.line, "front matter must be a list of 'key: value' lines")
                }
                return FrontMatter(file: source.path, entries: entries, body: String(text[bodyStart...]),
                                   bodyFirstLine: lineNumber + 1, line: 1)
            }
            cursor = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
        }
        throw Diagnostic(file: source.path, line: 1, "the front matter that starts here is never closed with a '---' line")
    }

    public init(file: String, entries: [YAMLEntry], body: String, bodyFirstLine: Int, line: Int?) {
        self.file = file
        self.entries = entries
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.line = line
    }

    public subscript(key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }

    public func has(_ key: String) -> Bool { self[key] != nil }

    /// The line a key is on, or the front matter's first line when the key is missing.
    public func line(of key: String) -> Int { self[key]?.line ?? line ?? 1 }

    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let entry = self[key], !entry.value.isNull else { return nil }
        guard case .scalar(let text, _, _) = entry.value else {
            throw Diagnostic(file: file, line: entry.line, "'\(key)' should be a single value, not a list or a map")
        }
        return text
    }

    public func requiredString(_ key: String) throws(Diagnostic) -> String {
        guard let value = try string(key), !value.trimmingWhitespace.isEmpty else {
            throw Diagnostic(file: file, line: line ?? 1, "the front matter has no '\(key)'")
        }
        return value
    }

    public func day(_ key: String) throws(Diagnostic) -> Day? {
        guard let text = try string(key) else { return nil }
        let trimmed = text.trimmingWhitespace
        // Accept a full timestamp too (2025-12-29T10:00:00Z); only the day matters to briefgen.
        let dayPart = trimmed.count > 10 && (trimmed.dropFirst(10).first == "T" || trimmed.dropFirst(10).first == " ")
            ? String(trimmed.prefix(10)) : trimmed
        guard let day = Day(iso: dayPart) else {
            let looksLikeDate = dayPart.count == 10 && dayPart.allSatisfy { $0.isNumber || $0 == "-" }
            throw Diagnostic(file: file, line: self[key]!.line, looksLikeDate
                ? "'\(key)' is \(trimmed), a day that does not exist"
                : "'\(key)' should be a date written YYYY-MM-DD, not '\(trimmed)'")
        }
        return day
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw Diagnostic(file: file, line: self[key]!.line, "'\(key)' should be true or false, not '\(text)'")
        }
    }

    public func int(_ key: String) throws(Diagnostic) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text.trimmingWhitespace) else {
            throw Diagnostic(file: file, line: self[key]!.line, "'\(key)' should be a whole number, not '\(text)'")
        }
        return value
    }

    /// A list of strings; a single string is accepted as a one-item list, as Hugo does for taxonomies.
    public func stringList(_ key: String) throws(Diagnostic) -> [String]? {
        guard let entry = self[key], !entry.value.isNull else { return nil }
        return try FrontMatter.strings(in: entry.value, key: key, file: file)
    }

    static func strings(in value: YAMLValue, key: String, file: String) throws(Diagnostic) -> [String] {
        switch value {
        case .scalar(let text, _, _):
            return text.trimmingWhitespace.isEmpty ? [] : [text]
        case .list(let items, _):
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _, _) = item else {
                    throw Diagnostic(file: file, line: item.line, "'\(key)' should be a list of words, but an item is a list or a map")
                }
                result.append(text)
            }
            return result
        case .map(_, let line):
            throw Diagnostic(file: file, line: line, "'\(key)' should be a list, not a map")
        }
    }

    /// A list of maps, such as a point's `history` or an imported page's `quotes`.
    public func mapList(_ key: String) throws(Diagnostic) -> [YAMLMapReader]? {
        guard let entry = self[key], !entry.value.isNull else { return nil }
        guard case .list(let items, _) = entry.value else {
            throw Diagnostic(file: file, line: entry.line, "'\(key)' should be a list of entries, each starting with '- '")
        }
        var result: [YAMLMapReader] = []
        for item in items {
            guard case .map(let fields, let line) = item else {
                throw Diagnostic(file: file, line: item.line, "each item of '\(key)' should be a map of 'key: value' lines")
            }
            result.append(YAMLMapReader(file: file, entries: fields, line: line))
        }
        return result
    }
}

/// Typed access to a nested map, such as one `history` entry.
public struct YAMLMapReader: Sendable {
    let inner: FrontMatter

    init(file: String, entries: [YAMLEntry], line: Int) {
        inner = FrontMatter(file: file, entries: entries, body: "", bodyFirstLine: line, line: line)
    }

    public var line: Int { inner.line ?? 1 }
    public func string(_ key: String) throws(Diagnostic) -> String? { try inner.string(key) }
    public func requiredString(_ key: String) throws(Diagnostic) -> String { try inner.requiredString(key) }
    public func day(_ key: String) throws(Diagnostic) -> Day? { try inner.day(key) }
}
