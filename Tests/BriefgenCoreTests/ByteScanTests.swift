import Testing
@testable import BriefgenCore

/// The eight-bytes-at-a-time scans against byte-by-byte loops, on random text that mixes the
/// bytes they look for with plain ASCII and multi-byte characters, at every length and offset.
@Suite("Byte scans")
struct ByteScanTests {
    static func randomTexts() -> [[UInt8]] {
        var random = SeededRandom(seed: 0x2545_F491_4F6C_DD1D)
        let pieces: [[UInt8]] = ["a", "b", " ", "  ", "\"", "'", "-", "&", "<", ">", "--", ".", "...", "\n", "\t", "\r", "(", "«", "»", "“", "”", "„", "‘", "’",
                                 "—", "Ж", "日", "abcdefgh", "\u{7F}", "\u{80}"].map { Array($0.utf8) }
        return (0..<600).map { _ in (0..<random.next(40)).flatMap { _ in pieces[random.next(pieces.count)] } }
    }

    @Test("finding the next of a few bytes, or of any byte from 0x80")
    func next() {
        for text in ByteScanTests.randomTexts() {
            text.withUnsafeBufferPointer { bytes in
                for start in 0...bytes.count {
                    for high in [false, true] {
                        let expected = (start..<bytes.count).first { [0x22, 0x27, 0x2D].contains(bytes[$0]) || high && bytes[$0] >= 0x80 } ?? bytes.count
                        #expect(ByteScan.next(in: bytes, from: start, 0x22, 0x27, 0x2D, 0x2D, highBytes: high) == expected)
                    }
                }
            }
        }
    }

    @Test("HTML escaping finds every special byte, in templates and in ids")
    func htmlEscaping() {
        for text in ByteScanTests.randomTexts() + [Array("a<b>&\"'c".utf8), Array("plain text with no specials at all".utf8)] {
            var output: [UInt8] = []
            let string = String(decoding: text, as: UTF8.self)
            HTMLEscaping.append(escaping: string, to: &output)
            let expected = ReferenceEscaping.html(string)
            #expect(String(decoding: output, as: UTF8.self) == expected)
            #expect(HTMLEscaping.text(string) == expected)
        }
    }

    @Test("line breaks and double spaces")
    func breaksAndDoubleSpaces() {
        for text in ByteScanTests.randomTexts() {
            let expected = text.indices.contains { index in
                [0x0A, 0x09, 0x0D].contains(text[index]) || text[index] == 0x20 && index > 0 && text[index - 1] == 0x20
            }
            text.withUnsafeBufferPointer { #expect(ByteScan.hasBreakOrDoubleSpace($0) == expected, "\(text)") }
        }
        // One double space or break at every offset, across the sixteen-byte steps too.
        for offset in 0..<40 {
            for (inserted, expected) in [("  ", true), ("\n", true), ("\t", true), ("\r", true), ("_", false), (" ", false)] {
                let text = Array((String(repeating: "x", count: offset) + inserted + "x y" + String(repeating: "z", count: 9)).utf8)
                text.withUnsafeBufferPointer { #expect(ByteScan.hasBreakOrDoubleSpace($0) == expected, "\(offset) \(inserted.debugDescription)") }
            }
        }
    }

    /// Where `ControlCharacters.firstForbidden` must stop, found byte by byte: a C0 control other
    /// than tab, line feed and carriage return, DEL, a C1 control (0xC2 0x80…0x9F), U+FFFE or U+FFFF.
    static func firstForbiddenByteByByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.indices.first { index in
            let byte = bytes[index]
            func next(_ offset: Int) -> UInt8? { index + offset < bytes.endIndex ? bytes[index + offset] : nil }
            return byte < 0x20 && ![0x09, 0x0A, 0x0D].contains(byte) || byte == 0x7F
                || byte == 0xC2 && (0x80...0x9F).contains(next(1) ?? 0)
                || byte == 0xEF && next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF)
        }.map { $0 - bytes.startIndex }
    }

