import CBriefgenSystem

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

    /// Offset of the first occurrence of `pattern` in `text` at or after `from`, or nil.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        search(pattern, in: text, from: from, backwards: false)
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
        if !backwards, let base = text.baseAddress, let needle = pattern.baseAddress {
            // The C library's memmem compares many bytes a step; the loop below went one by one
            // (a seventh of reading a raw article, for the furniture and embedded-post markers).
            guard let found = briefgen_memmem(base + from, n - from, needle, m) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
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

/// Finds bytes of interest sixteen or eight at a time: the loops that look at every byte of every
/// paragraph for a quote mark, a dash or a line break mostly find none, and testing eight bytes
/// per step cost a fifth of testing them one by one.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// 0x80 in each byte of `word` that is zero, and nothing else (no false positives).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lows) &+ lows) | word | lows)
    }

    /// The first index at or after `start` whose byte is one of `a`…`d` (repeat a value to look
    /// for fewer), or, with `highBytes`, 0x80 or more; `bytes.count` when there is none.
    @inline(__always)
    static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8,
                     highBytes: Bool = false) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            // Sixteen bytes a step as one vector, then eight as a word for the rest.
            let vectorA = SIMD16<UInt8>(repeating: a), vectorB = SIMD16<UInt8>(repeating: b)
            let vectorC = SIMD16<UInt8>(repeating: c), vectorD = SIMD16<UInt8>(repeating: d)
            let top = SIMD16<UInt8>(repeating: 0x80)
            while index + 16 <= count {
                let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                var found = here .== vectorA .| here .== vectorB .| here .== vectorC .| here .== vectorD
                if highBytes { found = found .| (here & top) .== top }
                if let lane = firstLane(found) { return index + lane }
                index += 16
            }
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                var found = zeroBytes(word ^ (UInt64(a) &* ones)) | zeroBytes(word ^ (UInt64(b) &* ones))
                    | zeroBytes(word ^ (UInt64(c) &* ones)) | zeroBytes(word ^ (UInt64(d) &* ones))
                if highBytes { found |= word & tops }
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c || byte == d || highBytes && byte >= 0x80 { return index }
            index += 1
        }
        return count
    }

    /// The first index at or after `start` of a byte HTML escapes (`& < > " '`), or `bytes.count`.
    @inline(__always)
    static func nextHTMLSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found = zeroBytes(word ^ (0x26 &* ones)) | zeroBytes(word ^ (0x3C &* ones)) | zeroBytes(word ^ (0x3E &* ones))
                    | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x27 &* ones))
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            switch bytes[index] {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27: return index
            default: index += 1
            }
        }
        return count
    }

    /// Whether `bytes` has a line break, a tab, a carriage return or two spaces in a row.
    ///
    /// Sixteen bytes a step as one vector (a second load one byte on finds the double spaces):
    /// every paragraph's text goes through this, and it costs about a third of the eight-byte
    /// `UInt64` version it replaced.
    static func hasBreakOrDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let space = SIMD16<UInt8>(repeating: 0x20), newline = SIMD16<UInt8>(repeating: 0x0A)
            let tab = SIMD16<UInt8>(repeating: 0x09), carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
            while index + 17 <= count {
                let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                let found = here .== newline .| here .== tab .| here .== carriageReturn .| (here .== space .& next .== space)
                if anyLane(found) { return true }
                index += 16
            }
        }
        // The pair across the last step's edge was seen by its last lane.
        var previousSpace = false
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x20 && previousSpace { return true }
            previousSpace = byte == 0x20
            index += 1
        }
        return false
    }

    /// Whether `bytes` has anything `SmartPunctuation` would change: a quote mark, `--` or `...`.
    static func hasSmartPunctuation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        nextSmartPunctuation(in: bytes, from: 0) < bytes.count
    }

    /// The first index at or after `start` where `SmartPunctuation` has work: a quote mark, or the
    /// start of `--` or `...`; `bytes.count` when there is none.
    ///
    /// Sixteen bytes a step, with loads one and two bytes on for the runs: most text has nothing
    /// to change but its full stops and hyphens, where a search for any `.` or `-` stopped at
    /// each of them.
    static func nextSmartPunctuation(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            let dash = SIMD16<UInt8>(repeating: 0x2D), dot = SIMD16<UInt8>(repeating: 0x2E)
            let quote = SIMD16<UInt8>(repeating: 0x22), apostrophe = SIMD16<UInt8>(repeating: 0x27)
            while index + 18 <= count {
                let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                let after = UnsafeRawPointer(base + index + 2).loadUnaligned(as: SIMD16<UInt8>.self)
                let found = here .== quote .| here .== apostrophe .| (here .== dash .& next .== dash)
                    .| (here .== dot .& next .== dot .& after .== dot)
                if let lane = firstLane(found) { return index + lane }
                index += 16
            }
        }
        while index < count {
            switch bytes[index] {
            case 0x22, 0x27: return index
            case 0x2D where index + 1 < count && bytes[index + 1] == 0x2D: return index
            case 0x2E where index + 2 < count && bytes[index + 1] == 0x2E && bytes[index + 2] == 0x2E: return index
            default: index += 1
            }
        }
        return count
    }

    /// The first set lane of `mask`, read as two 64-bit words (a set lane is a byte of ones).
    @inline(__always)
    static func firstLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Int? {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if words[0] != 0 { return words[0].trailingZeroBitCount / 8 }
        if words[1] != 0 { return 8 + words[1].trailingZeroBitCount / 8 }
        return nil
    }

    /// Whether any lane of `mask` is set, as two 64-bit words: the standard library's `any(_:)`
    /// and comparisons with a scalar are lane-by-lane loops here, not single vector instructions.
    @inline(__always)
    private static func anyLane(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }
}
