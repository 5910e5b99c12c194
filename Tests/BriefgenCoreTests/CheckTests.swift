import Foundation
import Testing
@testable import BriefgenCore

/// `briefgen check`: one case per kind of problem, with the exact message and line.
@Suite("Checks")
struct CheckTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: String]
        var expected: [String]
        var testDescription: String { name }
    }

    static let article = "---\ntitle: A\ndate: 2025-12-20\n---\nBody text.\n"

    static let cases: [Case] = [
        Case(name: "malformed YAML", files: ["Content/articles/bad.md": "---\ntitle: A\ndate: 2025-12-20\npoints: [territory\n---\nBody\n"],
             expected: ["Content/articles/bad.md:5:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        Case(name: "missing date", files: ["Content/articles/bad.md": "---\ntitle: A\n---\nBody\n"],
             expected: ["Content/articles/bad.md:1: the front matter has no 'date' (write it as date: YYYY-MM-DD)"]),
        Case(name: "impossible date in a raw article", files: ["Content/articles/bad.txt": "date 2025-02-30 Text.\n"],
             expected: ["Content/articles/bad.txt:1: the date 2025-02-30 does not exist"]),
        // Each problem on one line, which editors and CI annotations read as one problem.
        Case(name: "a file name with a line break",
             files: ["Content/articles/bad\nname.md": "---\ntitle: A\ndate: 2025-12-20\npionts: [territory]\n---\nBody\n"],
             expected: ["\"Content/articles/bad\\nname.md\":4: unknown key 'pionts'; did you mean 'points'?"]),
        Case(name: "a quoted value with a line break",
             files: ["Content/articles/bad.md": "---\ntitle: A\ndate: 2025-12-20\npoints: [\"terri\\ntory\"]\n---\nBody\n"],
             expected: ["Content/articles/bad.md:4: unknown point 'terri\\ntory'; did you mean 'territory'?"]),
        Case(name: "a name two actors share",
             files: ["Content/actors/alex-smith.md": "---\nname: Alex Smith\naliases: [Smith]\n---\n",
                     "Content/actors/jordan-smith.md": "---\nname: Jordan Smith\naliases:\n  - Smith\n  - Maria  Kovac\n  - smith\n---\n"],
             expected: ["Content/actors/alex-smith.md:3: 'Smith' is also a name of Jordan Smith (Content/actors/jordan-smith.md), so an article naming 'Smith' could mean either; keep it for one of them at most",
                        "Content/actors/jordan-smith.md:3: 'Maria  Kovac' is also a name of Maria Kovac (Content/actors/kovac.md), so an article naming 'Maria  Kovac' could mean either; keep it for one of them at most",
                        "Content/actors/jordan-smith.md:3: 'Smith' is also a name of Alex Smith (Content/actors/alex-smith.md), so an article naming 'Smith' could mean either; keep it for one of them at most",
                        "Content/actors/kovac.md:2: 'Maria Kovac' is also a name of Jordan Smith (Content/actors/jordan-smith.md), so an article naming 'Maria Kovac' could mean either; keep it for one of them at most"]),
        Case(name: "a copied actor file with the same slug is a duplicate slug, not two actors sharing names",
             files: ["Content/actors/kovac-copy.md": "---\nname: Maria Kovac\naliases: [Kovac]\nslug: kovac\n---\n"],
             expected: ["Content/actors/kovac.md:1: the actor slug 'kovac' is already used by Content/actors/kovac-copy.md"]),
        Case(name: "unknown point", files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\npoints: [teritory]\n---\nBody\n"],
             expected: ["Content/articles/a.md:4: unknown point 'teritory'; did you mean 'territory'?"]),
        Case(name: "unknown actor", files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\nactors:\n  - nobody-at-all\n---\nBody\n"],
             expected: ["Content/articles/a.md:4: unknown actor 'nobody-at-all' (known: kovac)"]),
        Case(name: "two pages with the same slug", files: ["Content/articles/a.md": article, "Content/articles/old/a.txt": "date 2025-12-01 Text.\n"],
             expected: ["Content/articles/old/a.txt:1: the article slug 'a' is already used by Content/articles/a.md"]),
        Case(name: "a link to a page that does not exist",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nFirst.\n\nSee [the map](/points/maps/) too.\n"],
             expected: ["Content/articles/a.md:7: the link '/points/maps/' does not lead to any page of the site"]),
        Case(name: "a link to a section another page does not have",
             files: ["Content/articles/a.md": article,
                     "Content/articles/b.md": "---\ntitle: B\ndate: 2025-12-21\n---\n## Next steps\n\nSee [a](/articles/a/#next-step) and [b](#next-step).\n"],
             expected: ["Content/articles/b.md:7: the link '#next-step' points to an anchor that this page does not have; did you mean '#next-steps'?",
                        "Content/articles/b.md:7: the link '/articles/a/#next-step' points to an anchor that /articles/a/ does not have"]),
        Case(name: "a relative link that climbs out of the site",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\n---\n[up](../../../secret.html)\n"],
             expected: ["Content/articles/a.md:5: the link '../../../secret.html' does not lead to any page of the site"]),
        Case(name: "a broken link in a point's overview",
             files: ["Content/points/territory.md": "---\ntitle: Territory\nstatus: unresolved\norder: 1\nkeywords: [territory]\n---\nSee [the old page](/territory.html).\n"],
             expected: ["Content/points/territory.md:7: the link '/territory.html' does not lead to any page of the site"]),
        // Mustache gives nothing for a name it cannot find; a name no page has, a letter or two
        // from one the page does have, is a misspelling, reported where it is written.
        Case(name: "misspelt names in a template",
             files: ["Templates/404.mustache": "{{<layout}}{{$content}}<h1>{{page.titel}}</h1>{{#site.tilte}}x{{/site.tilte}}{{^page.is_article}}{{page.title}}{{/page.is_article}}{{#nothing.here}}{{/nothing.here}}{{/content}}{{/layout}}"],
             expected: ["Templates/404.mustache:1:28: no page has 'page.titel'; did you mean 'page.title'?",
                        "Templates/404.mustache:1:47: no page has 'site.tilte'; did you mean 'site.title'?"]),
        Case(name: "a template that does not parse", files: ["Templates/404.mustache": "<p>\n{{#site}}x{{/page}}\n</p>\n"],
             expected: ["Templates/404.mustache:2:11: the closing tag {{/page}} does not match the section {{#site}} it closes in \"{{#site}}x{{/page}}\""]),
        Case(name: "an empty page template", files: ["Templates/article.mustache": "\n  \n", "Templates/robots.txt.mustache": "",
                                                     "Templates/layout.mustache": "", "Templates/partials/footer.mustache": ""],
             expected: ["Templates/article.mustache:1: the template is empty, so every page made from it would be an empty file",
                        "Templates/layout.mustache:1: the layout is empty, so every page that extends it would be an empty file"]),
        Case(name: "a partial that does not exist", files: ["Templates/404.mustache": "{{<layout}}{{$content}}{{> partials/sidebar}}{{/content}}{{/layout}}"],
             expected: ["Templates/404.mustache:1:24: the partial 'partials/sidebar' does not exist (expected Templates/partials/sidebar.mustache)"]),
        Case(name: "a point without keywords", files: ["Content/points/empty.md": "---\ntitle: Empty\nstatus: agreed\norder: 3\n---\n"],
             expected: ["Content/points/empty.md:1: the point has no 'keywords', so no article section can be matched to it"]),
        Case(name: "a keyword or alias without a letter or digit",
             files: ["Content/points/territory.md": "---\ntitle: Territory\nstatus: unresolved\norder: 1\nkeywords:\n  - territory\n  - \"*\"\n---\n",
                     "Content/actors/kovac.md": "---\nname: Maria Kovac\naliases: [Kovac, \"\"]\n---\n"],
             expected: ["Content/actors/kovac.md:3: the alias '' has no letters or digits, so no article can name the actor by it; remove it",
                        "Content/points/territory.md:5: the keyword '*' has no letters or digits, so it can never match a section; remove it, or write a word ('guarantee*' matches any ending)"]),
        Case(name: "a slug in front matter that is not a slug",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\nslug: ../../../pwned\n---\nBody\n",
                     "Content/articles/b.md": "---\ntitle: B\ndate: 2025-12-20\nslug: \"A B?x\"\n---\nBody\n",
                     "Content/articles/c.md": "---\ntitle: C\ndate: 2025-12-20\nslug: \"..\"\n---\nBody\n"],
             expected: ["Content/articles/a.md:4: 'slug' should be made of lower-case letters, digits and hyphens, such as 'pwned', not '../../../pwned'",
                        "Content/articles/b.md:4: 'slug' should be made of lower-case letters, digits and hyphens, such as 'a-b-x', not 'A B?x'",
                        "Content/articles/c.md:4: 'slug' should be made of letters, digits and hyphens, not '..'"]),
        Case(name: "a file name that gives no slug", files: ["Content/articles/!!!.txt": "date 2025-12-01 Text.\n"],
             expected: ["Content/articles/!!!.txt:1: the file name gives an empty slug; name it with letters or digits"]),
        Case(name: "a Markdown file name that gives no slug", files: ["Content/articles/---.md": article],
             expected: ["Content/articles/---.md:1: the file name gives an empty slug; name it with letters or digits, or set 'slug' in the front matter"]),
        Case(name: "a misspelt key", files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\npionts: [territory]\ntags: [kept, ignored]\n---\nBody\n"],
             expected: ["Content/articles/a.md:4: unknown key 'pionts'; did you mean 'points'?"]),
        Case(name: "a quoted value never closed", files: ["Content/articles/a.md": "---\ntitle: \"Unclosed title\ndate: 2025-12-20\nsource: One\n---\nBody\n",
                                                          "Content/articles/b.md": "---\ntitle: B\ndate: 2025-12-20\nsource: 'It''s open\n---\nBody\n"],
             expected: ["Content/articles/a.md:2:8: invalid YAML: this quoted value is never closed (no matching quote mark before the end of the front matter)",
                        "Content/articles/b.md:4:9: invalid YAML: this quoted value is never closed (no matching quote mark before the end of the front matter)"]),
        Case(name: "a key given twice", files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\nsource: One\nsource: Two\n---\nBody\n"],
             expected: ["Content/articles/a.md:5: the key 'source' appears twice"]),
        Case(name: "a key given twice in one list item, which other items share",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\nquotes:\n  - text: One\n    speaker: Kovac\n  - text: Two\n    speaker: Kovac\n    text: Three\n---\nBody\n"],
             expected: ["Content/articles/a.md:9: the key 'text' appears twice"]),
        Case(name: "a key given twice after a value with line separators, which YAML counts as line breaks",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\nsource: \"Editors'\u{2028}summary\u{2028}from\u{2028}wire\u{85}x\"\ndraft: false\ndraft: false\n---\nBody\n"],
             expected: ["Content/articles/a.md:6: the key 'draft' appears twice"]),
        Case(name: "an empty title", files: ["Content/articles/a.md": "---\ndate: 2025-12-20\ntitle: \"\"\n---\nBody\n"],
             expected: ["Content/articles/a.md:3: 'title' is empty; it is required"]),
        Case(name: "a date with words after it", files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20 is when\n---\nBody\n",
                                                         "Content/articles/b.md": "---\ntitle: B\ndate: 2025-12-20T99:99:00Z\n---\nBody\n",
                                                         "Content/articles/c.md": "---\ntitle: C\ndate: 2025-12-20T10:30:00+02:00\n---\nBody\n"],
             expected: ["Content/articles/a.md:3: 'date' should be a date written YYYY-MM-DD, not '2025-12-20 is when'",
                        "Content/articles/b.md:3: 'date' should be a date written YYYY-MM-DD, not '2025-12-20T99:99:00Z'"]),
        Case(name: "a site title missing", files: ["Content/site.yml": "base_url: https://example.org/\n"],
             expected: ["Content/site.yml:1: the site configuration has no 'title'"]),
        Case(name: "a what-changed window of centuries", files: ["Content/site.yml": "title: T\nwhat_changed_days: 9223372036854775807\n"],
             expected: ["Content/site.yml:2: 'what_changed_days' is 9223372036854775807 days; at most 3660 (ten years) makes sense"]),
        Case(name: "links to a draft and to a future article",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nSee [d](/articles/d/) and [f](/articles/f/index.html).\n",
                     "Content/articles/d.md": "---\ntitle: D\ndate: 2025-12-20\ndraft: true\n---\nBody.\n",
                     "Content/articles/f.md": "---\ntitle: F\ndate: 2099-01-01\n---\nBody.\n",
                     "Content/articles/b.md": "---\ntitle: B\ndate: 2025-12-20\n---\nAnd [both](../df/).\n",
                     "Content/articles/df.md": "---\ntitle: DF\ndate: 2099-01-02\ndraft: true\n---\nBody.\n"],
             expected: ["Content/articles/a.md:5: the link '/articles/d/' leads to an article this build leaves out: it is a draft (--drafts publishes drafts)",
                        "Content/articles/a.md:5: the link '/articles/f/index.html' leads to an article this build leaves out: it is dated 2099-01-01, "
                            + "after the day the site is built for (--future publishes it)",
                        "Content/articles/b.md:5: the link '../df/' leads to an article this build leaves out: it is a draft, dated 2099-01-02, "
                            + "after the day the site is built for (--drafts and --future publish it)"]),
        // `check` renders every page as a build does, so it finds what only rendering finds.
        Case(name: "a partial that includes itself",
             files: ["Templates/partials/footer.mustache": "<footer>\n  {{> partials/footer}}\n</footer>\n"],
             expected: ["Templates/partials/footer.mustache:2:3: includes 'partials/footer' while it is still being rendered "
                 + "(partials/footer → partials/footer), and nesting passed 64 levels; a template that includes itself needs data that ends the recursion"]),
        Case(name: "templates that include each other without end on article pages only",
             files: ["Templates/article.mustache": "{{<layout}}{{$content}}{{>loop}}{{/content}}{{/layout}}",
                     "Templates/loop.mustache": "{{<layout}}{{/layout}}", "Content/articles/a.md": article],
             expected: ["Templates/loop.mustache:1:1: includes 'layout' while it is still being rendered (layout → loop → layout), "
                 + "and nesting passed 64 levels; a template that includes itself needs data that ends the recursion"]),
        Case(name: "a loop that only the timeline runs into",
             files: ["Templates/timeline.mustache": "{{#page}}{{> timeline}}{{/page}}"],
             expected: ["Templates/timeline.mustache:1:10: includes 'timeline' while it is still being rendered (timeline → timeline), "
                 + "and nesting passed 64 levels; a template that includes itself needs data that ends the recursion"]),
        Case(name: "several problems are all reported, content and templates together",
             files: ["Content/articles/a.md": "---\ntitle: A\ndate: 2025-13-01\n---\nBody\n",
                     "Templates/404.mustache": "{{> nowhere}}"],
             expected: ["Content/articles/a.md:3: 'date' is 2025-13-01, a day that does not exist",
                        "Templates/404.mustache:1:1: the partial 'nowhere' does not exist (expected Templates/nowhere.mustache)"]),
    ]

    func problems(in folder: TemporaryFolder) -> [String] {
        do {
            _ = try SiteBuilder(options: TestSite.options(folder)).check()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("each problem is reported with its file, line and message", arguments: cases)
    func problem(_ testCase: Case) throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder)
        for (path, text) in testCase.files { folder.write(path, text) }
        #expect(problems(in: folder) == testCase.expected)
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path), "check writes nothing")
    }

    @Test("the sample site has no problems")
    func sample() {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        #expect(problems(in: folder) == [])
    }

    /// Themes a user may well write, on sites that lack what some of their names refer to: no
    /// misspelling is reported, whatever the site has and whichever page renders first.
    @Test("names a site has no data for are not taken for misspellings", arguments: [
        ("no points or articles", [String: String](), "Templates/layout.mustache", "<head>", "<head>{{#point}}<link rel=\"alternate\" href=\"{{feed}}\">{{/point}}"),
        ("drafts only", ["a.md": "---\ntitle: A\ndate: 2025-12-20\ndraft: true\n---\nBody\n"], "Templates/articles.mustache", "{{$content}}",
         "{{$content}}{{#page.is_article}} › {{page.title}}{{/page.is_article}}{{#page.is_actor}}x{{/page.is_actor}}"),
        ("quotes by no known actor", ["a.md": "---\ntitle: A\ndate: 2025-12-20\n---\n\"We will talk,\" said Piet Sorel.\n"], "Templates/article.mustache", "{{$content}}",
         "{{$content}}{{#article}}{{#quotes}}{{#actor}}<a href=\"{{url}}\">{{name}}</a>{{/actor}}{{^actor}}{{speaker}}{{/actor}}{{speaker_as_written}}{{/quotes}}{{/article}}"),
    ])
    func noFalseMisspellings(_ name: String, _ articles: [String: String], _ template: String, _ anchor: String, _ replacement: String) throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: articles)
        if articles.isEmpty { try FileManager.default.removeItem(at: folder.path("Content/points/territory.md")) }
        let text = try #require(folder.read(template))
        #expect(text.contains(anchor))
        folder.write(template, text.replacingOccurrences(of: anchor, with: replacement))
        #expect(problems(in: folder) == [], "\(name)")
    }

    @Test("a misspelling is found on the one page whose data reaches it, whichever page renders first")
    func misspellingOnOnePage() {
        let folder = TemporaryFolder()
        var articles: [String: String] = [:]
        for day in 1...9 { articles["a\(day).md"] = "---\ntitle: A\(day)\ndate: 2025-12-0\(day)\n---\nOn the territory.\n" }
        articles["a5.md"] = "---\ntitle: A5\ndate: 2025-12-05\nupdated: 2025-12-30\n---\nOn the territory.\n"
        TestSite.minimal(folder, articles: articles)
        let text = folder.read("Templates/article.mustache")!
        folder.write("Templates/article.mustache", text.replacingOccurrences(of: "{{$content}}", with: "{{$content}}{{article.updated.lnog}}"))
        #expect(problems(in: folder).map { $0.components(separatedBy: ": ").dropFirst().joined(separator: ": ") }
                == ["no page has 'article.updated.lnog'; did you mean 'article.updated.long'?"])
    }

    /// Problems a build finds only as it writes: `check` must find each of them too, in the same words.
    static let writingClashes: [(name: String, files: [String: String])] = [
        ("static files where the site writes its own", ["Content/static/robots.txt": "User-agent: *\n", "Content/static/sitemap.xml": "<urlset/>\n",
                                                        "Content/static/feed.xml": "<feed/>\n", "Content/static/404.html": "<p>gone</p>\n"]),
        ("a static file where an article's page goes", ["Content/static/articles/a/index.html": "<p>mine</p>\n", "Content/articles/a.md": article]),
        ("a static file where a theme asset goes", ["Templates/assets/logo.svg": "<svg/>\n", "Content/static/assets/logo.svg": "<svg/>\n"]),
    ]

    @Test("check finds what a build finds only as it writes, with the same messages",
          arguments: writingClashes.map(\.name))
    func clashesAsBuildFindsThem(_ name: String) throws {
        let files = try #require(Self.writingClashes.first { $0.name == name }).files
        let folder = TemporaryFolder()
        TestSite.minimal(folder)
        for (path, text) in files { folder.write(path, text) }
        let checked = problems(in: folder)
        var built: [String] = []
        do { _ = try TestSite.build(folder) } catch { built = error.diagnostics.map(\.description) }
        #expect(!built.isEmpty)
        #expect(checked == built)
    }

    @Test("build runs the same checks and fails on them")
    func buildFails() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder)
        folder.write("Content/articles/a.md", "---\ntitle: A\ndate: 2025-12-20\n---\nSee [the map](/points/maps/).\n")
        #expect(throws: DiagnosticList([Diagnostic(file: "Content/articles/a.md", line: 5, "the link '/points/maps/' does not lead to any page of the site")])) {
            try TestSite.build(folder)
        }
    }
}
