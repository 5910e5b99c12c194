import Testing
@testable import BriefgenCore

/// Paragraphs with thousands of quotations: each quote looks up its sentence and the text before
/// it, and these check that doing so within one long paragraph still gives every quote and speaker.
/// (How long it takes is measured with `briefgen-bench` and the repro scripts, not here.)
@Suite("Quote extraction in long paragraphs")
struct QuoteExtractorScaleTests {
    /// Made-up people: generated text puts no words in real people's mouths.
    static let speakers = ["Kest", "Sorel", "Venn", "Lena Ostrova"]

    @Test("one sentence of 2,000 quotes, each followed by its speaker and a comma: joined in pairs")
    func oneLongSentence() throws {
        // `“…” said Kest, “…”` is one quotation split by its attribution, so quotes pair up.
        let paragraph = (0..<2000).map { "“we hold line \($0)” said \(Self.speakers[$0 % 4]), " }.joined()
        let found = QuoteExtractor(knownPeople: Self.speakers).extract(from: ["date 2025-12-01 Lede.", paragraph])
        try #require(found.count == 1000)
        #expect(found.allSatisfy { $0.paragraph == 1 })
        for pair in [0, 1, 617, 999] {
            #expect(found[pair].quote == Quote(text: "we hold line \(2 * pair) we hold line \(2 * pair + 1)", speaker: Self.speakers[2 * pair % 4]))
        }
        #expect(Set(found.compactMap(\.quote.speaker)) == ["Kest", "Venn"])
    }

    @Test("2,000 sentences of one quote each, the speaker named once and then \"he\"")
    func manySentences() throws {
        let paragraph = "Oskar Vell spoke first. "
            + (0..<2000).map { "“We agree on item \($0),” \($0 % 2 == 0 ? "he said" : "said Vell"). " }.joined()
        let found = QuoteExtractor(knownPeople: []).extract(from: [paragraph])
        try #require(found.count == 2000)
        for index in [0, 1, 1000, 1999] {
            #expect(found[index].quote == Quote(text: "We agree on item \(index)", speaker: index % 2 == 0 ? "Oskar Vell" : "Vell"))
        }
    }

    @Test("one sentence of 3,000 quotes given to \"he\": all go to the person named in the sentence before")
    func pronounsInOneLongSentence() throws {
        // Each quote reads at most `sentenceLookback` characters of its sentence back for a name;
        // reading all of it made this paragraph take time quadratic in its length.
        let paragraph = "Oskar Vell spoke first. " + String(repeating: "“The talks go on,” he said, ", count: 3000) + "and left."
        let found = QuoteExtractor(knownPeople: []).extract(from: [paragraph])
        // `“…,” he said, “…”` is one quotation split by its attribution: they pair up.
        try #require(found.count == 1500)
        #expect(found.allSatisfy { $0.quote.speaker == "Oskar Vell" }, "\(found.first.map { "\($0.quote)" } ?? "")")
    }

    @Test("in a sentence longer than the look-back, \"he\" is the first person named within it, not the sentence's first")
    func lookbackWindow() throws {
        let filler = String(repeating: "and the talks went on ", count: 120) // 2,640 characters, no full stop
        let paragraph = "Oskar Vell opened the session " + filler + "while Piet Sorel listened, “We will see,” he said."
        let people = ["Oskar Vell", "Piet Sorel"]
        let found = QuoteExtractor(knownPeople: people).extract(from: [paragraph])
        try #require(found.count == 1)
        #expect(found[0].quote.speaker == "Piet Sorel", "Oskar Vell is named more than \(QuoteExtractor.sentenceLookback) characters back")
        // In a sentence of ordinary length, the first person it names.
        let short = QuoteExtractor(knownPeople: people).extract(from: ["Oskar Vell opened the session while Piet Sorel listened, “We will see,” he said."])
        #expect(short.first?.quote.speaker == "Oskar Vell")
    }

    @Test("the look-back starts at a word, and a short sentence is read whole")
    func lookbackStart() {
        let text = Array(String(repeating: "filler ", count: 400).unicodeScalars)
        let start = QuoteExtractor.lookbackStart(0, quote: text.count, text)
        #expect(text.count - start <= QuoteExtractor.sentenceLookback)
        #expect(start > 0 && text[start - 1] == " ", "starts at a word")
        #expect(QuoteExtractor.lookbackStart(5, quote: 100, text) == 5)
    }
}

@Suite("Finding a quote's sentence")
struct SentenceLookupTests {
    @Test("the binary search finds the sentence a linear search finds, for every offset")
    func matchesLinearSearch() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<500 {
            var sentences: [Range<Int>] = []
            var start = 0
            for _ in 0..<random.next(8) {
                let end = start + 1 + random.next(6)
                sentences.append(start..<end)
                start = end
            }
            for offset in -2...(start + 2) {
                #expect(QuoteExtractor.sentence(containing: offset, sentences) == sentences.firstIndex { $0.contains(offset) }, "\(sentences) \(offset)")
            }
        }
    }
}
