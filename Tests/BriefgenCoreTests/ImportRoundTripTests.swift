import Foundation
import Testing
@testable import BriefgenCore

/// `briefgen import` writes a Markdown page that builds into the same article page as the raw file.
@Suite("Import round trip")
struct ImportRoundTripTests {
    static var rawSamples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.content.appendingPathComponent("articles").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// Builds the sample site with `name` raw, then with its imported page instead, and compares the article page.
    func roundTrip(site folder: TemporaryFolder, raw name: String) throws {
        let slug = Slug.make((name as NSString).deletingPathExtension)
        try TestSite.build(folder, output: "FromRaw")
        let fromRaw = try #require(folder.read("FromRaw/articles/\(slug)/index.html"))

        let importer = try ArticleImporter(contentDirectory: folder.path("Content"), displayPath: "Content")
        let imported = try importer.importFile(folder.path("Content/articles/\(name)"), displayPath: name)
        try FileManager.default.removeItem(at: folder.path("Content/articles/\(name)"))
        folder.write("Content/articles/\(slug).md", imported.markdown)
        try TestSite.build(folder, output: "FromImport")
        let fromImport = try #require(folder.read("FromImport/articles/\(slug)/index.html"))
        #expect(fromRaw == fromImport)
        // The briefing pages the article feeds are the same too.
        for point in imported.article.points {
            #expect(folder.read("FromRaw/points/\(point)/index.html") == folder.read("FromImport/points/\(point)/index.html"))
        }
    }

