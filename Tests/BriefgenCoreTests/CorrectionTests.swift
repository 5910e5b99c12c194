import Foundation
import Testing
@testable import BriefgenCore

/// A corrected article: `updated:` (or Hugo's `lastmod:`) in front matter, an `updated` line in a
/// raw article, and where the day shows.
@Suite("Corrections and updates")
struct CorrectionTests {
    static let markdown = "---\ntitle: Talks resume\ndate: 2026-01-10\nupdated: 2026-01-12\n---\nThe territory question and the territory maps came up again.\n"
    static let raw = "source Wire\nupdated 2026-01-14\ndate 2026-01-11 Talks Go On\n\nThe territory question and the territory maps were discussed.\n"

    @Test("an update shows on the page, in the structured data, the sitemap and both feeds, and survives the cache")
    func updatedEverywhere() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": Self.markdown, "b.txt": Self.raw,
                                            "c.md": "---\ntitle: Plain\ndate: 2026-01-09\nlastmod: 2026-01-09\n---\nOn the territory.\n"])
        for _ in 0..<2 {
            try TestSite.build(folder) // the second build reads the summaries from the cache
            let page = try #require(folder.read("Output/articles/a/index.html"))
            #expect(page.contains(#"<time datetime="2026-01-10">10 January 2026</time> · Updated <time datetime="2026-01-12">12 January 2026</time>"#))
            #expect(page.contains(#"<meta property="article:modified_time" content="2026-01-12">"#))
            #expect(page.contains(#""datePublished":"2026-01-10","dateModified":"2026-01-12""#))
            let raw = try #require(folder.read("Output/articles/b/index.html"))
            #expect(raw.contains(#"Updated <time datetime="2026-01-14">"#))
            // The same day as the date is no update.
            let plain = try #require(folder.read("Output/articles/c/index.html"))
            #expect(!plain.contains("Updated") && !plain.contains("modified_time"))
            #expect(plain.contains(#""datePublished":"2026-01-09","dateModified":"2026-01-09""#))

            let sitemap = try #require(folder.read("Output/sitemap.xml"))
            #expect(sitemap.contains("<loc>https://example.org/articles/a/</loc><lastmod>2026-01-12</lastmod>"))
            #expect(sitemap.contains("<loc>https://example.org/articles/b/</loc><lastmod>2026-01-14</lastmod>"))
            #expect(sitemap.contains("<loc>https://example.org/articles/c/</loc><lastmod>2026-01-09</lastmod>"))
            // The home page and the briefings list the corrected articles: they changed with them.
            for page in ["", "points/", "points/territory/", "articles/"] {
                #expect(sitemap.contains("<loc>https://example.org/\(page)</loc><lastmod>2026-01-14</lastmod>"), "\(page)")
            }
            for feed in ["Output/feed.xml", "Output/points/territory/feed.xml"] {
                let text = try #require(folder.read(feed))
                #expect(text.contains("<published>2026-01-10T00:00:00Z</published>\n    <updated>2026-01-12T00:00:00Z</updated>"), "\(feed)")
                // The feed changed when its newest correction did, after its newest article's date.
                #expect(text.contains("<author>") && text.range(of: "<updated>2026-01-14T00:00:00Z</updated>\n  <author>") != nil, "\(feed)")
            }
        }
    }

    @Test("a wrong update is refused at its line", arguments: [
        ("a.md", "---\ntitle: A\ndate: 2026-01-10\nupdated: 2026-01-09\n---\nBody.\n",
         "Content/articles/a.md:4: 'updated' is 2026-01-09, before the article's date, 2026-01-10"),
        ("a.md", "---\ntitle: A\ndate: 2026-01-10\nupdated: 2026-01-11\nlastmod: 2026-01-11\n---\nBody.\n",
         "Content/articles/a.md:5: 'lastmod' and 'updated' say the same thing; keep one"),
        ("a.md", "---\ntitle: A\ndate: 2026-01-10\nlastmod: 2026-02-30\n---\nBody.\n",
         "Content/articles/a.md:4: 'lastmod' is 2026-02-30, a day that does not exist"),
        ("a.txt", "updated 2026-01-09\ndate 2026-01-10 Talks\n\nBody.\n",
         "Content/articles/a.txt:1: the 'updated' day, 2026-01-09, is before the article's date, 2026-01-10"),
        ("a.txt", "Updated: 12 January\ndate 2026-01-10 Talks\n\nBody.\n",
         "Content/articles/a.txt:1: the 'updated' line should give a date written YYYY-MM-DD, not '12 January'"),
        ("a.txt", "updated 2026-02-30\ndate 2026-01-10 Talks\n\nBody.\n",
         "Content/articles/a.txt:1: the 'updated' day 2026-02-30 does not exist"),
        ("a.txt", "updated\ndate 2026-01-10 Talks\n\nBody.\n",
         "Content/articles/a.txt:1: the 'updated' line has no date (write it as: updated YYYY-MM-DD)"),
    ])
    func refused(_ file: String, _ text: String, _ message: String) {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: [file: text])
        var problems: [String] = []
        do { _ = try SiteBuilder(options: TestSite.options(folder)).check() } catch { problems = error.diagnostics.map(\.description) }
        #expect(problems == [message])
    }

    @Test("import writes a raw article's update into front matter, which reads back the same")
    func imported() throws {
        let importer = ArticleImporter(points: [], actors: [])
        let imported = try importer.importSource(SourceText(path: "b.txt", text: Self.raw))
        #expect(imported.markdown.contains("date: 2026-01-11\nupdated: 2026-01-14\nsource: \"Wire\"\n"))
        let article = try MarkdownArticleReader.read(SourceText(path: "b.md", text: imported.markdown), slug: "b")
        #expect(article.updated == Day(iso: "2026-01-14"))
        #expect(imported.json.contains(#""updated":"2026-01-14""#))
    }
}
