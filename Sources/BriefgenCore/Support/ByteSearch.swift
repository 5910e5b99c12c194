/// Literal substring search on UTF-8 bytes.
///
/// Foundation's `contains`/`range(of:)` bridge to NSString and search UTF-16, which dominated
/// the raw reader's profile; these literal searches are all the reader needs.
enum ByteSearch {
    /// Byte offset of the first occurrence of `needle` at or after `from`, or nil.
    static func firstOffset(of needle: String, in haystack: String, from: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in search(pattern, in: text, from: from, backwards: false) }
        }
    }

    /// Byte offset of the last occurrence of `needle`, or nil.
    static func lastOffset(of needle: String, in haystack: String) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in search(pattern, in: text, from: 0, backwards: true) }
        }
    }

    static func contains(_ needle: String, in haystack: String) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { pattern in
            haystack.withUnsafeBufferPointer { text in search(pattern, in: text, from: 0, backwards: false) != nil }
        }
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int, backwards: Bool) -> Int? {
        let n = text.count, m = pattern.count
        guard m > 0, n >= m, from <= n - m else { return m == 0 ? from : nil }
        let first = pattern[0]
        var index = backwards ? n - m : from
        while backwards ? index >= from : index <= n - m {
            if text[index] == first {
                var matched = 1
                while matched < m, text[index + matched] == pattern[matched] { matched += 1 }
                if matched == m { return index }
            }
            index += backwards ? -1 : 1
        }
        return nil
    }
}

extension String {
    /// The text before and after a byte offset (which must fall on a character boundary).
    func splitAtUTF8(_ offset: Int, skipping length: Int = 0) -> (before: Substring, after: Substring) {
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: length)
        return (self[..<start], self[end...])
    }
}
