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
        return asciiTrimmed ?? Substring(self).trimmingWhitespace
    }

    /// The trim over bytes, when ASCII white space (tab to carriage return, space) meets a visible
    /// ASCII character at both ends: `" said Kest."`, the words after every quotation. There the
    /// grapheme walk has the same answer, since ASCII white space never joins the character after
    /// or before it, and a character that starts with a visible ASCII scalar is not white space.
    /// Nil (walk the graphemes) for anything else.
    private var asciiTrimmed: String? {
        var text = self
        return text.withUTF8 { bytes -> String? in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var start = 0
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
            guard start < bytes.count else { return "" }
            var end = bytes.count
            while isSpace(bytes[end - 1]) { end -= 1 }
            let first = bytes[start], last = bytes[end - 1]
            guard first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
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

extension String {
    /// The parts one after another, each copied once into a string made at its final size.
    /// Listing pages build URLs by the thousand (`/articles/slug/`, `…#anchor`); appending to a
    /// reserved string went through String's general append for every part, about 1.6 times the cost.
    static func concatenating(_ first: String, _ second: String, _ third: String = "", _ fourth: String = "") -> String {
        var first = first, second = second, third = third, fourth = fourth
        let count = first.utf8.count + second.utf8.count + third.utf8.count + fourth.utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            var end = copy(&first, into: buffer, at: 0)
            end = copy(&second, into: buffer, at: end)
            end = copy(&third, into: buffer, at: end)
            return copy(&fourth, into: buffer, at: end)
        }
    }

    /// Copies `part`'s UTF-8 into `buffer` from `offset`; returns where it ends. A function of
    /// its arguments only: a nested function sharing the offset paid for exclusivity checks.
    private static func copy(_ part: inout String, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        part.withUTF8 { bytes in
            guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return offset }
            (target + offset).initialize(from: source, count: bytes.count)
            return offset + bytes.count
        }
    }
}

extension String {
    /// Whether any character is a letter or a digit: keywords and aliases without one (`*`, `-`,
    /// an empty string) can never match a word of an article.
    var hasWordCharacter: Bool {
        contains { $0.isLetter || $0.isNumber }
    }
}