    @Test("forbidden characters are found eight and sixteen bytes at a time exactly where byte by byte finds them")
    func firstForbidden() {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        let clean: [[UInt8]] = ["a", " ", "abcdefghijklmnopq", "Z~}", "\n", "\t", "\r\n", "\r", "\u{A0}", "é", "Ж", "日", "😀",
                                "\u{FEFF}", "\u{FFFD}", "“"].map { Array($0.utf8) }
        let forbidden: [[UInt8]] = ["\u{0}", "\u{1}", "\u{0B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}"]
            .map { Array($0.utf8) }
        var found = 0
        for _ in 0..<1500 {
            // Mostly clean text, so that the scan runs a while before it stops.
            let text = (0..<random.next(60)).flatMap { _ in
                random.next(12) == 0 ? forbidden[random.next(forbidden.count)] : clean[random.next(clean.count)]
            }
            for start in 0...min(text.count, 17) {
                let slice = text[start...]
                let expected = ByteScanTests.firstForbiddenByteByByte(slice)
                found += expected == nil ? 0 : 1
                slice.withUnsafeBufferPointer { #expect(ControlCharacters.firstForbidden(in: $0) == expected, "\(Array(slice))") }
            }
        }
        #expect(found > 5000)
        // One forbidden character at every offset of a long clean run; cut after its first byte,
        // only the one-byte ones are still forbidden.
        for offset in 0..<40 {
            for inserted in ["\u{1}", "\u{7F}", "\u{85}", "\u{FFFF}"] {
                let text = Array((String(repeating: "x", count: offset) + inserted + String(repeating: "y", count: 20)).utf8)
                text.withUnsafeBufferPointer { #expect(ControlCharacters.firstForbidden(in: $0) == offset) }
                let cut = Array(text[..<(offset + 1)])
                let expected = inserted.utf8.count == 1 ? offset : nil
                cut.withUnsafeBufferPointer { #expect(ControlCharacters.firstForbidden(in: $0) == expected) }
            }
        }
    }

    /// `ContentHash` written plainly: four lanes over 32-byte blocks, each lane a word of the
    /// block, mixed together; then words, then bytes.
    static func hashPlainly(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        func word(_ index: Int) -> UInt64 {
            var word: UInt64 = 0
            for offset in 0..<8 { word |= UInt64(bytes[index + offset]) << (8 * offset) }
            return word
        }
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0x0000_0100_0000_01b3
            return mixed ^ (mixed >> 29)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = bytes.startIndex
        if bytes.count >= 32 {
            var lanes: [UInt64] = [hash, hash ^ 0x9e37_79b9_7f4a_7c15, hash ^ 0xc2b2_ae3d_27d4_eb4f, hash ^ 0x1656_67b1_9e37_79f9]
            while index + 32 <= bytes.endIndex {
                for lane in 0..<4 { lanes[lane] = mix(lanes[lane], word(index + 8 * lane)) }
                index += 32
            }
            hash = lanes.dropFirst().reduce(lanes[0], mix)
        }
        while index + 8 <= bytes.endIndex {
            hash = mix(hash, word(index))
            index += 8
        }
        while index < bytes.endIndex {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        return hash ^ UInt64(bytes.count) &* 0x9e37_79b9_7f4a_7c15
    }

    @Test("content hashes equal the plainly written hash at every length and offset, and tell apart one changed byte")
    func contentHash() {
        var random = SeededRandom(seed: 0xC0FF_EE00_1234_5678)
        let bytes = (0..<200).map { _ in UInt8(random.next(256)) }
        for start in 0..<9 {
            for end in start...bytes.count {
                let slice = bytes[start..<end]
                slice.withUnsafeBufferPointer { #expect(ContentHash($0).value == ByteScanTests.hashPlainly(slice), "\(start)..<\(end)") }
            }
        }
        // Every lane counts: a change to any one byte of a page changes its hash.
        let page = ContentHash(bytes).value
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x01
            #expect(ContentHash(changed).value != page, "byte \(position)")
        }
    }

    /// `QuoteMarks.mayContainQuotes` as it was written before the scan: byte by byte.
    static func mayContainQuotesByteByByte(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0x20
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: return true
            case 0x27: if previous == 0x20 || previous == 0x28 || previous == 0x5B { return true }
            case 0xC2 where index < bytes.count:
                if bytes[index] == 0xAB || bytes[index] == 0xBB { return true }
                previous = bytes[index]
                index += 1
                continue
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80:
                let third = bytes[index + 1]
                if [0x9C, 0x9D, 0x9E, 0x98].contains(third) || third == 0x99 && previous == 0x20 { return true }
                previous = third
                index += 2
                continue
            default: break
            }
            previous = byte
        }
        return false
    }

    @Test("a paragraph may hold quotes exactly when the byte-by-byte reading says so")
    func mayContainQuotes() {
        var positives = 0
        for text in ByteScanTests.randomTexts() {
            let expected = ByteScanTests.mayContainQuotesByteByByte(text)
            positives += expected ? 1 : 0
            #expect(QuoteMarks.mayContainQuotes(String(decoding: text, as: UTF8.self)) == expected, "\(String(decoding: text, as: UTF8.self))")
        }
        #expect(positives > 100 && positives < 590)
    }

    /// Smart punctuation as it was written before runs were copied whole: byte by byte.
    static func smartByteByByte(_ text: [UInt8], previous: UInt8) -> [UInt8] {
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D, 0xA0].contains(byte) }
        func opens(_ byte: UInt8) -> Bool { isSpace(byte) || [0x28, 0x5B, 0x7B, 0x2D, 0x9C, 0x98, 0x94, 0x93].contains(byte) }
        var output: [UInt8] = []
        var before = previous
        var index = 0
        while index < text.count {
            let byte = text[index]
            let next: UInt8 = index + 1 < text.count ? text[index + 1] : 0x20
            switch byte {
            case 0x22: output += opens(before) ? [0xE2, 0x80, 0x9C] : [0xE2, 0x80, 0x9D]
            case 0x27: output += opens(before) && !isSpace(next) ? [0xE2, 0x80, 0x98] : [0xE2, 0x80, 0x99]
            case 0x2D where next == 0x2D:
                var run = 0
                while index + run < text.count, text[index + run] == 0x2D { run += 1 }
                var ems = 0, ens = 0
                if run % 3 == 0 { ems = run / 3 } else if run % 2 == 0 { ens = run / 2 } else if run % 3 == 2 { ems = (run - 2) / 3; ens = 1 } else { ems = (run - 4) / 3; ens = 2 }
                for _ in 0..<ems { output += [0xE2, 0x80, 0x94] }
                for _ in 0..<ens { output += [0xE2, 0x80, 0x93] }
                index += run
                before = 0x2D
                continue
            case 0x2E where next == 0x2E && index + 2 < text.count && text[index + 2] == 0x2E:
                output += [0xE2, 0x80, 0xA6]
                index += 3
                before = 0x2E
                continue
            default: output.append(byte)
            }
            before = byte
            index += 1
        }
        return output
    }

