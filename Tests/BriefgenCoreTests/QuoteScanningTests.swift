import Foundation
import Testing
@testable import BriefgenCore

/// The byte-level shortcuts of quote extraction against the plain rules they stand in for.
@Suite("Quote scanning shortcuts")
struct QuoteScanningTests {
    /// `isTitle`'s rule: every significant word starts with a capital or a digit.
    static func everyWordCapitalised(_ text: String) -> Bool {
        HeadingShape.words(text).enumerated().allSatisfy { index, word in
            let bare = word.strippingCharacters("\"'“”‘’()[],:;?!")
            guard let first = bare.first else { return true }
            if index > 0, HeadingShape.minorWords.contains(bare.lowercased()) { return true }
            return first.isUppercase || first.isNumber
        }
    }

    static let samples = [
        "The Long Road", "the long road", "A Plan for Peace", "Bridge of Hope", "Out of the Shadows", "we will not give up",
        "“Coalition of the Willing”", "(Almost) Done", "‘Quiet’ Talks Resume", "Talks aND More", "Talks and more", "20 Points",
        "Peace before winter", "Key Issues, before Winter", "Київ Talks", "Talks in Київ today", "e\u{301}lan Vital", "  spaced   out  ",
        "", "!!!", "“”", "The committee will review the comments received in writing.", "Before the Vote", "Talks Before the vote",
    ]

