import Foundation
import Testing
@testable import BriefgenCore

/// The tokenizer's fast paths against a plain reading of its rules: words are runs of letters
/// and digits (with combining marks inside a word), hashed as written and lower-cased.
@Suite("Tokenizer")
struct TokenizerTests {
    /// The rules, written for clarity over Unicode scalars.
    static func reference(_ text: String) -> [(offset: Int, length: Int, exact: UInt64, folded: UInt64, head: [UInt8])] {
        var result: [(Int, Int, UInt64, UInt64, [UInt8])] = []
        var offset = 0
        var start: Int?
        var word = ""
        func finish() {
            guard let begin = start else { return }
            let exact = Array(word.utf8).withUnsafeBufferPointer { Hashing.wordHash($0) }
            let lowered = Array(word.lowercased().utf8)
            let folded = lowered.withUnsafeBufferPointer { Hashing.wordHash($0) }
            result.append((begin, word.utf8.count, exact, folded, Array(lowered.prefix(16))))
            start = nil
            word = ""
        }
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isWord = properties.isAlphabetic || properties.numericType != nil
                || (properties.generalCategory == .nonspacingMark && start != nil)
            if isWord {
                if start == nil { start = offset }
                word.unicodeScalars.append(scalar)
            } else {
                finish()
            }
            offset += UTF8.width(scalar)
        }
        finish()
        return result
    }

    static func head(_ token: WordToken) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in 0..<16 {
            let byte = UInt8(truncatingIfNeeded: (index < 8 ? token.head.0 >> (8 * UInt64(index)) : token.head.1 >> (8 * UInt64(index - 8))))
            if byte == 0 { break }
            bytes.append(byte)
        }
        return bytes
    }

    static let samples = [
        "The 20-point plan: Trump's envoy met Zelensky in Kyiv.", "ÜBER Straße naïve café résumé", "Ελληνικά ΚΕΦΑΛΑΙΑ και πεζά",
        "Донбас і ЗАПОРІЖЖЯ, 2025", "e\u{301}te\u{301} — “quoted” ‘words’ …", "", "   ", "a", "UPPER lower MiXeD 123abc",
        "averyveryverylongwordthatgoesbeyondsixteenbytes AVERYVERYVERYLONGWORDTHATGOESBEYONDSIXTEENBYTES", "日本語のテキスト", "x\u{0}y",
    ]

    @Test("words, offsets and hashes follow the rules", arguments: samples)
    func matchesReference(_ text: String) {
        let tokens = Tokenizer.words(in: text)
        let expected = TokenizerTests.reference(text)
        #expect(tokens.count == expected.count)
        for (token, want) in zip(tokens, expected) {
            #expect(token.offset == want.offset && token.length == want.length, "\(text)")
            #expect(token.exactHash == want.exact && token.foldedHash == want.folded, "\(text) at \(want.offset)")
            #expect(TokenizerTests.head(token) == want.head, "\(text) at \(want.offset)")
        }
    }

    @Test("random mixtures of scripts, marks and punctuation tokenize the same either way")
    func randomText() {
        // A fixed generator: the same texts every run.
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        let pieces = ["a", "Z", "q", "7", "0", " ", " ", "-", "'", ".", "@", "[", "`", "{", "/", ":", "\n", "é", "Ж", "ї", "\u{301}",
                      "“", "”", "—", "日", "AbCdEfGhIjKlMnOpQrS", "word", "twelveletter", "sixteenletterss", "x\u{0}"]
        for _ in 0..<400 {
            let text = (0..<random.next(60)).map { _ in pieces[random.next(pieces.count)] }.joined()
            TokenizerTests.expectSameAsReference(text)
        }
    }

    /// The tokenizer's words of `text` against the reference's: offsets, lengths, both hashes and heads.
    static func expectSameAsReference(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tokens = Tokenizer.words(in: text)
        let expected = reference(text)
        #expect(tokens.map(\.offset) == expected.map(\.offset), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(tokens.map(\.length) == expected.map(\.length), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(tokens.map(\.foldedHash) == expected.map(\.folded), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(tokens.map(\.exactHash) == expected.map(\.exact), "\(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(tokens.map(head) == expected.map(\.head), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test("the sample articles tokenize the same either way")
    func sampleContent() throws {
        let files = try FileManager.default.contentsOfDirectory(at: TestPaths.content.appendingPathComponent("articles"), includingPropertiesForKeys: nil)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let tokens = Tokenizer.words(in: text)
            let expected = TokenizerTests.reference(text)
            #expect(tokens.map(\.offset) == expected.map(\.offset), "\(file.lastPathComponent)")
            #expect(tokens.map(\.foldedHash) == expected.map(\.folded), "\(file.lastPathComponent)")
            #expect(tokens.map(\.exactHash) == expected.map(\.exact), "\(file.lastPathComponent)")
        }
    }

    /// Texts are read 32, 16 or 8 bytes at a time, and words loaded eight bytes at a time: from their
    /// start when 16 bytes of text follow it, else from their end backwards, else (texts under
    /// eight bytes) byte by byte. Short texts of every length up to 79 bytes, with words of every
    /// length up to past 16 bytes at their start, middle and end, go through each way.
    @Test("words near the start and end of short texts tokenize the same either way")
    func shortTexts() {
        var random = SeededRandom(seed: 23)
        let letters = Array("aZq7Mx0bYzAé-' .,\u{301}")
        for length in 0..<80 {
            for _ in 0..<150 {
                // Mostly letters, so that long words come up.
                let text = String((0..<length).map { _ in random.next(4) == 0 ? letters[random.next(letters.count)] : letters[random.next(6)] })
                TokenizerTests.expectSameAsReference(text)
            }
        }
    }

    /// Words are compared by `wordHash`, `hash` without its finaliser; `hash` itself (slugs and
    /// template fields use it) keeps its values. Both against a plain byte-by-byte reading.
    @Test("hash keeps its values, and wordHash is hash without the finaliser")
    func hashes() {
        func reference(_ bytes: [UInt8], finalize: Bool) -> UInt64 {
            let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = (0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)) &* prime
            for start in stride(from: 0, to: bytes.count, by: 8) {
                var chunk: UInt64 = 0
                for (offset, byte) in bytes[start..<min(start + 8, bytes.count)].enumerated() { chunk |= UInt64(byte) << (8 * UInt64(offset)) }
                hash = (hash ^ chunk) &* prime
                hash ^= hash >> 31
            }
            guard finalize else { return hash }
            hash ^= hash >> 33
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash = hash &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 33)
        }
        var random = SeededRandom(seed: 29)
        for length in 0..<40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next(256)) }
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(Hashing.hash(buffer) == reference(bytes, finalize: true), "\(bytes)")
                    #expect(Hashing.wordHash(buffer) == reference(bytes, finalize: false), "\(bytes)")
                }
            }
        }
    }

    /// An article's blocks are appended to one array: straight into its spare room when there is
    /// room for every word the text could hold, else through a scratch buffer; and the sequence
    /// that scans into the room copies what fits when given less. Every way gives the words of
    /// `words(in:)` after those already there.
    @Test("appending words to an array, with and without room, gives the words of the text")
    func appendWithAndWithoutRoom() {
        var random = SeededRandom(seed: 31)
        let pieces = ["a", "Z", "7", " ", " ", "-", "'", ".", "é", "\u{301}", "“", "word", "sixteenletterss", "AbCdEfGhIjKlMnOpQrS"]
        let before = Tokenizer.words(in: "Already there, three")
        for _ in 0..<300 {
            let text = (0..<random.next(40)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let expected = before + Tokenizer.words(in: text)
            for room in [0, 1, 3, text.utf8.count / 4, text.utf8.count] {
                var tokens = before
                tokens.reserveCapacity(before.count + room)
                Tokenizer.append(wordsIn: text, to: &tokens)
                #expect(tokens == expected, "\(text.debugDescription) room \(room)")
                var direct = before
                direct.reserveCapacity(before.count + room)
                var copy = text
                copy.withUTF8 { direct.append(contentsOf: Tokenizer.ScannedWords(bytes: $0)) }
                #expect(direct == expected, "\(text.debugDescription) room \(room)")
                #expect(direct.map(\.foldedHash) == expected.map(\.foldedHash) && tokens.map(\.foldedHash) == expected.map(\.foldedHash))
                #expect(direct.map(TokenizerTests.head) == expected.map(TokenizerTests.head) && tokens.map(TokenizerTests.head) == expected.map(TokenizerTests.head))
            }
        }
    }
}
