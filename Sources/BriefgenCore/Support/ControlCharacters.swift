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
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            // This scan sees every byte of every file; byte by byte it was a quarter of reading an
            // article. Eight bytes at a time, it stops only at a byte that may start a forbidden
            // character (below 0x20, 0x7F, 0xC2, 0xEF), such as each line break.
            func word(at offset: Int) -> UInt64 {
                UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            }
            while index + 8 <= count {
                // Runs of printable ASCII, sixteen bytes per step.
                while index + 16 <= count, isPrintableASCII(word(at: index)), isPrintableASCII(word(at: index + 8)) { index += 16 }
                guard index + 8 <= count else { break }
                let word = word(at: index)
                if isPrintableASCII(word) {
                    index += 8
                    continue
                }
                let candidates = ByteScan.zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0) | ByteScan.zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
                    | ByteScan.zeroBytes(word ^ 0xC2C2_C2C2_C2C2_C2C2) | ByteScan.zeroBytes(word ^ 0xEFEF_EFEF_EFEF_EFEF)
                if candidates == 0 {
                    index += 8
                    continue
                }
                index += candidates.trailingZeroBitCount / 8
                if forbiddenLength(in: bytes, at: index) > 0 { return index }
                index += 1
            }
        }
        while index < count {
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

    /// Whether all eight bytes are printable ASCII (0x20…0x7E), the usual case, in a few
    /// operations: for a byte below 0x80, adding 0x01 sets its top bit only for 0x7F, and adding
    /// 0x60 leaves it clear only below 0x20 (no carry crosses into the next byte).
    @inline(__always)
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        (word | (word &+ 0x0101_0101_0101_0101) | ~(word &+ 0x6060_6060_6060_6060)) & 0x8080_8080_8080_8080 == 0
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
