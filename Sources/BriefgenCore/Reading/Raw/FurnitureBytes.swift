/// Byte checks that dismiss ordinary lines before `Furniture`'s tests build lower-cased copies,
/// split words and search for a dozen markers. Each is a necessary condition of the test it
/// guards, so it never dismisses a line the test would accept (`FurnitureBytesTests` holds each
/// against the whole test on generated lines). Reading raw articles spent a third of its time
/// in these tests, almost all on lines that are plainly body text or headings.
enum FurnitureBytes {
    /// Whether the line holds `word` (lower-case ASCII letters) in any mix of cases. Only ASCII
    /// letters lower-case to ASCII letters other than `i` and `k` (U+0130, U+212A), which none of
    /// the words checked here contains, so a line without it cannot lower-case to text with it.
    static func containsFolded(_ word: StaticString, in line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            let count = word.utf8CodeUnitCount
            guard count > 0, bytes.count >= count else { return false }
            let pattern = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for start in 0...(bytes.count - count) {
                var matched = 0
                while matched < count, bytes[start + matched] | 0x20 == pattern[matched] { matched += 1 }
                if matched == count { return true }
            }
            return false
        }
    }

    /// A date line has a digit and names a month, is written ISO-style (a `-`) or says "ago":
    /// the first check of `Furniture.isDateLine`, over the bytes, without the folded copy and
    /// its thirteen searches. Month abbreviations all have three letters at least, and every
    /// one of them starts a three-letter prefix in this list.
    static func mayBeDate(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var digit = false, marker = false
            var window: UInt32 = 0
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 { digit = true }
                if byte == 0x2D { marker = true }
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                window = (window << 8 | UInt32(folded)) & 0xFF_FFFF
                if !marker, folded >= 0x61, isMonthPrefix(window) { marker = true }
                if digit && marker { return true }
            }
            return false
        }
    }

    /// "jan" … "dec" (with "sep" for "sept") and "ago", each packed as three bytes
    /// (`FurnitureBytesTests` checks the constants against the words).
    static func isMonthPrefix(_ packed: UInt32) -> Bool {
        switch packed {
        case 0x6A616E, 0x666562, 0x6D6172, 0x617072, 0x6D6179, 0x6A756E, 0x6A756C, 0x617567, 0x736570, 0x6F6374, 0x6E6F76,
             0x646563, 0x61676F:
            return true
        default: return false
        }
    }

    /// A view counter has a digit, and either its last word is "views", "view", "reads",
    /// "comments" or "shares" (so it ends, white space aside, in `s` or `w`, in either case) or
    /// its first is "views:", "reads:" or "comments:" (so it has a colon). A line ending in a
    /// byte outside ASCII goes on to the whole test, whose trimming knows Unicode white space.
    static func mayBeViewCounter(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var digit = false, colon = false
            var last: UInt8 = 0
            for byte in bytes {
                if byte >= 0x30 && byte <= 0x39 { digit = true }
                if byte == 0x3A { colon = true }
                if byte != 0x20 && !(0x09...0x0D).contains(byte) { last = byte }
            }
            guard digit else { return false }
            return colon || last >= 0x80 || last | 0x20 == 0x73 || last | 0x20 == 0x77
        }
    }

    /// A caption's last 100 bytes have a bracket, a colon or a slash, or name one of a few
    /// agencies: `Furniture.captionMatches`' first check, over the bytes in place.
    static func mayBeCaption(_ paragraph: String) -> Bool {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            let tail = UnsafeBufferPointer(rebasing: bytes[max(0, bytes.count - 100)...])
            for index in tail.indices {
                let name: [UInt8]
                switch tail[index] {
                case 0x28, 0x3A, 0x2F: return true // ( : /
                case UInt8(ascii: "G"): name = agencies[0]
                case UInt8(ascii: "S"): name = agencies[1]
                case UInt8(ascii: "P"): name = agencies[2]
                case UInt8(ascii: "p"): name = agencies[3]
                case UInt8(ascii: "E"): name = agencies[4]
                case UInt8(ascii: "A"): name = agencies[5]
                case UInt8(ascii: "R"): name = agencies[6]
                default: continue
                }
                if tail.count - index >= name.count, name.indices.allSatisfy({ tail[index + $0] == name[$0] }) { return true }
            }
            return false
        }
    }

    /// In the order of their first letters in `mayBeCaption`'s switch.
    private static let agencies: [[UInt8]] = ["Getty", "Shutterstock", "Photo", "photo", "EPA", "AFP", "Reuters"].map { Array($0.utf8) }
}
