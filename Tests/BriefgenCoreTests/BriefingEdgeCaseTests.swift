import Foundation
import Testing
@testable import BriefgenCore

/// Sites shaped to hit the corners: a point nobody mentions, an actor who never speaks, an article
/// without headings, several articles on one day, long lists that paginate.
@Suite("Briefing edge cases")
struct BriefingEdgeCaseTests {
    func edgeSite() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: [
            "no-headings.md": """
            ---
            title: Territory talks stall over the border villages
            date: 2026-01-10
            ---
            Delegations spent the day on the border villages. "We will not leave them behind," Kovac said.

            A second paragraph of neutral filler about the schedule for next week.
            """,
            "same-day-b.txt": """
            date 2026-01-10 Second Report of the Day

            Negotiators returned to the question of the villages in the afternoon, with the Donbas in mind.

            Maps and Lines

            The territory question took most of the afternoon session, and the Donbas maps were unrolled again.
            """,
            "same-day-a.txt": """
            date 2026-01-10 First Report of the Day

            A quiet morning of procedural work, with no substantive topics on the agenda.
            """,
            "older.txt": """
            date 2025-12-20 An Older Report

            Territory was discussed at length. The territory experts met twice.
            """,
        ])
        folder.write("Content/points/unmentioned.md", """
        ---
        title: A point nobody mentions
        status: agreed
        order: 2
        keywords: [zeppelin]
        ---
        An overview with no developments.
        """)
        folder.write("Content/actors/silent.md", """
        ---
        name: Silent Observer
        role: Watches.
        ---
        """)
        return folder
    }

    @Test("the corner cases build and render sensibly")
    func corners() throws {
        let folder = try edgeSite()
        let report = try TestSite.build(folder)
        #expect(report.articles == 4)

        let unmentioned = try #require(folder.read("Output/points/unmentioned/index.html"))
        #expect(unmentioned.contains("No article speaks to this point yet."))
        #expect(unmentioned.contains("No one has been quoted on this point yet."))
        #expect(!unmentioned.contains("Updated <time"), "no developments and no history: no updated date")

        let silent = try #require(folder.read("Output/actors/silent/index.html"))
        #expect(silent.contains("No quote from Silent Observer appears in the articles yet."))
        // A search result shows the description alone: it names the actor, with the role when there
        // is one (without its full stop).
        let kovac = try #require(folder.read("Output/actors/kovac/index.html"))
        #expect(kovac.contains(#"<meta name="description" content="What Maria Kovac, Foreign minister of Examplia, said in the talks.">"#))
        #expect(silent.contains(#"<meta name="description" content="What Silent Observer, Watches, said in the talks.">"#))
        // An actor without a side is grouped as briefings group quotes without one, last.
        let actors = try #require(folder.read("Output/actors/index.html"))
        #expect(HTMLInspection.matches(#"<h2>([^<]+)</h2>"#, in: actors).map { $0[0] } == ["Examplia", "Other voices"])

        // The article without headings is one section; its title names the point.
        let territory = try #require(folder.read("Output/points/territory/index.html"))
        let listed = HTMLInspection.developments(HTMLInspection.section(territory, headingID: "developments-heading"))
        #expect(listed.map(\.link) == [
            "/articles/no-headings/#intro-p1",
            "/articles/same-day-b/#maps-and-lines",
            "/articles/older/#intro-p1",
        ], "newest first; same day ordered by slug; the no-heading article linked at its first paragraph")
        #expect(territory.contains("We will not leave them behind"))
        #expect(territory.contains(#"<h3>Examplia</h3>"#))

        // Same-day articles are ordered by slug on the home page, newest day first.
        let home = try #require(folder.read("Output/index.html"))
        let latest = HTMLInspection.matches(#"<h3><a href="/articles/([^/]+)/">"#, in: HTMLInspection.section(home, headingID: "latest-heading")).map { $0[0] }
        #expect(latest == ["no-headings", "same-day-a", "same-day-b", "older"])
        // What changed: seven days up to the newest article; the 20 December report is older than that.
        let changed = HTMLInspection.developments(HTMLInspection.section(home, headingID: "changed-heading"))
        #expect(changed.map(\.date) == ["2026-01-10", "2026-01-10"])
    }

    @Test("long lists paginate, and every page links the next")
    func pagination() throws {
        let folder = TemporaryFolder()
        var articles: [String: String] = [:]
        for day in 1...45 {
            let date = Day(year: 2026, month: 1, day: 1)!.adding(days: day)
            articles[String(format: "a%02d.txt", day)] = "date \(date.iso) Report \(day)\n\nThe territory question and the territory maps came up again on day \(day).\n"
        }
        TestSite.minimal(folder, articles: articles)
        try TestSite.build(folder)
        let first = try #require(folder.read("Output/points/territory/index.html"))
        #expect(HTMLInspection.developments(first).count == 20)
        #expect(first.contains(#"<a rel="next" href="/points/territory/page/2/">"#))
        let third = try #require(folder.read("Output/points/territory/page/3/index.html"))
        #expect(HTMLInspection.developments(third).count == 5)
        #expect(third.contains(#"<a rel="prev" href="/points/territory/page/2/">"#))
        #expect(!third.contains("Where it stands"), "later pages list older developments only")
        // The heading names the page from page 2 on, as the title does; the first page is the briefing itself.
        #expect(HTMLInspection.matches(#"<h1>(.*?)</h1>"#, in: first).map { $0[0] } == ["Territory"])
        #expect(HTMLInspection.matches(#"<h1>(.*?)</h1>"#, in: third).map { $0[0] } == [#"Territory<span class="page-number">, page 3</span>"#])
        let secondIndex = try #require(folder.read("Output/articles/page/2/index.html"))
        #expect(secondIndex.contains(#"<h2 class="visually-hidden">Articles, page 2 of 2</h2>"#))
        let sitemap = try #require(folder.read("Output/sitemap.xml"))
        #expect(!sitemap.contains("/page/2/"), "paginated pages stay out of the sitemap")
    }
}

