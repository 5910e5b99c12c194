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
    /// What a missing key is missing from, in messages: "the front matter", "the site configuration".
    public let container: String

    /// Splits `source` into front matter and body. A file without a leading `---` is all body.
    public static func parse(_ source: SourceText) throws(Diagnostic) -> FrontMatter {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else {
            return FrontMatter(file: source.path, entries: [], body: text, bodyFirstLine: 1, line: nil)
        }
        guard let fences = FrontMatter.fences(in: text) else {
            throw Diagnostic(file: source.path, line: 1, "the front matter that starts here is never closed with a '---' line")
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = String(text[index(fences.yaml.lowerBound)..<index(fences.yaml.upperBound)])
        let value = try YAMLValue.parse(yaml, firstLine: 2, file: source.path)
        let entries: [YAMLEntry]
        switch value {
        case .none: entries = []
        case .map(let map, _)?: entries = map
        case .some(let other):
            throw Diagnostic(file: source.path, line: other.line, "front matter must be a list of 'key: value' lines")
        }
        return FrontMatter(file: source.path, entries: entries, body: String(text[index(fences.body)...]),
                           bodyFirstLine: fences.bodyFirstLine, line: 1)
    }

    /// Where the front matter that opens `text` ends: the byte offsets of the YAML between the
    /// fences and of the body, and the body's first line; nil when no line that is exactly `---`
    /// or `...` closes it. The scan is on bytes: the text has no carriage returns left, so a line
    /// feed is always a character of its own, and walking characters cost more than the rest of
    /// reading the front matter.
    static func fences(in text: String) -> (yaml: Range<Int>, body: Int, bodyFirstLine: Int)? {
        var text = text
        return text.withUTF8 { bytes in
            func lineEnd(from start: Int) -> Int {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                return end
            }
            let yamlStart = min(lineEnd(from: 0) + 1, bytes.count)
            var cursor = yamlStart
            var lineNumber = 2
            while cursor < bytes.count {
                let end = lineEnd(from: cursor)
                if end - cursor == 3, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "."),
                   bytes[cursor + 1] == bytes[cursor], bytes[cursor + 2] == bytes[cursor] {
                    return (yamlStart..<cursor, min(end + 1, bytes.count), lineNumber + 1)
                }
                cursor = end + 1
                lineNumber += 1
            }
            return nil
        }
    }

    public init(file: String, entries: [YAMLEntry], body: String, bodyFirstLine: Int, line: Int?,
                container: String = "the front matter") {
        self.container = container
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
        guard let value = try string(key) else {
            throw Diagnostic(file: file, line: line ?? 1, "\(container) has no '\(key)'")
        }
        guard !value.trimmingWhitespace.isEmpty else {
            throw Diagnostic(file: file, line: self[key]!.line, "'\(key)' is empty; it is required")
        }
        return value
    }

    /// A link to somewhere else on the web (an article's original story). It becomes an `href`,
    /// where only a web address is safe, so a `javascript:` URL, a scheme-relative `//host/…` or a
    /// relative path used to vanish from the page without a word; the editor now hears about it
    /// at the line. An empty value means no link.
    public func webURL(_ key: String) throws(Diagnostic) -> String? {
        guard let text = try string(key) else { return nil }
        let url = text.trimmingWhitespace
        if url.isEmpty { return nil }
        guard WebAddress.isValid(url) else { throw Diagnostic(file: file, line: self[key]!.line, WebAddress.problem(key, url)) }
        return url
    }

    /// Keys briefgen does not know are ignored, as Hugo ignores them, except those that are a known
    /// key in other capitals (`URL:`) or a letter or two away from one (`pionts:`; for a key of three
    /// letters only two letters swapped, `ulr:`, since one letter off is often a key of its own:
    /// `urn:`): they would otherwise silently drop an editor's choice.
    public func rejectMisspelledKeys(known: Set<String>) throws(Diagnostic) {
        for entry in entries where !known.contains(entry.key) {
            let key = entry.key, lowered = entry.key.lowercased()
            let close = known.filter { candidate in
                if candidate == lowered { return true }
                switch key.count {
                case 4...: return ReferenceChecker.editDistance(candidate, key) <= 2
                case 3: return FrontMatter.swapsTwoLetters(candidate, key)
                default: return false
                }
            }.sorted()
            if let best = close.contains(lowered) ? lowered : close.first {
                throw Diagnostic(file: file, line: entry.line, "unknown key '\(entry.key)'; did you mean '\(best)'?")
            }
        }
    }

    /// Whether `b` is `a` with two neighbouring letters swapped.
    static func swapsTwoLetters(_ a: String, _ b: String) -> Bool {
        let a = Array(a), b = Array(b)
        guard a.count == b.count else { return false }
        let differing = a.indices.filter { a[$0] != b[$0] }
        return differing.count == 2 && differing[1] == differing[0] + 1
            && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
    }

    /// A slug set by hand (`slug: ceasefire-talks`). It becomes a folder of `Output/` and a URL, so
    /// it must already be one: anything else is refused with the slug it could be.
    public func slug(_ key: String) throws(Diagnostic) -> String? {
        guard let text = try string(key) else { return nil }
        let suggestion = Slug.make(text)
        // The suggestion, not the text: Swift compares strings by canonical equivalence, and a
        // slug typed with a combining accent (`й` as `и` + U+0306) gave a second folder that
        // looks the same as the composed one and slipped past the duplicate-slug check.
        guard text != suggestion else { return suggestion }
        throw Diagnostic(file: file, line: self[key]!.line, suggestion.isEmpty
            ? "'\(key)' should be made of letters, digits and hyphens, not '\(text)'"
            : "'\(key)' should be made of lower-case letters, digits and hyphens, such as '\(suggestion)', not '\(text)'")
    }

    public func day(_ key: String) throws(Diagnostic) -> Day? {
        guard let text = try string(key) else { return nil }
        let trimmed = text.trimmingWhitespace
        // Accept a full timestamp too (2025-12-29T10:00:00Z); only the day matters to briefgen.
        var dayPart = trimmed
        if trimmed.count > 10, let separator = trimmed.dropFirst(10).first, separator == "T" || separator == " ",
           FrontMatter.isTimeOfDay(trimmed.dropFirst(11)) {
            dayPart = String(trimmed.prefix(10))
        }
        guard let day = Day(iso: dayPart) else {
            // ASCII digits only: `٢٠٢٥-١٢-٢٠` is a real day in other digits, and "does not exist" misled.
            let looksLikeDate = dayPart.count == 10 && dayPart.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" }
            throw Diagnostic(file: file, line: self[key]!.line, looksLikeDate
                ? "'\(key)' is \(trimmed), a day that does not exist"
                : "'\(key)' should be a date written YYYY-MM-DD, not '\(trimmed)'")
        }
        return day
    }

    /// `10:00`, `10:00:00`, `10:00:00.5`, each optionally followed by `Z` or an offset (`+02:00`,
    /// ` +0200`), as YAML timestamps and Hugo's dates are written.
    static func isTimeOfDay(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int, below limit: Int) -> Bool {
            guard index + digits <= bytes.count else { return false }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (48...57).contains(byte) else { return false }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value < limit
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard number(2, below: 24), skip(UInt8(ascii: ":")), number(2, below: 60) else { return false }
        if skip(UInt8(ascii: ":")) {
            guard number(2, below: 61) else { return false }
            if skip(UInt8(ascii: ".")) {
                let start = index
                while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
                guard index > start else { return false }
            }
        }
        _ = skip(UInt8(ascii: " "))
        if index == bytes.count || (skip(UInt8(ascii: "Z")) && index == bytes.count) { return index == bytes.count }
        guard skip(UInt8(ascii: "+")) || skip(UInt8(ascii: "-")), number(2, below: 24) else { return false }
        _ = skip(UInt8(ascii: ":"))
        return number(2, below: 60) && index == bytes.count
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
        inner = FrontMatter(file: file, entries: entries, body: "", bodyFirstLine: line, line: line, container: "the entry")
    }

    public var line: Int { inner.line ?? 1 }
    public func string(_ key: String) throws(Diagnostic) -> String? { try inner.string(key) }
    public func requiredString(_ key: String) throws(Diagnostic) -> String { try inner.requiredString(key) }
    public func day(_ key: String) throws(Diagnostic) -> Day? { try inner.day(key) }
}
