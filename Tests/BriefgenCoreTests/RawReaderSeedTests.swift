import Foundation
import Testing
@testable import BriefgenCore

@Suite("Raw reader on the seed article")
struct RawReaderSeedTests {
    static let trump = ["Donald Trump", "Trump", "President Trump", "Donald J. Trump", "President Donald J. Trump"]

    func readSeed() throws -> RawDocument {
        let source = try SourceText.read(fileAt: TestPaths.seed, displayPath: "seed.txt")
        return try RawArticleReader(knownPeople: Self.trump + ["Volodymyr Zelenskyy", "Zelenskyy", "Vladimir Putin", "Putin"]).read(source)
    }

    @Test("date, derived title, headings", .enabled(if: TestPaths.seedExists, "the seed ../shared/seeds/000_0a79b0e51191f896.txt is not present in this checkout"))
    func structure() throws {
        let document = try readSeed()
        #expect(document.date.iso == "2025-12-29")
        #expect(document.titleWasDerived)
        #expect(document.title == "US President Donald Trump has claimed fresh momentum is building behind efforts")
        #expect(document.title.count <= 90)
        #expect(document.headings == [
            "Trump Reveals Call With Putin Ahead of Zelenskyy Meeting",
            "Inside the 20-Point Peace Framework",
            "Security Guarantees Remain a Sticking Point",
            "Territory and Donbas Still Block a Breakthrough",
            "Zelenskyy Welcomes Progress but Urges Caution",
            "War Continues as Diplomacy Accelerates",
        ])
        guard case .paragraph(let lede)? = document.blocks.first else {
            Issue.record("the first block is the lede")
            return
        }
        #expect(lede.hasPrefix("US President Donald Trump has claimed fresh momentum"))
        #expect(document.blocks.count == 23, "3 lede paragraphs, 6 headings, 13 paragraphs, 1 embedded post")
    }

    @Test("the embedded White House post becomes a block quotation with a cite line", .enabled(if: TestPaths.seedExists, "the seed is not present in this checkout"))
    func embeddedPost() throws {
        let document = try readSeed()
        let quotations = document.blocks.compactMap { block -> (String, String?)? in
            if case .quotation(let paragraphs, let cite) = block { return (paragraphs.joined(), cite) }
            return nil
        }
        #expect(quotations.count == 1)
        #expect(quotations.first?.1 == "The White House (@WhiteHouse) December 29, 2025")
        #expect(quotations.first?.0.contains("pic.twitter.com/22j0LewxmX") == true)
    }

    @Test("quotes and their speakers", .enabled(if: TestPaths.seedExists, "the seed is not present in this checkout"))
    func quotes() throws {
        let document = try readSeed()
        #expect(document.quotes.map(\.text) == [
            "one or two very thorny issues",
            "I just had a good and very productive telephone call with President Putin of Russia prior to my meeting, at 1:00 P.M. today, with President Zelenskyy of Ukraine. The meeting will take place in the main dining room of Mar-a-Lago. Press is invited. Thank you for your attention to this matter! President DJT",
            "Our meeting was excellent... we have made a lot of progress on ending that war – by far closer than ever before.",
        ])
        #expect(document.quotes.map(\.speaker) == ["Donald Trump", "Trump", "President Donald J. Trump"], "\"he\" is given the fullest name the article used")
    }

    @Test("the Markdown body renders with the same structure", .enabled(if: TestPaths.seedExists, "the seed is not present in this checkout"))
    func markdown() throws {
        let document = try readSeed()
        let markdown = RawMarkdownWriter.markdown(for: document.blocks)
        let rendered = MarkdownRenderer().render(markdown)
        #expect(rendered.headings.map(\.text) == document.headings)
        #expect(rendered.blocks.filter { $0.kind == .blockQuote }.count == 1)
        #expect(rendered.html.contains("<h2 id=\"territory-and-donbas-still-block-a-breakthrough\">"))
        #expect(rendered.html.contains("‘one or two very thorny issues’"))
    }
}

@Suite("Raw reader errors")
struct RawReaderErrorTests {
    func read(_ text: String) throws(Diagnostic) -> RawDocument {
        try RawArticleReader().read(SourceText(path: "articles/x.txt", text: text))
    }

    @Test("an empty file")
    func empty() {
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "the file is empty")) { try read("") }
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "the file is empty")) { try read("  \n\n \n") }
    }

    @Test("no date line")
    func noDate() {
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "expected the first line to start with 'date YYYY-MM-DD'")) {
            try read("Talks resume in Geneva.\n\nMore text.\n")
        }
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "expected the first line to start with 'date YYYY-MM-DD', found '29/12/2025'")) {
            try read("date 29/12/2025 Talks resume.\n")
        }
    }

    @Test("'source' and 'url' lines above the date line say where the text comes from")
    func headerLines() throws {
        let document = try read("source BBC News\n\nURL: https://www.bbc.co.uk/news/x\n date 2025-12-29 Talks resume in Geneva.\n\nMore text.\n")
        #expect(document.source == "BBC News" && document.url == "https://www.bbc.co.uk/news/x")
        #expect(document.date.iso == "2025-12-29")
        #expect(document.blocks == [.paragraph("Talks resume in Geneva."), .paragraph("More text.")])
        let plain = try read("date 2025-12-29 Talks resume in Geneva.\n")
        #expect(plain.source == nil && plain.url == nil)
        // The article that reaches the pages carries them, and never the file name.
        let article = RawArticleAdapter.article(from: document, sourcePath: "articles/x.txt", slug: "x")
        #expect(article.source == "BBC News" && article.url == "https://www.bbc.co.uk/news/x")
        #expect(RawArticleAdapter.article(from: plain, sourcePath: "articles/x.txt", slug: "x").source == nil)
    }

    @Test("bad 'source' and 'url' lines are reported on their line")
    func badHeaderLines() {
        let url = "'url' should be a web address starting with https:// or http:// (with no spaces, quote marks or '<'), not "
        let cases: [(String, Int, String)] = [
            ("source BBC\nsource Reuters\ndate 2025-12-29 Text.\n", 2, "a second 'source' line; the first is on line 1"),
            ("source:\ndate 2025-12-29 Text.\n", 1, "the 'source' line names no source (write it as: source BBC News)"),
            ("url\ndate 2025-12-29 Text.\n", 1, "the 'url' line has no address (write it as: url https://…)"),
            ("url javascript:alert(1)\ndate 2025-12-29 Text.\n", 1, url + "'javascript:alert(1)'"),
            ("source BBC\nSources close to the talks said so.\n", 2, "expected the line after 'source', 'url' and 'updated' to start with 'date YYYY-MM-DD'"),
            ("source BBC\n\n", 1, "the file ends after this line, before its 'date YYYY-MM-DD' line"),
            ("source BBC\nurl https://a.example/b\n", 2, "the file ends after this line, before its 'date YYYY-MM-DD' line"),
            ("\n\nurl https://a.example/b\n\n\n\n", 3, "the file ends after this line, before its 'date YYYY-MM-DD' line"),
        ]
        for (text, line, message) in cases {
            #expect(throws: Diagnostic(file: "articles/x.txt", line: line, message)) { try read(text) }
        }
    }

    @Test("an impossible date")
    func impossibleDate() {
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "the date 2025-02-30 does not exist")) {
            try read(" date 2025-02-30 Talks resume.\n")
        }
    }

    @Test("a date with no text")
    func noText() {
        #expect(throws: Diagnostic(file: "articles/x.txt", line: 1, "the article has a date but no text")) {
            try read("date 2025-12-29\n\n")
        }
    }
}
