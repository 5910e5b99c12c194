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

    /// Collapses every run of white space into one ordinary space.
    public var collapsingWhitespace: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for character in self {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