    @Test("smart punctuation copies runs whole and curls exactly as byte by byte")
    func smartPunctuationOutput() {
        for text in ByteScanTests.randomTexts() {
            for previous: UInt8 in [0x20, 0x61, 0x9C] {
                let result = text.withUnsafeBufferPointer { SmartPunctuation.transform($0, previous: previous) } ?? text
                #expect(result == ByteScanTests.smartByteByByte(text, previous: previous), "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test("the sixteen-byte test for smart punctuation agrees with byte by byte, at every offset")
    func smartPunctuationCandidates() {
        func byteByByte(_ text: [UInt8]) -> Bool {
            text.indices.contains { index in
                text[index] == 0x22 || text[index] == 0x27 || text[index] == 0x2D && index > 0 && text[index - 1] == 0x2D
                    || text[index] == 0x2E && index > 1 && text[index - 1] == 0x2E && text[index - 2] == 0x2E
            }
        }
        for text in ByteScanTests.randomTexts() {
            text.withUnsafeBufferPointer { #expect(ByteScan.hasSmartPunctuation($0) == byteByByte(text), "\(text)") }
        }
        // Each candidate at every offset and before every length, across the sixteen-byte steps
        // and the loads one and two bytes on; the near misses must stay misses.
        for inserted in ["--", "...", "\"", "'", "-", "..", ". .", "-x-", ".", "“"] {
            for offset in 0..<40 {
                for tail in 0..<20 {
                    let text = Array((String(repeating: "x", count: offset) + inserted + String(repeating: "z. -", count: tail / 4) + String(repeating: "y", count: tail % 4)).utf8)
                    text.withUnsafeBufferPointer {
                        #expect(ByteScan.hasSmartPunctuation($0) == byteByByte(text), "\(offset) \(tail) \(inserted)")
                    }
                }
            }
        }
    }

    @Test("the next place smart punctuation has work is where byte by byte finds it, from every offset")
    func nextSmartPunctuation() {
        func byteByByte(_ text: [UInt8], from start: Int) -> Int {
            (start..<text.count).first { index in
                let byte = text[index]
                func next(_ offset: Int) -> UInt8? { index + offset < text.count ? text[index + offset] : nil }
                return byte == 0x22 || byte == 0x27 || byte == 0x2D && next(1) == 0x2D || byte == 0x2E && next(1) == 0x2E && next(2) == 0x2E
            } ?? text.count
        }
        for text in ByteScanTests.randomTexts() {
            text.withUnsafeBufferPointer { bytes in
                for start in 0...bytes.count {
                    #expect(ByteScan.nextSmartPunctuation(in: bytes, from: start) == byteByByte(text, from: start))
                }
            }
        }
    }

    @Test("smart punctuation leaves text alone exactly when it has nothing to change")
    func smartPunctuationSkips() {
        for text in ByteScanTests.randomTexts() {
            let needsWork = text.indices.contains { index in
                text[index] == 0x22 || text[index] == 0x27 || text[index] == 0x2D && index > 0 && text[index - 1] == 0x2D
                    || text[index] == 0x2E && index > 1 && text[index - 1] == 0x2E && text[index - 2] == 0x2E
            }
            text.withUnsafeBufferPointer { bytes in
                let result = SmartPunctuation.transform(bytes, previous: 0x20)
                if !needsWork { #expect(result == nil) }
                if result == nil { #expect(!needsWork || text.isEmpty) }
            }
        }
    }
}
