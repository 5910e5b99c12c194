import Testing
@testable import BriefgenCore

/// `Attribution.speakerAfter`'s byte way against the character way it stands in for.
@Suite("Attribution over bytes")
struct AttributionBytesTests {
    static let pieces = [
        "said", "Said", "SAID", "said,", "said:", "told", "adds.", "according", "to", "he", "She", "Borin", "Kest", "Kest.",
        "Kest,", "J.", "J.,", "j.", "Donald", "Trump's", "Trump’s", "Kest'", "s", "'s", "of", "Southland", "the", "The",
        "a", "an", "senior", "official", "on", "Monday.", "van", "de", "al", "and", "\"quoted\"", "(Kest)", "“Kest”", "–",
        "-", "—", ",", ";", ":", ".", "Kovác", "Kova\u{301}c", "e\u{301}", "Ж", "K\u{212A}", "\u{37E}", "\t", "\r\n", "\r",
        "\n", " ", "  ", "who", "yesterday", "acknowledged", "ACKNOWLEDGED", "acknowledgedacknowledged", "Ostrova",
        "Lena", "Ilya", "Marek,", "1", "2024", "U.S.", "A.", "A.B.", "Mr.", "Dr", "pic.twitter.com", "http", "🇺🇸", "?!",
    ]

    static let separators = [" ", " ", " ", "  ", "\n", "\t", ", ", "\u{00A0}"]

    /// Random texts joined from the pieces, some starting like the words after a quotation.
    static func samples(count: Int) -> [String] {
        var generator = SplitMix(state: 42)
        var texts: [String] = []
        let openings = [
            "", " ", ", ", ",", " , ; ", "\n", " - ", " – ", " said ", ", said ", " told ", ", Said ", " ; adds. ", " said  ", "\tsaid\n",
        ]
        for _ in 0..<count {
            var text = openings[Int(generator.next() % UInt64(openings.count))]
            let words = Int(generator.next() % 14)
            for position in 0..<words {
                if position > 0 { text += separators[Int(generator.next() % UInt64(separators.count))] }
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            if generator.next() % 4 == 0 { text += separators[Int(generator.next() % UInt64(separators.count))] }
            texts.append(text)
        }
        return texts
    }

    static let fixed = [
        " said Borin Kest.", ", said Borin Kest.", " said Donald J. Trump.", " said J., Kest", " said the Kest's", " said Trump's",
        " said 's", " said the of", " said a senior official on Monday.", " said Piet Sorel of Southland.", " said on Monday",
        " said the", " said", " , ; said Kest", " told reporters", " Said Kest", " said Lena Ostrova, who leads the team",
        " said Kovác.", " said Kest\r\n", " said \"Kest\"", " said (Kest)", " said .", " said van der Berg", " said A B C D E F G H I J K L",
        "\t said\tKest", " said Kest'", " he said.", " according to the BBC.", " - Borin Kest", " said, Kest",
    ]

    @Test("the byte way gives the character way's answer")
    func matchesCharacterWay() {
        var decided = 0
        for text in AttributionBytesTests.fixed + AttributionBytesTests.samples(count: 30_000) {
            // Bytes, not canonical equivalence: the output must be byte-identical.
            #expect(Attribution.speakerAfter(text).map { Array($0.utf8) } == Attribution.speakerAfterByCharacters(text).map { Array($0.utf8) },
                    "\(text.debugDescription)")
            var bytes = text
            if case .decided = bytes.withUTF8({ ASCIIAttribution.speakerAfter($0) }) { decided += 1 }
        }
        // Enough of the samples take the byte way for the comparison to mean something.
        #expect(decided > 5_000)
    }

    @Test("the byte way decides the usual quotation")
    func decidesUsualQuotation() {
        var text = ", said Borin Kest."
        let answer = text.withUTF8 { ASCIIAttribution.speakerAfter($0) }
        guard case .decided(let speaker) = answer else {
            Issue.record("undecided")
            return
        }
        #expect(speaker == "Borin Kest")
    }

    @Test("a possessive written as a word of its own goes with the space before it")
    func possessiveWord() {
        for text in [" said Borin Kest 's", ", said Borin Kest 's.", ", said Borin Kest ’s."] {
            #expect(Attribution.speakerAfter(text) == "Borin Kest", "\(text.debugDescription)")
            #expect(Attribution.speakerAfterByCharacters(text) == "Borin Kest", "\(text.debugDescription)")
        }
    }
}

/// `Sentences.asciiAbbreviation` against the string lookup it stands in for.
@Suite("Abbreviations over scalars")
struct AbbreviationScalarTests {
    /// The old rule: the bare word built as a string and looked up.
    static func oracle(_ scalars: [Unicode.Scalar]) -> Bool? {
        Sentences.asciiBareWord(scalars, 0..<scalars.count).map { Sentences.abbreviations.contains($0) }
    }

    @Test("packed words are found as the string lookup finds them")
    func matchesStringLookup() {
        let pieces = ["\"", "'", "(", ")", ".", "e", "g", "U", "S", "m", "r", "D", "R", "x", "a", "p", "o", "\u{0}", "é", "\u{301}", "“"]
        var words = Sentences.abbreviations.flatMap { [$0, $0.uppercased(), "\"" + $0, "'(" + $0.capitalized + "\"", $0 + "x", "x" + $0] }
        var generator = SplitMix(state: 7)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 10)
            words.append((0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        words += ["approx", "APPROX", "\"approx'", "approxim", "mrsmrsmr", "\"\"\"\"\"\"\"\"", ""]
        var found = 0
        for word in words {
            let scalars = Array(word.unicodeScalars)
            let answer = Sentences.asciiAbbreviation(scalars, 0..<scalars.count)
            #expect(answer == AbbreviationScalarTests.oracle(scalars), "\(word.debugDescription)")
            if answer == true { found += 1 }
        }
        #expect(found >= Sentences.abbreviations.count * 4)
    }
}

/// `QuoteExtractor.droppingTrailingCommas` against the character loop it stands in for.
@Suite("Trailing commas over bytes")
struct TrailingCommaTests {
    static func oracle(_ text: String) -> String {
        var result = text
        while let last = result.last, last == "," { result.removeLast() }
        return result
    }

    @Test("commas are cut as the character loop cuts them")
    func matchesCharacterLoop() {
        let pieces = [",", ",", ",", " ", "a", "é", "e\u{301}", "\u{301}", "\u{600}", "\r", "\n", "“", "’", "🇺", "\u{200D}", "x,y", "\u{0903}"]
        var texts = ["", ",", ",,", "week,", "week,,", "\u{600},", "a\u{600},,", "e\u{301},", ",\u{301}", "Kest’s,"]
        var generator = SplitMix(state: 11)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 8)
            texts.append((0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(Array(QuoteExtractor.droppingTrailingCommas(text).utf8) == Array(TrailingCommaTests.oracle(text).utf8), "\(text.debugDescription)")
        }
    }
}