    /// The sample site with one more raw article, `name`, built from it and from its import.
    func roundTripInSampleSite(_ name: String, _ text: String) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Content/articles/\(name)", text)
        try roundTrip(site: folder, raw: name)
        return folder
    }

    @Test("each raw sample article", arguments: rawSamples)
    func sample(_ name: String) throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try roundTrip(site: folder, raw: name)
    }

    @Test("the seed", .enabled(if: TestPaths.seedExists, "the seed is not present in this checkout"))
    func seed() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try FileManager.default.copyItem(at: TestPaths.seed, to: folder.path("Content/articles/seed.txt"))
        try roundTrip(site: folder, raw: "seed.txt")
    }

    @Test("a raw article's source and link to the original come through the import, and show on its page")
    func sourceAndURL() throws {
        let folder = try roundTripInSampleSite("with-source.txt", """
        source Northland Wire & Co
        url https://wire.example/talks?a=1&b=2
        date 2025-12-20 The Delegation Meets Again

        The delegation met on Monday to discuss the territory.
        """)
        let page = try #require(folder.read("FromRaw/articles/with-source/index.html"))
        #expect(page.contains(#"Source: <a href="https://wire.example/talks?a=1&amp;b=2" rel="noopener">Northland Wire &amp; Co</a>"#))
        // No card or page of the sample site shows a raw article's file name as its source.
        let home = try #require(folder.read("FromRaw/index.html"))
        #expect(!home.contains(".txt<") && home.contains("Northland Wire &amp; Co</p>"))
    }

    @Test("a Markdown page given to import is refused as one, not read as a raw article without a date")
    func markdownPage() throws {
        let importer = ArticleImporter(points: [], actors: [])
        for path in ["articles/a.md", "A.MD", "notes.markdown"] {
            #expect(throws: Diagnostic(file: path, "this is a Markdown page already; import turns raw .txt articles into Markdown pages")) {
                try importer.importSource(SourceText(path: path, text: "---\ntitle: A\ndate: 2025-12-01\n---\nBody\n"))
            }
        }
    }

    @Test("a link to the original without a source still shows, as 'Original story'")
    func urlWithoutSource() throws {
        let folder = try roundTripInSampleSite("link-only.txt", """
        url https://wire.example/only-a-link
        date 2025-12-20 The Delegation Meets Again

        The delegation met on Monday to discuss the territory.
        """)
        let page = try #require(folder.read("FromRaw/articles/link-only/index.html"))
        #expect(page.contains(#"</time> · <a href="https://wire.example/only-a-link" rel="noopener">Original story</a></p>"#))
    }

    @Test("words quoted twice, as a pull quote and then by their speaker, link to the speaker's paragraph either way")
    func repeatedQuote() throws {
        let folder = try roundTripInSampleSite("pull-quote.txt", """
        date 2025-12-20 The Delegation Meets Again

        The delegation met on Monday to discuss the territory.

        "The meeting will go on until the work is done."

        The agenda covered the line of contact and the schedule of later rounds.

        "The meeting will go on until the work is done," Borin Kest said.

        """)
        let page = try #require(folder.read("FromImport/articles/pull-quote/index.html"))
        #expect(page.contains("#intro-p4"), "the quote links to the paragraph that names Borin Kest")
    }

    @Test("a quotation split by its attribution links to its paragraph from the imported page too")
    func splitQuotation() throws {
        let folder = try roundTripInSampleSite("split.txt", """
        date 2025-12-20 The talks went on in Florida.

        The two men met for hours.

        "We are close to an agreement on the guarantees," said Donald Trump, "closer than ever before."

        """)
        let page = try #require(folder.read("FromImport/articles/split/index.html"))
        #expect(page.contains("#intro-p3"), "the quote links to the paragraph it comes from")
    }

    @Test("a quotation that runs on over two paragraphs links to its first from the imported page too")
    func twoParagraphQuotation() throws {
        let folder = try roundTripInSampleSite("runs-on.txt", """
        date 2025-12-20 The talks went on in Florida.

        The two men met for hours.

        “He was blunt about the schedule for the next round.

        “We are close to a deal on the guarantees,” Jane Smith said.

        """)
        let page = try #require(folder.read("FromImport/articles/runs-on/index.html"))
        #expect(page.contains("#intro-p3"), "the quote links to the paragraph it starts in")
    }

    @Test("a quotation in front matter that only opens like a paragraph of the body links to none")
    func sameOpeningOtherQuote() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Content/articles/other.md", """
        ---
        title: Another Quote
        date: 2025-12-20
        quotes:
          - text: "We are not going to accept any ceasefire that freezes the front line for years."
            speaker: Volodymyr Zelenskyy
        ---

        The talks went on in Florida.

        Zelenskyy said: "We are not going to accept any territorial concessions in the east."

        """)
        try TestSite.build(folder)
        let page = try #require(folder.read("Output/articles/other/index.html"))
        #expect(!page.contains("#intro-p2"), "the front matter's quote is not the body's")
    }

    @Test("a stray quote mark at the end of a paragraph: the imported page has no empty quotation and builds")
    func strayQuoteMark() throws {
        let folder = try roundTripInSampleSite("stray.txt", """
        date 2025-12-20 The talks went on in Florida today.

        He said the guarantees were close."

        """)
        let page = try #require(folder.read("FromRaw/articles/stray/index.html"))
        #expect(!page.contains("<blockquote><p></p></blockquote>"))
    }

    @Test("fixture articles with lists, posts and block quotations", arguments: ["05-lists.txt", "08-block-quotes.txt", "09-social-posts.txt", "11-crlf-bom.txt"])
    func fixture(_ name: String) throws {
        let folder = TemporaryFolder()
        let fixtures = TestPaths.fixtures.appendingPathComponent("raw")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("Content"), to: folder.path("Content"))
        try FileManager.default.copyItem(at: TestPaths.templates, to: folder.path("Templates"))
        try FileManager.default.createDirectory(at: folder.path("Content/articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("articles/\(name)"), to: folder.path("Content/articles/\(name)"))
        try roundTrip(site: folder, raw: name)
    }

    @Test("the imported page's front matter lists title, date, source, url, points, actors and quotes")
    func frontMatter() throws {
        let importer = ArticleImporter(points: [Point(slug: "territory", title: "Territory", status: "unresolved", order: 1, keywords: ["territory", "border"])],
                                       actors: [Actor(slug: "kovac", name: "Maria Kovac", aliases: ["Kovac"], side: "Northland")])
        let imported = try importer.importSource(SourceText(path: "talks.txt", text: """
        Source: Northland Wire
        url https://wire.example/border-talks
        date 2025-12-01 Border Talks Resume

        The border question returned on Monday. "We will not move the border," Kovac said.

        Territory in Focus

        Both sides discussed territory and the border villages.
        """))
        #expect(imported.markdown.hasPrefix("""
        ---
        title: "Border Talks Resume"
        date: 2025-12-01
        source: "Northland Wire"
        url: "https://wire.example/border-talks"
        points: [territory]
        actors: [kovac]
        quotes:
          - text: "We will not move the border"
            speaker: "Kovac"
            actor: kovac
        ---

        The border question returned on Monday. "We will not move the border," Kovac said.

        ## Territory in Focus
        """))
        #expect(imported.json == #"{"file":"talks.txt","source":"Northland Wire","url":"https://wire.example/border-talks","date":"2025-12-01","updated":null,"title":"Border Talks Resume","headings":["Territory in Focus"],"quotes":[{"text":"We will not move the border","speaker":"Kovac","actor":"kovac"}],"points":["territory"],"actors":["kovac"]}"#)
        // Without those lines the page names no source: the file name means nothing to a reader.
        let bare = try importer.importSource(SourceText(path: "talks.txt", text: "date 2025-12-01 Border Talks Resume\n\nThe border question returned on Monday.\n"))
        #expect(bare.markdown.hasPrefix("---\ntitle: \"Border Talks Resume\"\ndate: 2025-12-01\npoints: [territory]\n"))
        #expect(bare.article.article.source == nil && bare.article.article.url == nil)
    }
}
