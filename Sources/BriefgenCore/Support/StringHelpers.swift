extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces).
    public var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}

extension String {
    /// The text without leading and trailing white space; most text starts and ends with a
    /// visible ASCII character, which is checked on the bytes before walking any graphemes.
    public var trimmingWhitespace: String {
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        return Substring(self).trimmingWhitespace
    }

    /// Collapses every run of white space into one ordinary space, and drops it at both ends.
    /// Works on scalars (a combining mark after a space is kept, as text); ASCII is answered
    /// without Unicode tables.
    public var collapsingWhitespace: String {
        var text = self
        return text.withUTF8 { bytes -> String in
            // Most text is already collapsed: single ASCII spaces between words.
            var clean = true
            var previousSpace = true // a leading space needs collapsing too
            for byte in bytes {
                if byte >= 0x80 || (byte <= 0x20 && byte != 0x20) || (byte == 0x20 && previousSpace) { clean = false; break }
                previousSpace = byte == 0x20
            }
            if clean, !previousSpace { return self }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if scalar.isWhitespace {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                for byte in UTF8.encode(scalar)! { result.append(byte) }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
