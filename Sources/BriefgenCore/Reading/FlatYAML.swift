/// A fast reader for the front matter nearly every article has: one `key: value` per line.
///
/// Yams builds a full YAML node tree and costs more than reading the rest of the article, so the
/// flat case is read here, and anything else (lists, nested maps, escapes, folded text, odd
/// characters) is left to Yams by returning nil. The result must equal what Yams gives; a
/// differential test holds the two together.
enum FlatYAML {
    /// The entries of `yaml`, `.none` for an empty document, or nil when the text is not flat.
    static func parse(_ yaml: String, firstLine: Int) -> YAMLValue?? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> YAMLValue?? in
            var entries: [YAMLEntry] = []
            var lineStart = 0
            var lineNumber = firstLine
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer {
                    lineStart = lineEnd + 1
                    lineNumber += 1
                }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                if isBlankOrComment(line) { continue }
                guard let entry = entry(line, lineNumber: lineNumber) else { return nil }
                if entries.contains(where: { $0.key == entry.key }) { return nil }
                entries.append(entry)
            }
            guard let first = entries.first else { return .some(nil) }
            return .some(.map(entries, line: first.line))
        }
    }

    private static func isBlankOrComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in line {
            if byte == UInt8(ascii: " ") { continue }
            return byte == UInt8(ascii: "#")
        }
        return true
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `key: value` with a word for a key and a value that needs no YAML machinery.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> YAMLEntry? {
        var colon = 0
        while colon < line.count, isKeyByte(line[colon]) { colon += 1 }
        guard colon > 0, colon + 1 < line.count, line[colon] == UInt8(ascii: ":"), line[colon + 1] == UInt8(ascii: " "),
              line[0] != UInt8(ascii: "-") else { return nil }
        var start = colon + 2
        var end = line.count
        while start < end, line[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, line[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard start < end else { return nil } // an empty value may open a list or a map on the next lines
        let value = UnsafeBufferPointer(rebasing: line[start..<end])
        guard let scalar = scalar(value, lineNumber: lineNumber) else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[0..<colon]), as: UTF8.self)
        return YAMLEntry(key: key, value: scalar, line: lineNumber)
    }

    private static func scalar(_ value: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> YAMLValue? {
        guard !containsUnusual(value) else { return nil }
        if value[0] == UInt8(ascii: "[") { return flowList(value, lineNumber: lineNumber) }
        return scalar(value, lineNumber: lineNumber, inFlow: false)
    }

    /// `[a, "b c", d]` on one line: the way front matter lists points, actors and tags.
    private static func flowList(_ value: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> YAMLValue? {
        guard value.count >= 2, value[value.count - 1] == UInt8(ascii: "]") else { return nil }
        var items: [YAMLValue] = []
        var start = 1
        let end = value.count - 1
        while start < end || (items.isEmpty && start == end) {
            var comma = start
            var quote: UInt8?
            while comma < end {
                let byte = value[comma]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ",") {
                    break
                }
                comma += 1
            }
            var itemStart = start
            var itemEnd = comma
            while itemStart < itemEnd, value[itemStart] == UInt8(ascii: " ") { itemStart += 1 }
            while itemEnd > itemStart, value[itemEnd - 1] == UInt8(ascii: " ") { itemEnd -= 1 }
            if itemStart == itemEnd {
                // `[]` is an empty list; an empty item between commas is left to Yams.
                if items.isEmpty, comma == end { return .list([], line: lineNumber) }
                return nil
            }
            guard let item = scalar(UnsafeBufferPointer(rebasing: value[itemStart..<itemEnd]), lineNumber: lineNumber, inFlow: true) else {
                return nil
            }
            items.append(item)
            start = comma + 1
            if comma == end { break }
            if start == end { return nil } // a trailing comma
        }
        return .list(items, line: lineNumber)
    }

    private static func scalar(_ value: UnsafeBufferPointer<UInt8>, lineNumber: Int, inFlow: Bool) -> YAMLValue? {
        let first = value[0]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            // A quoted value without escapes or doubled quotes inside.
            guard value.count >= 2, value[value.count - 1] == first else { return nil }
            let inner = UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)])
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return .scalar(String(decoding: inner, as: UTF8.self), line: lineNumber, plain: false)
        }
        // A plain scalar: no indicator first, no `: ` or ` #` inside (commas and brackets are
        // ordinary characters after the first in block context).
        guard !"-?:,[]{}#&*!|>%@`".utf8.contains(first) else { return nil }
        for index in value.indices {
            let byte = value[index]
            if inFlow, "[]{},".utf8.contains(byte) { return nil }
            if byte == UInt8(ascii: ":"), index + 1 == value.count || value[index + 1] == UInt8(ascii: " ") { return nil }
            if byte == UInt8(ascii: "#"), index > 0, value[index - 1] == UInt8(ascii: " ") { return nil }
        }
        return .scalar(String(decoding: value, as: UTF8.self), line: lineNumber, plain: true)
    }

    /// Tabs, carriage returns, control characters (C0 and C1) and the characters YAML reads as line breaks
    /// or byte-order marks (NEL, LS, PS, BOM) are left to Yams.
    private static func containsUnusual(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in value.indices {
            let byte = value[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < value.count, value[index + 1] < 0xA0 { return true } // C1 controls, NEL
            if byte == 0xE2, index + 2 < value.count, value[index + 1] == 0x80, value[index + 2] == 0xA8 || value[index + 2] == 0xA9 {
                return true
            }
            if byte == 0xEF, index + 2 < value.count, value[index + 1] == 0xBB, value[index + 2] == 0xBF { return true }
        }
        return false
    }
}
