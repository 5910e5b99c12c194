import Testing
@testable import BriefgenCore

/// The byte shortcuts of the string helpers against the grapheme walks they stand in for.
@Suite("String helpers")
struct StringHelpersTests {
    @Test("trimming over bytes gives what trimming character by character gives")
    func trimmingMatchesGraphemeWalk() {
        var random = SeededRandom(seed: 5)
        let pieces = [" ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{301}",
                      "a", "said", "Kest.", ",", "é", "\u{600}", "”", "😀", "\u{0}", "\u{7F}"]
        for _ in 0..<5000 {
            let text = (0..<random.next(8)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(text.trimmingWhitespace == Substring(text).trimmingWhitespace, "\(Array(text.unicodeScalars))")
        }
        #expect(" said Borin Kest. ".trimmingWhitespace == "said Borin Kest.")
        // A space with a combining mark is a white-space character: it goes too.
        #expect("\r\n\tx \u{301}".trimmingWhitespace == "x")
    }

    @Test("spaces are counted as a filter over the bytes counts them", arguments: ["", " ", "a b  c", " Київ talks ", "no-spaces", "\u{A0} \u{2003}"])
    func spaceCount(_ text: String) {
        #expect(QuoteExtractor.spaceCount(text) == text.utf8.filter { $0 == 0x20 }.count)
    }
}
