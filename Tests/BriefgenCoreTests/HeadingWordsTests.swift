import Testing
@testable import BriefgenCore

@Suite("Heading words")
struct HeadingWordsTests {
    static let pieces = ["Security", "guarantees", " ", "  ", "\u{00A0}", "\r\n", "\r", "\n", "\t", " \u{301}", "é", "20-Point", "?",
                         "(Kyiv)", "a", "", "🇺🇦", "\u{301}", "Q:", "x"]

    @Test("the byte split of ASCII lines gives the words the character split gives, for any line")
    func sameWords() {
        var random = SeededRandom(seed: 11)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var asciiLines = 0
        for _ in 0..<20_000 {
            let line = (0..<next(9)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let expected = line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
            #expect(HeadingShape.words(line) == expected, "\(line.debugDescription)")
            if let ascii = HeadingShape.asciiWords(line) {
                asciiLines += 1
                #expect(ascii.map { $0.startIndex } == expected.map { $0.startIndex }, "\(line.debugDescription)")
            }
        }
        #expect(asciiLines > 1_000, "the byte split was tried: \(asciiLines)")
    }

    /// `isTitleCase` as it was, character by character, for every word.
    static func titleCaseByCharacters(_ words: [Substring]) -> Bool {
        var significant = 0
        var capitalised = 0
        for (index, word) in words.enumerated() {
            let bare = word.strippingCharacters(.titleWordPunctuation)
            guard let first = bare.first, first.isLetter || first.isNumber else { continue }
            if index > 0, HeadingShape.minorWords.contains(bare.lowercased()) { continue }
            significant += 1
            if first.isUppercase || first.isNumber { capitalised += 1 }
        }
        guard significant > 0 else { return false }
        return words.count == 1 ? capitalised == 1 : capitalised * 10 >= significant * 7 && significant >= 2
    }

    @Test("Title Case read on the bytes of ASCII words agrees with the character code")
    func sameTitleCase() {
        let vocabulary = ["Security", "security", "the", "The", "THE", "of", "Of", "about", "ABOUT", "before", "Before", "20-Point", "20",
                          "(Kyiv)", "\"Peace\"", "'a'", "?", "!!", "[Draft]", "é", "Élan", "ľud", "x\r", "Zelenskyy's", "via", "vs", "vs.",
                          "\u{212A}ing", "‘Quoted’", "Über", "and", "AND", "onto", "Into", "9/11", "-", "a", "A", "is"]
        var random = SeededRandom(seed: 5)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var titles = 0
        for _ in 0..<30_000 {
            let words = (0..<(1 + next(8))).map { _ in Substring(vocabulary[next(vocabulary.count)]) }
            let expected = Self.titleCaseByCharacters(words)
            #expect(HeadingShape.isTitleCase(words) == expected, "\(words)")
            if expected { titles += 1 }
        }
        #expect(titles > 1_000 && titles < 29_000, "both answers reached: \(titles)")
    }
}