    @Test("a lower-case word found over bytes always means the quote is not a title", arguments: samples)
    func lowerCaseWordImpliesNotTitle(_ text: String) {
        if QuoteExtractor.hasLowerCaseWord(text) { #expect(!QuoteScanningTests.everyWordCapitalised(text)) }
    }

    @Test("the shortcut decides most plain sentences")
    func decidesPlainSentences() throws {
        let decided = QuoteScanningTests.samples.filter(QuoteExtractor.hasLowerCaseWord)
        #expect(decided.contains("the long road") && decided.contains("Talks and more") && decided.contains("Peace before winter"))
        #expect(!decided.contains("Talks aND More") && !decided.contains("A Plan for Peace") && !decided.contains("Talks in Київ today"))
        // Every quoted passage of the raw fixtures, too.
        for text in try QuoteScanningTests.fixtureParagraphs() {
            for span in QuoteMarks.spans(in: Array(text.unicodeScalars)) where QuoteExtractor.hasLowerCaseWord(span.inner) {
                #expect(!QuoteScanningTests.everyWordCapitalised(span.inner), "\(span.inner)")
            }
        }
    }

    /// Paragraphs of every raw fixture article and of the sample content.
    static func fixtureParagraphs() throws -> [String] {
        var paragraphs: [String] = []
        for folder in [TestPaths.fixtures, TestPaths.content] {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where ["txt", "md"].contains(file.pathExtension) {
                paragraphs += try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n\n")
            }
        }
        return paragraphs
    }

    /// `strippingCharacters` as it was written: character by character.
    static func strippedCharacterByCharacter(_ text: String, _ set: String) -> String {
        var characters = Substring(text)
        while let first = characters.first, set.contains(first) { characters.removeFirst() }
        while let last = characters.last, set.contains(last) { characters.removeLast() }
        return String(characters)
    }

    @Test("stripping characters over bytes agrees with stripping them one character at a time")
    func stripping() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "B", ",", ".", ":", "\"", "'", "(", ")", "“", "”", "’", " ", "\r", "\n", "\u{301}", "é", "\u{600}", "Ж", "!", "?", "\u{37E}", "\u{1FEF}", "\u{212A}", "`", "K"]
        let sets = [",", ",.;:", ",.;:!?\"“”‘’()", "\"'“”‘’()[],:;?!", ".!?\"“”‘’()", "\n", "\r\n", ";`K", ",:;"]
        for _ in 0..<3000 {
            let text = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let set = sets[random.next(sets.count)]
            #expect(text.strippingCharacters(set) == QuoteScanningTests.strippedCharacterByCharacter(text, set), "\(text.debugDescription) \(set.debugDescription)")
        }
    }

    @Test("a set read once beforehand strips exactly what the set read on each call strips")
    func strippingWithPreparedSets() {
        var random = SeededRandom(seed: 12)
        let pieces = ["a", "B", "e", ",", ".", ":", ";", "\"", "'", "(", ")", "[", "“", "”", "‘", "’", " ", "\r", "\n", "\r\n",
                      "\u{301}", "é", "\u{600}", "Ж", "!", "?", "\u{37E}", "\u{1FEF}", "\u{212A}", "`", "K", "\u{200D}", "\u{93F}"]
        let named: [StripSet] = [.comma, .commaColon, .commaSemicolonColon, .clausePunctuation, .signatureEnd, .openingMarks,
                                 .sentenceEndAndQuotes, .wordPunctuation, .wordPunctuationAndApostrophe, .titleWordPunctuation]
        // The named sets, and random ones: empty, with "\r\n", combining marks and joiners.
        var sets = named.map(\.characters) + ["", "\r\n", "e\u{301}", ";`K", "a\u{200D}", "\u{93F}."]
        for _ in 0..<40 { sets.append((0..<random.next(5)).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        let prepared = sets.map(StripSet.init)
        for (index, set) in named.enumerated() { #expect(prepared[index].characters == set.characters) }
        for _ in 0..<6000 {
            let text = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let which = random.next(sets.count)
            let expected = QuoteScanningTests.strippedCharacterByCharacter(text, sets[which])
            #expect(text.strippingCharacters(prepared[which]) == expected, "\(text.debugDescription) \(sets[which].debugDescription)")
            #expect(Substring(text).strippingCharacters(prepared[which]) == expected)
        }
    }

    @Test("the word before a full stop, read over ASCII scalars, is the word the general way makes")
    func bareWordBeforeFullStop() {
        var random = SeededRandom(seed: 13)
        let pieces = ["a", "P", "m", "U", "s", "x", ".", "\"", "'", "(", ")", "“", "‘", "é", "e\u{301}", "Ж", "\u{37E}", "\u{212A}",
                      "-", "0", "\u{1}", "\r\n", "\r", ""]
        var words = ["Mr", "(Dr", "\"etc", "'U.S", "approx", "Approx", "APPROX", "Sept", "\"\"", "((", "", "Gen'", "“Mr", "Mr\u{301}"]
        for _ in 0..<3000 { words.append((0..<random.next(9)).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        for word in words {
            let scalars = Array(word.unicodeScalars)
            let general = String(scalars: scalars[...]).lowercased().strippingCharacters(.openingMarks)
            let ascii = Sentences.asciiBareWord(scalars, 0..<scalars.count)
            #expect(ascii == (scalars.allSatisfy(\.isASCII) ? general : nil), "\(word.debugDescription)")
        }
        // Inside a longer text, too.
        let text = Array("Talks with Mr. Kovac and (Dr. Sorel) ended.".unicodeScalars)
        #expect(Sentences.asciiBareWord(text, 11..<13) == "mr" && Sentences.asciiBareWord(text, 25..<28) == "dr")
        #expect(Sentences.ranges(in: text).count == 1)
    }

    @Test("the scan for sentence-ending punctuation stops where a search for it does")
    func nextTerminal() {
        var random = SeededRandom(seed: 14)
        // The terminals, their neighbours, and scalars whose low six bits are a terminal's ("n" is 0x2E + 0x40).
        let pieces: [Unicode.Scalar] = [".", "?", "!", "…", "-", "/", ">", "@", "n", "\u{7F}", "\u{61}", "\u{AE}", "\u{2E2E}", "\u{2025}",
                                        "\u{2027}", "\u{10026}", "\u{1002E}", "a", " ", "\r", "\n", "”", "\u{37E}", "\u{0}"]
        for _ in 0..<2000 {
            let scalars = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }
            let from = random.next(scalars.count + 1)
            let expected = scalars[from...].firstIndex(where: { $0 == "." || $0 == "?" || $0 == "!" || $0 == "…" }) ?? scalars.count
            #expect(Sentences.nextTerminal(in: scalars, from: from) == expected, "\(scalars) \(from)")
        }
    }

    @Test("word counts and clause words match splitting the text",
          arguments: samples + ["a\u{A0}b c", "said,  the   delegate\non Monday", "a\r\nb c", "x \u{301}y z", "\n\n lead"])
    func wordsMatchSplitting(_ text: String) {
        #expect(QuoteExtractor.wordCount(text) == text.split(separator: " ").count)
        #expect(QuoteExtractor.scalars(of: text) == Array(text.unicodeScalars))
        let all = text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" }).map(String.init)
        #expect(Attribution.clauseWords(text) == all)
        for limit in 1...3 { #expect(Attribution.clauseWords(text, limit: limit) == Array(all.prefix(limit))) }
    }

    @Test("the byte test for a transcript's question rules out only paragraphs hasPrefix rules out",
          arguments: ["Q: Why now?", "Question: And then?", "Q:\u{301} odd", "Q :", "q: lower", "QQ:", "Q", "", " Q: late",
                      "Questions: plural", "Question:", "Q:", "A: answer", "Ｑ: wide", "Q\u{301}: accent"])
    func questionByteTest(_ text: String) {
        if text.hasPrefix("Q:") || text.hasPrefix("Question:") { #expect(QuoteExtractor.mayOpenWithQuestion(text)) }
        #expect(QuoteExtractor.mayOpenWithQuestion(text) == (text.utf8.starts(with: Array("Q:".utf8)) || text.utf8.starts(with: Array("Question:".utf8))))
    }

    @Test("a transcript's answers are found behind the byte test")
    func transcriptStillFound() {
        let paragraphs = ["Lena Ostrova has chaired every session. She spoke to us on Monday.", "Q: What comes next?",
                          "A: We meet again next week.", "Q: And the schedule?", "A: It has not changed."]
        let answers = QuoteExtractor(knownPeople: []).interviewAnswers(in: paragraphs)
        #expect(answers.map(\.quote.text) == ["We meet again next week.", "It has not changed."])
        #expect(answers.map(\.paragraph) == [2, 4])
        #expect(answers.allSatisfy { $0.quote.speaker == "Lena Ostrova" })
    }

    @Test("repeated quotations are dropped as a plain pairwise comparison drops them")
    func repeatsMatchPairwiseRule() {
        // The rule in full: words equal once letters and digits are kept and ASCII is folded. Of
        // equal ones, each speaker's first stays (a name ending another, `Ostrova` and `Lena
        // Ostrova`, is the same speaker), and one without a speaker only when no one is named
        // saying them, the first.
        func key(_ text: String) -> [UInt8] {
            text.utf8.compactMap { byte in
                switch byte {
                case 0x41...0x5A: byte + 32
                case 0x61...0x7A, 0x30...0x39, 0x80...: byte
                default: nil
                }
            }
        }
        func same(_ a: String, _ b: String) -> Bool {
            let a = a.lowercased().split(separator: " "), b = b.lowercased().split(separator: " ")
            return a.count <= b.count ? Array(b.suffix(a.count)) == a : Array(a.suffix(b.count)) == b
        }
        func expected(_ quotes: [Quote]) -> [Quote] {
            var kept: [Int] = []
            for (index, quote) in quotes.enumerated() {
                let own = key(quote.text)
                let equal = kept.filter { !own.isEmpty && key(quotes[$0].text) == own }
                if equal.isEmpty { kept.append(index); continue }
                guard let speaker = quote.speaker else { continue }
                if let unnamed = equal.first(where: { quotes[$0].speaker == nil }) {
                    kept.removeAll { $0 == unnamed }
                    kept.append(index)
                } else if !equal.contains(where: { same(quotes[$0].speaker!, speaker) }) {
                    kept.append(index)
                }
            }
            return kept.sorted().map { quotes[$0] }
        }
        var random = SeededRandom(seed: 7)
        let texts = ["We will meet again.", "we will meet AGAIN", "We will meet again!", "Київ waits.", "київ waits",
                     "e\u{301}lan", "élan", "...", "", "No.", "no", "Talks 2", "Talks 20"]
        for _ in 0..<3000 {
            let quotes = (0..<random.next(7)).map { _ in
                Quote(text: texts[random.next(texts.count)], speaker: [nil, nil, "Lena Ostrova", "Piet Sorel", "Ostrova", "Anna Ostrova"][random.next(6)])
            }
            #expect(QuoteExtractor.withoutRepeats(quotes) == expected(quotes), "\(quotes)")
        }
    }

    @Test("two people named saying the same words are two quotes; the same person named twice is one")
    func sameWordsTwoSpeakers() {
        let quotes = [Quote(text: "We are ready to talk.", speaker: "Lena Ostrova"), Quote(text: "We are ready to talk", speaker: nil),
                      Quote(text: "We are ready to talk.", speaker: "Piet Sorel"), Quote(text: "we are ready to talk", speaker: "Ostrova")]
        #expect(QuoteExtractor.withoutRepeats(quotes).map(\.speaker) == ["Lena Ostrova", "Piet Sorel"])
        #expect(QuoteExtractor.sameSpeaker("Maria Kovac", "kovac"))
        #expect(QuoteExtractor.sameSpeaker("Foreign Minister Maria Kovac", "maria kovac"))
        #expect(!QuoteExtractor.sameSpeaker("President Sorel", "Piet Sorel"))
        #expect(!QuoteExtractor.sameSpeaker("Sorel", "Rel"))
        // Names compared as words, in any case and spacing, in any script.
        #expect(QuoteExtractor.speakerKey("  Maria \t Kovac ") == "maria kovac")
        #expect(QuoteExtractor.speakerKey("Володимир  Зеленський") == "володимир зеленський")
        #expect(QuoteExtractor.sameSpeaker("ЗЕЛЕНСЬКИЙ", "Володимир Зеленський"))
    }

    @Test("scalars read sixteen ASCII bytes at a time are the text's scalars, whatever sits between the runs")
    func scalarsOfLongText() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "The delegation met. ", "“", "”", "é", "e\u{301}", "Київ", "😀", " ", "\n", "0123456789abcdef", "’s", "\u{7F}", "\u{80}"]
        for _ in 0..<2000 {
            let text = (0..<random.next(40)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(QuoteExtractor.scalars(of: text) == Array(text.unicodeScalars), "\(text)")
        }
    }

    @Test("the skip to a possible opener passes over no quote mark that could open a quotation")
    func skipKeepsEveryOpener() {
        var random = SeededRandom(seed: 13)
        let pieces: [Unicode.Scalar] = ["a", " ", "\"", "'", "“", "”", "‘", "’", "«", "»", "„", ".", "é", "\n", "0", "😀"]
        for _ in 0..<2000 {
            let scalars = (0..<random.next(30)).map { _ in pieces[random.next(pieces.count)] }
            let start = random.next(scalars.count + 1)
            let found = QuoteMarks.nextPossibleOpener(in: scalars, from: start)
            for skipped in scalars[start..<found] {
                #expect(!QuoteMarks.isDoubleOpener(skipped) && !QuoteMarks.isSingleOpener(skipped), "\(scalars) from \(start)")
            }
            #expect(found == scalars.count || QuoteMarks.isDoubleOpener(scalars[found]) || QuoteMarks.isSingleOpener(scalars[found])
                    || scalars[found].value >= 0x80, "\(scalars) from \(start)")
        }
    }
}