@Suite("Excerpt length")
struct ExcerptLengthTests {
    @Test("characters are counted as a reader counts them, whatever the script", arguments: [
        "Plain ASCII sentence.", "Line\r\nbreak.", "Café résumé naïve.", "e\u{301}te\u{301} combining.", "Київ і Донбас.", "👍🏽 emoji.", "",
    ])
    func characterCount(_ text: String) {
        #expect(Excerpt.characterCount(text) == text.count)
    }

    @Test("an excerpt made from a section's first blocks is the excerpt of all of them")
    func fromBlocks() throws {
        var random = SeededRandom(seed: 7)
        let pieces = ["Short.", "A longer sentence with several words in it.", "Mr. Kovac spoke.", "Donald J. Trump said so.", "no capital after",
                      "Ends with a quote.\"", "“Quoted.”", "Why?", "Wait...", "", String(repeating: "long ", count: 70) + "end.", "(Aside.)", "2025 began."]
        for _ in 0..<500 {
            let blocks = (0..<random.next(6)).map { _ in (0..<(1 + random.next(4))).map { _ in pieces[random.next(pieces.count)] }.joined(separator: " ") }
            let joined = blocks.filter { !$0.isEmpty }.joined(separator: " ")
            #expect(Excerpt.make(fromBlocks: blocks) == Excerpt.make(from: joined), "\(blocks)")
        }
    }

    /// Blocks are joined only as far as the sentences need; sentence ends look ahead past a
    /// block's end, so the pieces here end and start blocks with every kind of mark: no
    /// terminal punctuation, abbreviations and initials, closing quotes after a stop, ellipses,
    /// white space, letters of other scripts in either case, and first sentences too long to
    /// leave room for a second.
    @Test("sentences split from blocks joined as needed are those of all the blocks joined")
    func joiningAsNeeded() {
        var random = SeededRandom(seed: 2_026)
        let words = ["Mr.", "approx.", "J.", "e.g.", "U.S.", "Inc.", "No.", "word", "said", "Kovac", "the", "end.", "Why?", "Now!",
                     "Wait...", "so…", "“Quoted.”", "\"Said.\"", "it.'", "(Aside.)", "[note.]", "?!", ".", "…", "\"", "”", "’",
                     "Київ.", "місто", "Élan.", "été.", "Ωmega", "ωmega.", "«Non.»", "2025.", "café", "(lower.)", "🙂.", "x.y",
                     String(repeating: "long ", count: 60) + "end.", "‘Single.’"]
        let gaps = [" ", " ", " ", "  ", "\n", "\t", ""]
        for round in 0..<3_000 {
            let blocks = (0..<random.next(round % 10 == 0 ? 2 : 7)).map { _ -> String in
                if random.next(6) == 0 { return "" }
                var text = random.next(8) == 0 ? gaps[random.next(gaps.count)] : ""
                for index in 0..<(1 + random.next(6)) {
                    if index > 0 { text += gaps[random.next(gaps.count)] }
                    text += words[random.next(words.count)]
                }
                if random.next(8) == 0 { text += gaps[random.next(gaps.count)] }
                return text
            }
            let joined = blocks.filter { !$0.isEmpty }.joined(separator: " ")
            #expect(Excerpt.make(fromBlocks: blocks) == Excerpt.make(from: joined), "\(blocks)")
            #expect(Excerpt.make(fromBlocks: blocks) == stringExcerpt(of: Sentences.split(joined, limit: 3)), "\(blocks)")
            let limit = 1 + random.next(4)
            #expect(Sentences.split(joining: blocks, limit: limit) == Sentences.split(joined, limit: limit), "\(blocks) \(limit)")
        }
    }

