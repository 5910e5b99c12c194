/// Control characters (other than tab and line breaks) and the noncharacters U+FFFE and U+FFFF
/// are not allowed in HTML or XML 1.0: one pasted vertical tab makes a feed unreadable to every
/// reader. Sources are cleaned once, as they are read, each such character becoming a space.
enum ControlCharacters {
    /// The text with each forbidden character replaced by a space, or nil when there is none.
    static func replaced(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = firstForbidden(in: bytes) else { return nil }
            var cleaned = [UInt8]()
            cleaned.reserveCapacity(bytes.count)
            cleaned.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let length = forbiddenLength(in: bytes, at: index)
                if length > 0 {
                    cleaned.append(0x20)
                    index += length
                } else {
                    cleaned.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: cleaned, as: UTF8.self)
        }
    }

    static func firstForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // Most bytes are printable ASCII or continuation bytes: one comparison each.
            if byte >= 0x20 && byte < 0x7F || byte >= 0x80 && byte != 0xC2 && byte != 0xEF {
                index += 1
                continue
            }
            if forbiddenLength(in: bytes, at: index) > 0 { return index }
            index += 1
        }
        return nil
    }

    /// Bytes taken by a forbidden character starting at `index`, or 0.
    private static func forbiddenLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x09, 0x0A, 0x0D: return 0
        case 0x00..<0x20, 0x7F: return 1
        case 0xC2:
            // C1 controls U+0080–U+009F.
            return index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) ? 2 : 0
        case 0xEF:
            // U+FFFE and U+FFFF.
            return index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF) ? 3 : 0
        default: return 0
        }
    }
}
