import Testing
@testable import BriefgenCore

/// One test per rule of the raw reader, on small articles written for the purpose.
@Suite("Raw reader rules")
struct RawReaderRuleTests {
    func read(_ text: String, people: [String] = []) throws -> RawDocument {
        try RawArticleReader(knownPeople: people).read(SourceText(path: "x.txt", text: text))
    }

    func paragraphs(_ document: RawDocument) -> [String] {
        document.blocks.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }
    }

    // MARK: Headline and title

    @Test("a short first line with a story after it is the headline")
    func headline() throws {
        let document = try read("date 2025-12-01 Negotiators Agree to Meet Again\n\nThe delegations of Northland and Southland will meet again next week.\n")
        #expect(document.title == "Negotiators Agree to Meet Again")
        #expect(!document.titleWasDerived)
        #expect(paragraphs(document) == ["The delegations of Northland and Southland will meet again next week."])
    }

    @Test("a headline may end in a question mark")
    func questionHeadline() throws {
        let document = try read("date 2025-12-01 Can the Ceasefire Hold?\n\nBoth sides say it can.\n")
        #expect(document.title == "Can the Ceasefire Hold?")
    }

    @Test("a standfirst ending in ? is body text, not a heading")
    func standfirst() throws {
        let document = try read("""
        date 2025-12-01 Talks Resume in Port Amsel

        Will the new framework survive its first week?

        Delegations met on Monday for the first time in a month.

        The Ceasefire Line

        Both sides restated their positions.
        """)
        #expect(document.title == "Talks Resume in Port Amsel")
        #expect(document.headings == ["The Ceasefire Line"])
        #expect(paragraphs(document).first == "Will the new framework survive its first week?")
    }

    @Test("without a headline, the title is cut from the lede at a clause boundary, never mid-word")
    func derivedTitle() throws {
        let document = try read("date 2025-12-01 Negotiators from Northland and Southland resumed talks in Vellora on Monday, after a pause of almost three weeks that had raised fears of a collapse.\n\nMore.\n")
        #expect(document.titleWasDerived)
        #expect(document.title == "Negotiators from Northland and Southland resumed talks in Vellora on Monday")
        #expect(!document.title.hasSuffix(","))
        // A first clause over 90 characters is cut before a connecting word instead.
        let long = try read("date 2025-12-01 Negotiators from Northland and Southland resumed talks in the port city of Vellora on Monday, after a pause of almost three weeks.\n")
        #expect(long.title == "Negotiators from Northland and Southland resumed talks in the port city of Vellora")
        #expect(long.title.count <= 90)
    }

    @Test("a lede ending in an ellipsis keeps it whole in the title; a full stop is dropped")
    func ellipsisTitle() throws {
        #expect(try read("date 2025-12-20 Trump says the talks are nearly done...\n").title == "Trump says the talks are nearly done...")
        #expect(try read("date 2025-12-20 Trump says the talks are nearly done.\n").title == "Trump says the talks are nearly done")
    }

    @Test("a short lede sentence is the whole title")
    func shortLedeTitle() throws {
        let document = try read("date 2025-12-01 The talks resumed on Monday. Both sides sent full delegations and stayed for two days.\n")
        #expect(document.title == "The talks resumed on Monday")
    }

    // MARK: Furniture

    @Test("bylines, name-and-date blocks, captions, counters and teasers are dropped")
    func furniture() throws {
        let document = try read("""
        date 2025-12-01 Talks Resume

        By Jane Roe

        Tomas Hale
        29 December 2025 14:05 GMT

        Delegates at the opening session in Vellora (File image)

        Negotiators met again on Monday.

        Foreign ministers shake hands. Image: Calder Press/Ana Vik

        1,204 views

        Read more: Why the ceasefire line matters

        The session lasted four hours.
        """)
        #expect(paragraphs(document) == ["Negotiators met again on Monday.", "The session lasted four hours."])
        #expect(document.headings.isEmpty)
    }

    @Test("datelines are removed from the lede", arguments: [
        ("VELLORA, Northland (AP) — Negotiators met on Monday.", "VELLORA, Northland (AP)"),
        ("MIAMI – Negotiators met on Monday.", "MIAMI"),
        ("Brussels – Negotiators met on Monday.", "Brussels"),
        ("NEW YORK (Reuters) - Negotiators met on Monday.", "NEW YORK (Reuters)"),
        ("PORT AMSEL—Negotiators met on Monday.", "PORT AMSEL"),
    ])
    func dateline(_ lede: String, _ expected: String) throws {
        let document = try read("date 2025-12-01 Talks Resume\n\n\(lede)\n\nMore text follows here.\n")
        #expect(document.dateline == expected)
        #expect(paragraphs(document).first == "Negotiators met on Monday.")
    }

    @Test("a dash inside an ordinary sentence is not a dateline")
    func notADateline() throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nKovac – who led the talks – said little.\n")
        #expect(document.dateline == nil)
        #expect(paragraphs(document).first == "Kovac – who led the talks – said little.")
    }

    // MARK: Headings

    @Test("Title Case and sentence case headings, with or without ?; lines ending in . or : are not headings")
    func headings() throws {
        let document = try read("""
        date 2025-12-01 Talks Resume

        Negotiators met on Monday.

        Security Guarantees Remain Open

        The guarantees were discussed.

        What happens to the border villages?

        Nobody knows yet.

        This line ends with a full stop.

        The negotiators listed three demands:

        • A ceasefire
        • An exchange of prisoners
        """)
        #expect(document.headings == ["Security Guarantees Remain Open", "What happens to the border villages?"])
        #expect(document.blocks.contains(.list(items: ["A ceasefire", "An exchange of prisoners"], ordered: false, start: 1)))
        #expect(paragraphs(document).contains("The negotiators listed three demands:"))
    }

    @Test("the last line of an article is never a heading")
    func lastLine() throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nNegotiators met on Monday.\n\nMore Talks Next Week\n")
        #expect(document.headings.isEmpty)
    }

    // MARK: Lists

    @Test("list markers", arguments: [
        ("• one\n• two", false), ("- one\n- two", false), ("* one\n* two", false),
        ("1. one\n2. two", true), ("1) one\n2) two", true),
    ])
    func lists(_ items: String, _ ordered: Bool) throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nThe plan has two parts:\n\n\(items)\n\nThat was all.\n")
        #expect(document.blocks.contains(.list(items: ["one", "two"], ordered: ordered, start: 1)))
    }

    @Test("items separated by blank lines make one list; an intro on the same chunk is split off")
    func listsAcrossBlankLines() throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nThe demands were:\n• one\n\n• two\n\n• three\n\nEnd.\n")
        #expect(document.blocks == [.paragraph("The demands were:"), .list(items: ["one", "two", "three"], ordered: false, start: 1), .paragraph("End.")])
    }

    // MARK: Quotes and speakers

    func quotes(_ paragraph: String, people: [String] = [], before: String = "") throws -> [Quote] {
        try read("date 2025-12-01 Talks Resume\n\n\(before.isEmpty ? "" : before + "\n\n")\(paragraph)\n", people: people).quotes
    }

    @Test("straight, curly and single quote marks")
    func quoteMarks() throws {
        #expect(try quotes("\"We are ready to talk,\" said Maria Kovac.") == [Quote(text: "We are ready to talk", speaker: "Maria Kovac")])
        #expect(try quotes("“We are ready to talk,” said Maria Kovac.") == [Quote(text: "We are ready to talk", speaker: "Maria Kovac")])
        #expect(try quotes("'We are ready to talk,' said Maria Kovac.") == [Quote(text: "We are ready to talk", speaker: "Maria Kovac")])
        #expect(try quotes("‘We are ready to talk,’ said Maria Kovac.") == [Quote(text: "We are ready to talk", speaker: "Maria Kovac")])
    }

    @Test("a quote mark left open with nothing after it quotes nothing", arguments: [
        "He said the guarantees were close.\"", "The line runs through the Territory „", "He said «", "Talks resumed. “",
    ])
    func strayQuoteMark(paragraph: String) throws {
        #expect(try quotes(paragraph).isEmpty)
        // A quotation that runs on over paragraphs is still one.
        let carried = try read("date 2025-12-20 The talks went on.\n\n“We are close to a deal.\n\n“It will take time,” Maria Kovac said.\n")
        #expect(carried.quotes.map(\.text) == ["We are close to a deal. It will take time"])
    }

    @Test("apostrophes are not quote marks")
    func apostrophes() throws {
        #expect(try quotes("Northland's delegation and Southland’s envoy met in the ministers' lounge.").isEmpty)
    }

    @Test("said X, X said, X wrote on a network, according to X, a dash signature")
    func speakerForms() throws {
        #expect(try quotes("\"The line must hold,\" Foreign Minister Maria Kovac said.").first?.speaker == "Foreign Minister Maria Kovac")
        #expect(try quotes("\"The line must hold,\" said Foreign Minister Maria Kovac on Monday.").first?.speaker == "Foreign Minister Maria Kovac")
        #expect(try quotes("\"The line must hold for the sake of everyone,\" Brandt wrote on Pulse.").first?.speaker == "Brandt")
        #expect(try quotes("According to Anton Brandt, \"the line must hold for now\".").first?.speaker == "Anton Brandt")
        #expect(try quotes("\"The line must hold for the sake of everyone.\" – President Anton Brandt 🇳🇴").first?.speaker == "President Anton Brandt")
        #expect(try quotes("Kovac told reporters: \"The line must hold for now.\"").first?.speaker == "Kovac")
    }

    @Test("anonymous speakers are kept as written, never guessed")
    func anonymous() throws {
        let found = try quotes("\"There is no deal yet,\" a senior Southland official said.", before: "Foreign Minister Maria Kovac arrived late.")
        #expect(found == [Quote(text: "There is no deal yet", speaker: "a senior Southland official")])
        #expect(try quotes("\"There is no deal yet,\" said one diplomat.").first?.speaker == "one diplomat")
    }

    @Test("he and she refer to the last named person, the subject of the sentence before")
    func pronouns() throws {
        let found = try quotes("\"We will not give up the villages,\" she said.",
                               before: "Foreign Minister Maria Kovac met the envoy from Calder on Monday.")
        #expect(found.first?.speaker == "Maria Kovac")
        let subject = try quotes("He also warned, admitting that 'one or two issues' remain.",
                                 people: ["Anton Brandt", "Brandt"],
                                 before: "Brandt spoke after meeting Kovac at the palace.")
        #expect(subject.first?.speaker == "Brandt")
    }

    @Test("a split quote is one quotation")
    func splitQuote() throws {
        #expect(try quotes("\"We came here in good faith,\" Kovac said, \"and we will leave in good faith.\"") ==
                [Quote(text: "We came here in good faith, and we will leave in good faith.", speaker: "Kovac")])
    }

    @Test("a quote nested in a quote stays inside the outer one")
    func nested() throws {
        #expect(try quotes("\"He told us 'never again', and we agreed,\" said Lena Ostrova.") ==
                [Quote(text: "He told us 'never again', and we agreed", speaker: "Lena Ostrova")])
    }

    @Test("a quotation running over two paragraphs is one quote")
    func runOn() throws {
        let document = try read("""
        date 2025-12-01 Talks Resume

        "We have waited long enough for this day," said Maria Kovac. "Our people want an end to the shelling.

        "They want their sons home, and they want the border villages rebuilt."

        Talks continue.
        """)
        #expect(document.quotes.map(\.text) == ["We have waited long enough for this day",
                                                 "Our people want an end to the shelling. They want their sons home, and they want the border villages rebuilt."])
        #expect(document.quotes.map(\.speaker) == ["Maria Kovac", "Maria Kovac"])
    }

    @Test("titles of documents and films in quotes are not quotations")
    func titles() throws {
        #expect(try quotes("The documentary \"The Long Road Home\" was shown to both delegations.").isEmpty)
        #expect(try quotes("Negotiators studied the report titled \"Frozen Lines\" before the session.").isEmpty)
        #expect(try quotes("The so-called \"peace\" lasted a week.").isEmpty)
    }

    @Test("a block quotation without quote marks, closed by an attribution line")
    func blockQuotation() throws {
        let document = try read("""
        date 2025-12-01 Talks Resume

        The ministry issued a statement:

        Northland will not sign any text that leaves the border villages outside its protection.

        — Maria Kovac, foreign minister of Northland

        Talks continue.
        """)
        #expect(document.blocks.contains(.quotation(paragraphs: ["Northland will not sign any text that leaves the border villages outside its protection."],
                                                    cite: "Maria Kovac, foreign minister of Northland")))
        #expect(document.quotes == [Quote(text: "Northland will not sign any text that leaves the border villages outside its protection.",
                                          speaker: "Maria Kovac")])
    }

    @Test("embedded posts with and without quote marks, with en and em dashes", arguments: [
        ("\"We will keep talking until there is peace.\" – Foreign Minister Maria Kovac 🇳🇴 pic.twitter.com/AbC123 — Northland MFA (@NorthlandMFA) December 28, 2025",
         Quote(text: "We will keep talking until there is peace.", speaker: "Foreign Minister Maria Kovac"), "Northland MFA (@NorthlandMFA) December 28, 2025"),
        ("Talks resume on Monday in Port Amsel. pic.twitter.com/Xy9 – Calder Mediation (@CalderTalks) January 3, 2026",
         Quote(text: "Talks resume on Monday in Port Amsel.", speaker: "Calder Mediation"), "Calder Mediation (@CalderTalks) January 3, 2026"),
        ("“No agreement without the villages” — Lena Ostrova (@lenaostrova) 2 January 2026",
         Quote(text: "No agreement without the villages", speaker: "Lena Ostrova"), "Lena Ostrova (@lenaostrova) 2 January 2026"),
    ])
    func embeddedPosts(_ post: String, _ quote: Quote, _ cite: String) throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nThe ministry posted a message.\n\n\(post)\n\nTalks continue.\n")
        #expect(document.quotes == [quote])
        let cites = document.blocks.compactMap { if case .quotation(_, let cite) = $0 { return cite } else { return nil } }
        #expect(cites == [cite])
    }

    @Test("an embedded post's picture and short links become links; nothing else in the text does")
    func postLinks() throws {
        let document = try read("date 2025-12-01 Talks Resume\n\nThe ministry posted a message.\n\n"
            + "Talks resume on Monday. pic.twitter.com/Xy9LmQ2rTa https://t.co/AbC12 — Calder Mediation (@CalderTalks) January 3, 2026\n\nTalks continue.\n")
        let markdown = RawMarkdownWriter.markdown(for: document.blocks)
        #expect(markdown.contains("> Talks resume on Monday. <https://pic.twitter.com/Xy9LmQ2rTa> <https://t.co/AbC12>\n"), "\(markdown)")
        let html = MarkdownRenderer().render(markdown).html
        #expect(html.contains(#"<a href="https://pic.twitter.com/Xy9LmQ2rTa">https://pic.twitter.com/Xy9LmQ2rTa</a>"#))
        // Only whole words of that shape: a mention in prose, or an address with more after it, stays text.
        for text in ["see pic.twitter.com/ for more", "pic.twitter.com/abc?x=1", "pic.twitter.com/a_b", "xt.co/abc", "pic.twitter.com/abc)"] {
            #expect(RawMarkdownWriter.linkingPostLinks(text) == text, "\(text)")
        }
        #expect(RawMarkdownWriter.linkingPostLinks("http://t.co/Q1 x") == "<https://t.co/Q1> x")
    }

    // MARK: Shapes from the second held-out set

    @Test("a live blog's entry times are furniture, not headings")
    func liveBlogTimes() throws {
        let document = try read("date 2026-02-10 Day Two\n\nIntro text here.\n\n14:05 GMT\n\nKovac Arrives\n\nThe talks resumed.\n\n2.30pm\n\nMore talks followed.\n")
        #expect(document.headings == ["Kovac Arrives"])
        #expect(!paragraphs(document).contains { $0.contains("GMT") || $0 == "2.30pm" })
    }

    @Test("interview turns are never headings; answers are the interviewee's words")
    func interviewTranscript() throws {
        let document = try read("""
            date 2026-02-12 Ten Minutes With the Mediator

            Lena Ostrova has chaired every session. She spoke to Anna Reyes on Wednesday.

            Q: What is still open?

            A: Two things, really. Everything else is detail.

            Q: Will it hold?

            A: Nobody says never and means it.

            Afterwards the talks went on.
            """, people: ["Lena Ostrova"])
        #expect(document.headings == [])
        #expect(document.quotes.map(\.text) == ["Two things, really. Everything else is detail.", "Nobody says never and means it."])
        #expect(document.quotes.allSatisfy { $0.speaker == "Lena Ostrova" })
    }

    @Test("a pull quote repeating a quotation is counted once, with its speaker")
    func pullQuote() throws {
        let document = try read("""
            date 2026-02-14 Talks Go On

            "A ceasefire is only a pause," said Kovac.

            Officials said more work was needed.

            "A ceasefire is only a pause"

            The delegations met again on Friday.
            """, people: ["Maria Kovac", "Kovac"])
        #expect(document.quotes.map(\.text) == ["A ceasefire is only a pause"])
        #expect(document.quotes.first?.speaker == "Kovac")
    }

    @Test("two people saying the same words are two quotes, each with its speaker")
    func sameWordsFromTwoPeople() throws {
        let document = try read("""
            date 2026-02-14 Talks Go On

            "We are ready to talk," said Kovac.

            Officials said more work was needed.

            "We are ready to talk," said Piet Sorel.
            """, people: ["Maria Kovac", "Kovac", "Piet Sorel"])
        #expect(document.quotes.map(\.text) == ["We are ready to talk", "We are ready to talk"])
        #expect(document.quotes.map(\.speaker) == ["Kovac", "Piet Sorel"])
    }

    @Test("a dateline with a date in it is recognised; an attribution clause is cut from the derived title")
    func datelineWithDate() throws {
        let document = try read("date 2026-02-17 PORT AMSEL, Feb 17 (CPA) - Northland and Southland agreed on Tuesday to release 300 more prisoners, mediators said, in what would be the largest exchange since the war began.\n\nMore text.\n")
        #expect(document.dateline == "PORT AMSEL, Feb 17 (CPA)")
        #expect(document.title == "Northland and Southland agreed on Tuesday to release 300 more prisoners")
        #expect(Dateline.isDateline("BRUSSELS, 17 February"))
        #expect(!Dateline.isDateline("Talks, 300 prisoners"))
    }

    @Test("an About the author footer and everything after it is left out")
    func authorFooter() throws {
        let document = try read("date 2026-02-20 Opinion: Paper and People\n\nThe talks must put people first.\n\nClosing line.\n\nAbout the author\n\nMarta Lindqvist advised the monitoring mission on security guarantees.\n")
        #expect(document.headings == [])
        #expect(!paragraphs(document).contains { $0.contains("Lindqvist") })
    }

    @Test("a colon hands a quote to the person its clause names")
    func colonIntroduction() throws {
        let document = try read("date 2026-02-22 Talks Resume\n\nIntro text here.\n\nLena Ostrova put it simply: \"People before paper.\"\n", people: ["Lena Ostrova"])
        #expect(document.quotes.map(\.text) == ["People before paper."])
        #expect(document.quotes.first?.speaker == "Lena Ostrova")
    }

    // MARK: Text normalisation

    @Test("emoji, no-break spaces, curly apostrophes, CRLF and a BOM")
    func normalisation() throws {
        let text = "\u{FEFF}date 2025-12-01 Talks Resume 🇳🇴\r\n\r\nNorthland’s\u{00A0}envoy arrived 🕊️ on Monday.\r\n\r\nThe Border Question\r\n\r\nIt was discussed.\r\n"
        let source = SourceText(path: "x.txt", text: text)
        let document = try RawArticleReader().read(source)
        #expect(document.title == "Talks Resume 🇳🇴")
        #expect(paragraphs(document) == ["Northland’s envoy arrived 🕊️ on Monday.", "It was discussed."])
        #expect(document.headings == ["The Border Question"])
    }

    @Test("a file over 10 MB is read without trouble")
    func largeFile() throws {
        var text = "date 2025-12-01 A Very Long Record\n\n"
        var number = 0
        while text.utf8.count < 10_500_000 {
            number += 1
            text += "The delegations reviewed the text line by line, and \"clause \(number) matters,\" said Maria Kovac.\n\nSection Heading Here\n\n"
        }
        let document = try read(text)
        #expect(document.quotes.count > 50_000)
        #expect(document.headings.count > 50_000)
    }
}
