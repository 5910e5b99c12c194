import Foundation
import Testing
@testable import BriefgenCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a site needs to be published: sub-paths, discovery files, drafts and future articles,
/// fingerprinted assets, tables of contents.
@Suite("Publishing")
struct PublishingTests {
    @Test("under a sub-path, every link, asset, feed and sitemap entry resolves")
    func subPath() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder, baseURL: "https://example.org/briefings/")
        let output = folder.path("Output")
        var links = 0
        for (relative, data) in TestSite.tree(output) where relative.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in HTMLInspection.matches(#"(?:href|src)="([^"]+)""#, in: html) {
                let link = match[0]
                if link.hasPrefix("http") || link.hasPrefix("#") { continue }
                #expect(link.hasPrefix("/briefings/"), "\(relative): \(link) stays under the sub-path")
                var path = String(link.dropFirst("/briefings".count))
                var fragment: String?
                if let hash = path.firstIndex(of: "#") { fragment = String(path[path.index(after: hash)...]); path = String(path[..<hash]) }
                let file = output.appendingPathComponent(path.hasSuffix("/") ? path + "index.html" : path)
                #expect(FileManager.default.fileExists(atPath: file.path), "\(relative): \(link) resolves")
                if let fragment, let target = try? String(contentsOf: file, encoding: .utf8) {
                    #expect(HTMLInspection.ids(target).contains(fragment), "\(relative): \(link) anchor exists")
                }
                links += 1
            }
            // Every page but the error page, which is served at any missing address.
            #expect(relative == "404.html" || html.contains(#"<link rel="canonical" href="https://example.org/briefings/"#), "\(relative) canonical")
        }
        #expect(links > 300)
        // The Markdown link in the .md sample article is rewritten under the sub-path.
        let europe = try #require(folder.read("Output/articles/2025-12-29-europe-watches-the-talks/index.html"))
        #expect(europe.contains(#"<a href="/briefings/points/security-guarantees/">security guarantees</a>"#))
        // Feeds and the sitemap use absolute URLs under the sub-path.
        let sitemap = try #require(folder.read("Output/sitemap.xml"))
        let locations = HTMLInspection.matches(#"<loc>([^<]+)</loc>"#, in: sitemap).map { $0[0] }
        #expect(locations.count == 18, "home, 3 indexes, 4 articles, 4 points, 5 actors, timeline")
        #expect(locations.allSatisfy { $0.hasPrefix("https://example.org/briefings/") })
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/briefings/feed.xml"/>"#))
        #expect(try #require(folder.read("Output/robots.txt")).contains("Sitemap: https://example.org/briefings/sitemap.xml"))
    }

    @Test("base URLs: absolute http(s), a host, and a path every link and sitemap entry can use; each refusal says why")
    func baseURLs() {
        for good in ["https://example.org", "https://example.org/", "HTTPS://Example.ORG/Briefings", "http://127.0.0.1:8000/",
                     "http://localhost:1313/", "https://[::1]:8080/a/", "https://example.org/peace-talks_2025/~ed/",
                     "https://example.org/%D0%BD%d0%be/", "https://example.org/a;b=c/(d)!$&'*+,:@/", "https://my_host.example/",
                     "https://example.org./", "https://example.org/новини/", "https://example.org/café/"] {
            #expect(SiteConfig.baseURLProblem(good) == nil, "\(good)")
        }
        let bad: [(String, String)] = [
            ("example.org", "should start with https://"), ("ftp://example.org/", "should start with https://"),
            ("https://", "no host name"), ("https:///path", "no host name"),
            ("https://example.org/a\\b/", "'\\' in the path should be percent-encoded (%5C)"),
            ("https://example.org/a{x}/", "'{' in the path should be percent-encoded (%7B)"),
            ("https://example.org/%zz/", "percent-encoding"), ("https://example.org/50%/", "percent-encoding"),
            ("https://example.org/a b/", "a space in the path should be percent-encoded (%20)"),
            ("https://example.org/?q=1", "no query"), ("https://example.org/#top", "fragment"),
            ("https://exa mple.org/", "host name may hold only"), ("https://bücher.example/", "ASCII form (xn--"),
            ("https://user:pw@example.org/", "user name or password"), ("https://example.org:80a/", "port"),
            ("https://example.org:/", "port"), ("https://example.org:99999/", "port"), ("https://example.org:0/", "port"),
            ("https://example.org//a/", "empty segment"), ("https://example.org/a//", "empty segment"),
            ("https://example.org/x/../y/", "a '.' or '..' segment"), ("https://example.org/./", "a '.' or '..' segment"),
            ("https://example.org/x/%2E%2e/y/", "a '.' or '..' segment"), ("https://example.org/a\tb/", "(%09)"),
            ("https://-.org/", "empty label or one that starts or ends"), ("https://.../", "empty label"),
            ("https://example-.org/", "starts or ends with '-'"),
            ("https://example.org/\"x\"/", "'\"' in the path should be percent-encoded (%22)"),
        ]
        for (url, reason) in bad {
            #expect(SiteConfig.baseURLProblem(url)?.contains(reason) == true, "\(url): \(SiteConfig.baseURLProblem(url) ?? "accepted")")
        }
        // Letters beyond ASCII in the path are encoded, as sitemaps require.
        #expect(SiteConfig.normalisedBaseURL("https://Example.org/café") == "https://example.org/caf%C3%A9/")
    }

    @Test("sitemap lists every page with lastmod from content dates; robots.txt points at it")
    func discovery() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let sitemap = try XMLDocument(data: try #require(folder.read("Output/sitemap.xml")).data(using: .utf8)!)
        let urls = try #require(sitemap.rootElement()).elements(forName: "url")
        let entries = Dictionary(uniqueKeysWithValues: urls.map { url in
            (url.elements(forName: "loc").first!.stringValue!, url.elements(forName: "lastmod").first?.stringValue)
        })
        #expect(entries["https://briefing.example.org/articles/2025-12-28-trump-putin-call-before-mar-a-lago/"] == "2025-12-28")
        #expect(entries["https://briefing.example.org/points/territory-and-donbas/"] == "2025-12-29")
        #expect(entries["https://briefing.example.org/"] == "2025-12-29")
        #expect(entries.keys.contains("https://briefing.example.org/timeline/"))
        // An actor never quoted changes with the articles that name them.
        #expect(entries["https://briefing.example.org/actors/putin/"] == "2025-12-28")
        #expect(!entries.keys.contains { $0.hasSuffix("404.html") || $0.hasSuffix(".xml") })
        #expect(folder.read("Output/robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://briefing.example.org/sitemap.xml\n")
        // The error page is served at any missing address: it names no address of its own and asks not to be indexed.
        let notFound = try #require(folder.read("Output/404.html"))
        #expect(notFound.contains("<h1>Page not found</h1>") && notFound.contains(#"<meta name="robots" content="noindex">"#))
        #expect(!notFound.contains(#"rel="canonical""#) && !notFound.contains("og:url"))
        let home = try #require(folder.read("Output/index.html"))
        #expect(home.contains(#"<link rel="canonical" href="https://briefing.example.org/">"#) && home.contains(#"<meta property="og:url" content="https://briefing.example.org/">"#))
        #expect(!home.contains("noindex"))
    }

    @Test("past the sitemap limit, sitemap.xml is an index of parts that together list every URL once")
    func splitSitemap() throws {
        let site = try ContentLoader(directory: TestPaths.content).load()
        let analyzer = ArticleAnalyzer(points: site.points, actors: site.actors, basePath: "")
        let briefing = Briefing(content: site, articles: site.articles.map(analyzer.analyse))
        let templates = try TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        func locations(_ xml: String, element: String) throws -> [String] {
            let document = try XMLDocument(data: Data(xml.utf8))
            return try #require(document.rootElement()).elements(forName: element).map { $0.elements(forName: "loc").first!.stringValue! }
        }
        func render(_ page: Page) -> String { templates.render(page.template, page.context()) }

        let whole = PagePlanner(briefing: briefing, assetURLs: [:]).pages().filter { $0.kind == .sitemap }
        #expect(whole.count == 1)
        let everyURL = try locations(render(whole[0]), element: "url")
        #expect(everyURL.count > 7)

        let split = PagePlanner(briefing: briefing, assetURLs: [:], sitemapLimit: 7).pages().filter { $0.kind == .sitemap }
        let index = try #require(split.first { $0.outputPath == "sitemap.xml" })
        let parts = try locations(render(index), element: "sitemap")
        #expect(parts.count == (everyURL.count + 6) / 7)
        #expect(parts.first == "https://briefing.example.org/sitemap1.xml")
        var listed: [String] = []
        for (number, location) in parts.enumerated() {
            let part = try #require(split.first { $0.outputPath == "sitemap\(number + 1).xml" })
            #expect(location.hasSuffix(part.outputPath))
            let urls = try locations(render(part), element: "url")
            #expect(urls.count <= 7)
            listed += urls
        }
        #expect(listed == everyURL)
    }

    @Test("canonical link, Open Graph and Twitter cards on every page (no address of its own on the 404 page); NewsArticle JSON-LD on articles")
    func metadata() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        for (relative, data) in TestSite.tree(folder.path("Output")) where relative.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let ownAddress = [#"<link rel="canonical" href="https://briefing.example.org/"#, #"<meta property="og:url" content="https://briefing.example.org/"#]
            for tag in (relative == "404.html" ? [] : ownAddress) + [#"<meta property="og:title" content=""#, #"<meta name="twitter:card" content="summary">"#] {
                #expect(html.contains(tag), "\(relative) has \(tag)")
            }
            for script in HTMLInspection.matches(#"<script type="application/ld\+json">(.*?)</script>"#, in: html) {
                let object = try JSONSerialization.jsonObject(with: Data(script[0].utf8)) as? [String: Any]
                #expect(object?["@context"] as? String == "https://schema.org", "\(relative) JSON-LD parses")
            }
        }
        let article = try #require(folder.read("Output/articles/2025-12-29-guarantees-and-donbas-remain-open/index.html"))
        let json = try #require(HTMLInspection.matches(#"<script type="application/ld\+json">(.*?)</script>"#, in: article).first?[0])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "NewsArticle")
        #expect(object["headline"] as? String == "Security guarantees and the Donbas remain the hardest questions after the Mar-a-Lago talks")
        #expect(object["datePublished"] as? String == "2025-12-29")
        #expect(object["articleSection"] as? [String] == ["Territory and the Donbas", "Security guarantees"])
        #expect(article.contains(#"<meta property="og:type" content="article">"#))
    }

    @Test("JSON-LD cannot be broken out of by a title")
    func jsonLDEscaping() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["x.md": "---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2025-12-20\n---\nBody.\n"])
        try TestSite.build(folder)
        let html = try #require(folder.read("Output/articles/x/index.html"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains(#"\u003c/script\u003e"#))
        #expect(html.contains("<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
    }

    @Test("drafts and future articles are left out unless asked for")
    func draftsAndFuture() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: [
            "published.md": "---\ntitle: Published\ndate: 2026-01-01\n---\nTerritory and territory.\n",
            "draft.md": "---\ntitle: Draft\ndate: 2026-01-01\ndraft: true\n---\nBody.\n",
            "future.txt": "date 2026-03-01 Future Report\n\nThe territory and territory question.\n",
        ])
        func build(drafts: Bool = false, future: Bool = false) throws -> (BuildReport, Set<String>) {
            var options = TestSite.options(folder)
            options.now = Day(iso: "2026-02-01")!
            options.includeDrafts = drafts
            options.includeFuture = future
            let report = try SiteBuilder(options: options).build()
            let articles = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path("Output/articles").path).filter { $0 != "index.html" })
            return (report, articles)
        }
        let (plain, plainArticles) = try build()
        #expect(plainArticles == ["published"])
        #expect(plain.skippedDrafts == 1 && plain.skippedFuture == 1)
        #expect(!(folder.read("Output/points/territory/index.html") ?? "").contains("Future Report"))
        #expect(!(folder.read("Output/sitemap.xml") ?? "").contains("/articles/draft/"))
        #expect(try build(drafts: true).1 == ["published", "draft"])
        #expect(try build(future: true).1 == ["published", "future"])
        #expect(try build(drafts: true, future: true).1 == ["published", "draft", "future"])
        // Back to the default: the draft's page is removed from Output/.
        #expect(try build().1 == ["published"])
    }

    @Test("CSS and JS are fingerprinted and reached through the asset helper; other files are copied unchanged")
    func assets() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Templates/assets/js/menu.js", "console.log('menu');\n")
        folder.write("Templates/assets/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        folder.write("Content/static/CNAME", "briefing.example.org\n")
        folder.write("Templates/partials/footer.mustache", "<footer><script src=\"{{#asset}}js/menu.js{{/asset}}\"></script><img src=\"{{#asset}}img/logo.svg{{/asset}}\" alt=\"\"></footer>")
        try TestSite.build(folder)
        let files = TestSite.tree(folder.path("Output")).keys
        let css = try #require(files.first { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") })
        #expect(css.range(of: #"^assets/site\.[0-9a-f]{10}\.css$"#, options: .regularExpression) != nil)
        let js = try #require(files.first { $0.hasPrefix("assets/js/menu.") })
        #expect(js.range(of: #"^assets/js/menu\.[0-9a-f]{10}\.js$"#, options: .regularExpression) != nil)
        #expect(files.contains("assets/img/logo.svg"))
        #expect(folder.read("Output/CNAME") == "briefing.example.org\n")
        let home = try #require(folder.read("Output/index.html"))
        #expect(home.contains("href=\"/\(css)\""))
        #expect(home.contains("src=\"/\(js)\""))
        // A change to the stylesheet changes its name, so caches never serve the old one.
        folder.write("Templates/assets/site.css", "body { color: black; }\n")
        try TestSite.build(folder)
        let newCSS = try #require(TestSite.tree(folder.path("Output")).keys.first { $0.hasPrefix("assets/site.") })
        #expect(newCSS != css)
    }

    @Test("articles with three or more headings get a table of contents; shorter ones do not")
    func tableOfContents() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let long = try #require(folder.read("Output/articles/2025-12-29-guarantees-and-donbas-remain-open/index.html"))
        let toc = long.components(separatedBy: "</nav>").first { $0.contains("toc-heading") } ?? ""
        #expect(HTMLInspection.matches(##"<li><a href="#([^"]+)">"##, in: toc).map { $0[0] } ==
                ["security-guarantees-near-completion-says-washington", "territory-still-blocks-a-breakthrough", "what-comes-next"])
        let short = try #require(folder.read("Output/articles/2025-12-29-europe-watches-the-talks/index.html"))
        #expect(!short.contains("toc-heading"))
    }
}
