import Foundation
import Testing
@testable import BriefgenCore

/// Heading ids are made from the heading's words, and the theme's article page has ids of its own
/// (`main`, `toc-heading`…): a heading must never take one of them.
@Suite("Heading ids and the theme's ids")
struct HeadingIDTests {
    static let article = """
    ---
    title: Clashing headings
    date: 2025-12-01
    ---
    Lead paragraph.

    ## Main

    The main points.

    ## toc heading

    A heading named like the table of contents.

    ## Quotes heading

    “We will see,” Kovac said.

    ## Actors heading

    Kovac again.
    """

    @Test("an article whose headings are named like the theme's ids builds to a page with every id once")
    func headingsAvoidThemeIDs() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["clash.md": HeadingIDTests.article])
        try TestSite.build(folder)
        let html = try #require(folder.read("Output/articles/clash/index.html"))
        let ids = HTMLInspection.idList(html)
        #expect(ids.count == Set(ids).count, "ids used twice: \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        #expect(ids.contains("main") && ids.contains("toc-heading") && ids.contains("quotes-heading"))
        // The headings step aside the way repeated headings do.
        #expect(html.contains("<h2 id=\"main-1\">Main</h2>"))
        #expect(html.contains("<h2 id=\"toc-heading-1\">"))
        #expect(html.contains("href=\"#main-1\""))
    }

    @Test("an id a template adds is avoided, also when the article's summary comes from the cache")
    func templateIDAvoidedThroughCache() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["bg.md": "---\ntitle: Background check\ndate: 2025-12-01\n---\nLead.\n\n## Background\n\nWhat came before.\n"])
        try TestSite.build(folder)
        #expect(try #require(folder.read("Output/articles/bg/index.html")).contains("<h2 id=\"background\">"))

        let article = folder.path("Templates/article.mustache")
        let template = try String(contentsOf: article, encoding: .utf8)
        try template.replacingOccurrences(of: "{{$content}}", with: "{{$content}}\n<aside id=\"background\">Context</aside>")
            .write(to: article, atomically: true, encoding: .utf8)
        // The cached summary of bg.md (unchanged) must know its heading's new anchor, or this link is reported broken.
        folder.write("Content/articles/ref.md", "---\ntitle: See also\ndate: 2025-12-02\n---\nSee [the background](/articles/bg/#background-1).\n")
        try TestSite.build(folder)
        let html = try #require(folder.read("Output/articles/bg/index.html"))
        #expect(html.contains("<aside id=\"background\">"))
        #expect(html.contains("<h2 id=\"background-1\">"))
        let ids = HTMLInspection.idList(html)
        #expect(ids.count == Set(ids).count)
    }

    @Test("a point's overview and an actor's notes step aside for the ids of their own pages")
    func overviewAndNotesAvoidThemeIDs() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": "---\ntitle: A\ndate: 2025-12-01\n---\nOn the territory, Kovac said little.\n"])
        folder.write("Content/points/territory.md", """
        ---
        title: Territory
        status: unresolved
        order: 1
        keywords: [territory, Donbas]
        ---
        The land question.

        ## Overview heading

        See [the history](#history-heading-1).

        ## History heading

        Earlier rounds.
        """)
        folder.write("Content/actors/kovac.md", "---\nname: Maria Kovac\naliases: [Kovac]\nrole: Foreign minister of Examplia\nside: Examplia\n---\n## Said heading\n\nNotes.\n")
        try TestSite.build(folder)
        for page in ["Output/points/territory/index.html", "Output/actors/kovac/index.html"] {
            let html = try #require(folder.read(page))
            let ids = HTMLInspection.idList(html)
            #expect(ids.count == Set(ids).count, "\(page): ids used twice: \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        }
        #expect(folder.read("Output/points/territory/index.html")?.contains("<h2 id=\"history-heading-1\">") == true)
        #expect(folder.read("Output/actors/kovac/index.html")?.contains("<h2 id=\"said-heading-1\">") == true)
    }

    @Test("a link to an id the theme writes (the skip link's #main) is not reported, though a heading took main-1")
    func linkToThemeID() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: [
            "a.md": "---\ntitle: A\ndate: 2025-12-01\n---\nSee [the content](#main) and [the other](/articles/b/#main).\n\n## Main\n\nText.\n",
            "b.md": "---\ntitle: B\ndate: 2025-12-02\n---\nOn the territory.\n",
        ])
        try TestSite.build(folder)
        #expect(folder.read("Output/articles/a/index.html")?.contains("<h2 id=\"main-1\">") == true)
    }

    @Test("the ids written literally in the article page's templates, and no others")
    func literalIDs() throws {
        #expect(TemplateSet.literalIDs(in: #"<a id="one"> <b ID='two'> <c data-id="no"> <d id="day-{{date}}"> <e id = "three"> id="four""#)
            == ["one", "two", "three", "four"])
        // Comments and script bodies hold no attributes; a script tag's own id counts.
        #expect(TemplateSet.literalIDs(in: #"<p id="a">{{! id="c" }}<SCRIPT id="data">var id = 'foo'; x.id ="y"</script> <i id="b">"#)
            == ["a", "data", "b"])
        // At the very start too; an HTML comment is skipped whole; `<scripts>` or a script without
        // its end tag do not swallow the rest.
        #expect(TemplateSet.literalIDs(in: #"{{! id="x" }}<a id="a">"#) == ["a"])
        #expect(TemplateSet.literalIDs(in: #"<!-- <script> removed --><main id="main">"#) == ["main"])
        #expect(TemplateSet.literalIDs(in: #"<a title="<scripts>" id="x"><main id="main">"#) == ["x", "main"])
        #expect(TemplateSet.literalIDs(in: #"<script src="a.js"><main id="main">"#) == ["main"])
        let templates = try TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        #expect(templates.literalIDs(ofPage: "article") == ["main", "toc-heading", "quotes-heading", "actors-heading"])
        #expect(!templates.literalIDs(ofPage: "home").contains("toc-heading"))
    }
}