    /// A full stop after an abbreviation does not end a sentence; the word is looked up packed in
    /// a number, and this holds that to the string the word was looked up as before.
    @Test("abbreviations are found as when the word was looked up as a string")
    func abbreviationsPacked() {
        var random = SeededRandom(seed: 11)
        var words = Sentences.abbreviations.flatMap { [$0, $0.uppercased(), "\"" + $0, "'" + $0.capitalized, $0 + "\"", $0 + "x"] }
        words += ["é", "Dé", "mré", "m\tr", "\t", "\"", "M", "m", "no1", "ÉTC"]
        let letters = Array("abcdeimnoprstuvjlgkAMPSN'\"é\t")
        for _ in 0..<3_000 { words.append(String((0..<(1 + random.next(6))).map { _ in letters[random.next(letters.count)] })) }
        for word in words {
            let bytes = Array(word.utf8)
            let stringWord = String(String.UnicodeScalarView(bytes.filter { $0 != 0x22 && $0 != 0x27 && $0 != 0x28 }
                .map { Unicode.Scalar((0x41...0x5A).contains($0) ? $0 + 32 : $0) }))
            let isInitial = bytes.count == 1 && (0x41...0x5A).contains(bytes[0])
            let continues = isInitial || bytes.count <= 5 && Sentences.abbreviations.contains(stringWord)
            let text = "It began " + word + ". Then it went on."
            #expect(Sentences.split(text).count == (continues ? 1 : 2), "\(word)")
        }
    }

    /// The excerpt as it was made from the sentences' strings, appending each that fits.
    private func stringExcerpt(of sentences: [String]) -> String {
        guard let first = sentences.first else { return "" }
        // A first sentence past the hard limit is cut near the target length, at a word, with "…".
        if first.count > Excerpt.hardLimit {
            var cut = String(first.prefix(Excerpt.targetLength + 1))
            if let space = cut.lastIndex(where: \.isWhitespace), space > cut.startIndex { cut = String(cut[..<space]) } else { cut = String(cut.prefix(Excerpt.targetLength)) }
            while let last = cut.last, last.isWhitespace || ",;:–—-(".contains(last) { cut.removeLast() }
            return cut + "…"
        }
        var excerpt = first
        var length = first.count
        for sentence in sentences.dropFirst().prefix(2) {
            guard length + 1 + sentence.count <= Excerpt.targetLength else { break }
            excerpt += " " + sentence
            length += 1 + sentence.count
        }
        return excerpt
    }

    @Test("a first sentence past the hard limit is cut at a word near the target length")
    func overlongSentence() {
        let lede = String(repeating: "The delegations met again, ", count: 40) + "and agreed."
        let excerpt = Excerpt.make(from: lede)
        #expect(excerpt.hasSuffix("met again…") || excerpt.hasSuffix(" The…"), "\(excerpt)")
        #expect(excerpt.count <= Excerpt.targetLength + 1 && lede.hasPrefix(String(excerpt.dropLast())))
        #expect(lede.dropFirst(excerpt.count - 1).first.map { $0 == " " || $0 == "," } == true, "cut at a word")
        // Without a space to cut at, the cut is at the target length.
        #expect(Excerpt.make(from: String(repeating: "x", count: 2_000)) == String(repeating: "x", count: Excerpt.targetLength) + "…")
        // At the limit, the sentence stays whole.
        let atLimit = String(repeating: "y", count: Excerpt.hardLimit - 1) + "."
        #expect(Excerpt.make(from: atLimit) == atLimit)
    }

    @Test("an excerpt takes whole sentences while they fit in the target length")
    func wholeSentences() {
        let short = "One short sentence here. Another short one follows. A third one ends it. A fourth is never taken."
        #expect(Excerpt.make(from: short) == "One short sentence here. Another short one follows. A third one ends it.")
        let long = String(repeating: "word ", count: 50) + "ends. More " + String(repeating: "more ", count: 10) + "words."
        #expect(Excerpt.make(from: long) == String(repeating: "word ", count: 50) + "ends.")
        // Non-ASCII text is measured in characters, not bytes: 93 Cyrillic letters are 186 bytes.
        let cyrillic = String(repeating: "д", count: 93) + ". " + String(repeating: "ж", count: 90) + "."
        #expect(Excerpt.make(from: cyrillic) == cyrillic)
    }
}
