import Foundation
import Testing
@testable import BriefgenCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The briefing pages of the sample site, asserted entry by entry.
@Suite("Briefing pages on the sample site", .serialized)
struct BriefingPagesTests {
    static let site: TemporaryFolder = {
        let folder = TemporaryFolder("briefing-pages")
        folder.copySampleSite()
        _ = try! TestSite.build(folder)
        return folder
    }()

    func page(_ path: String) throws -> String {
        try #require(Self.site.read("Output/" + path))
    }

    @Test("each point page lists exactly the sections that speak to it, newest first")
    func developments() throws {
        let expected: [String: [(String, String)]] = [
            "territory-and-donbas": [
                ("2025-12-29", "/articles/2025-12-29-guarantees-and-donbas-remain-open/#territory-still-blocks-a-breakthrough"),
            ],
            "security-guarantees": [
                ("2025-12-29", "/articles/2025-12-29-europe-watches-the-talks/#the-hardest-decisions-are-still-ahead"),
                ("2025-12-29", "/articles/2025-12-29-guarantees-and-donbas-remain-open/#security-guarantees-near-completion-says-washington"),
            ],
            "peace-framework": [
                ("2025-12-29", "/articles/2025-12-29-white-house-posts-trump-remarks/#inside-the-20-point-peace-framework"),
                ("2025-12-29", "/articles/2025-12-29-white-house-posts-trump-remarks/#zelenskyy-urges-caution"),
                ("2025-12-28", "/articles/2025-12-28-trump-putin-call-before-mar-a-lago/#what-is-on-the-table"),
            ],
            "european-role": [
                ("2025-12-29", "/articles/2025-12-29-europe-watches-the-talks/#the-hardest-decisions-are-still-ahead"),
                ("2025-12-29", "/articles/2025-12-29-europe-watches-the-talks/#a-larger-role-for-europe"),
            ],
        ]
        for (slug, entries) in expected {
            let html = try page("points/\(slug)/index.html")
            let listed = HTMLInspection.developments(HTMLInspection.section(html, headingID: "developments-heading"))
            #expect(listed.map(\.date) == entries.map(\.0), "\(slug) dates")
            #expect(listed.map(\.link) == entries.map(\.1), "\(slug) links")
            #expect(listed.map(\.date) == listed.map(\.date).sorted(by: >), "\(slug) newest first")
            // A development's tags name the other points it speaks to, not the page it is on.
            let section = HTMLInspection.section(html, headingID: "developments-heading")
            #expect(!section.contains(#"href="/points/\#(slug)/""#), "\(slug) tags itself")
        }
        let security = HTMLInspection.section(try page("points/security-guarantees/index.html"), headingID: "developments-heading")
        #expect(security.contains(#"href="/points/european-role/""#), "the Europe section's other point keeps its tag")
        // Elsewhere (the timeline, the home page) every point is tagged.
        #expect(try page("timeline/index.html").contains(#"<a class="tag status-nearing" href="/points/security-guarantees/">"#))
        // The Europe section opens on Europe's role and turns to guarantees in its second paragraph:
        // each briefing shows the part that speaks to it; the timeline shows the opening.
        let opening = "Several European leaders have stressed that the hardest decisions still lie ahead"
        let turn = "European allies have been blunt that a deal without firm and enforceable security guarantees"
        #expect(security.contains(turn) && !security.contains(opening))
        let europe = HTMLInspection.section(try page("points/european-role/index.html"), headingID: "developments-heading")
        #expect(europe.contains(opening) && !europe.contains(turn))
        #expect(try page("timeline/index.html").contains(opening))
        let feed = try #require(Self.site.read("Output/points/security-guarantees/feed.xml"))
        #expect(feed.contains("<summary>" + turn))
    }

    @Test("the briefing header: status badge, updated date, overview, history, feed link")
    func header() throws {
        let html = try page("points/territory-and-donbas/index.html")
        #expect(html.contains("<h1>Territory and the Donbas</h1>"))
        #expect(html.contains(#"<span class="status status-unresolved"><span class="status-symbol" aria-hidden="true">○</span> Unresolved</span>"#))
        #expect(html.contains(#"Updated <time datetime="2025-12-29">29 December 2025</time>"#))
        #expect(html.contains("Territory remains the most politically explosive issue in the talks."))
        let history = HTMLInspection.section(html, headingID: "history-heading")
        #expect(history.contains("proposals for the Donbas, from demilitarisation to special economic arrangements, remained unresolved"))
        #expect(html.contains(#"<a href="/points/territory-and-donbas/feed.xml">"#))
        #expect(html.contains(#"<link rel="alternate" type="application/atom+xml" title="Territory and the Donbas" href="/points/territory-and-donbas/feed.xml">"#))
    }

    @Test("who said what: quotes carry speaker, side, date and a link to their paragraph")
    func whoSaidWhat() throws {
        let html = try page("points/territory-and-donbas/index.html")
        let who = HTMLInspection.section(html, headingID: "who-heading")
        #expect(who.contains("<h3>United States</h3>"))
        #expect(who.contains("<blockquote><p>one or two very thorny issues</p></blockquote>"))
        #expect(who.contains(#"— <a href="/actors/trump/">Donald Trump</a>,"#), "the speaker is a known alias: no as-written note")
        let link = try #require(HTMLInspection.matches(##"<a href="(/articles/[^"]+#[^"]+)">in context"##, in: who).first?[0])
        #expect(link == "/articles/2025-12-29-guarantees-and-donbas-remain-open/#territory-still-blocks-a-breakthrough-p1")
        let framework = HTMLInspection.section(try page("points/peace-framework/index.html"), headingID: "who-heading")
        #expect(framework.contains("Our meeting was excellent"))
        #expect(framework.contains(#"— <a href="/actors/trump/">Donald Trump</a>,"#))
    }

    @Test("every development and quote link points at an existing anchor")
    func anchorsResolve() throws {
        for point in ["territory-and-donbas", "security-guarantees", "peace-framework", "european-role"] {
            let html = try page("points/\(point)/index.html")
            for match in HTMLInspection.matches(##"href="/(articles/[^"#]+)#([^"]+)""##, in: html) {
                let target = try page(match[0] + "index.html")
                #expect(HTMLInspection.ids(target).contains(match[1]), "\(point) → \(match[0])#\(match[1])")
            }
        }
    }

    @Test("article pages: badges to the briefings, anchors on sections and quoted paragraphs, attributed quotes")
    func articlePage() throws {
        let html = try page("articles/2025-12-29-guarantees-and-donbas-remain-open/index.html")
        #expect(html.contains(#"<a class="badge status-unresolved" href="/points/territory-and-donbas/">"#))
        #expect(html.contains(#"<a class="badge status-nearing" href="/points/security-guarantees/">"#))
        let ids = HTMLInspection.ids(html)
        for id in ["security-guarantees-near-completion-says-washington", "territory-still-blocks-a-breakthrough",
                   "what-comes-next", "intro-p1", "territory-still-blocks-a-breakthrough-p1"] {
            #expect(ids.contains(id), "anchor \(id)")
        }
        #expect(html.contains(#"<p id="territory-still-blocks-a-breakthrough-p1">Trump also sounded a note of caution"#))
        let quotes = HTMLInspection.section(html, headingID: "quotes-heading")
        #expect(quotes.contains(#"<a href="/actors/trump/">Donald Trump</a>"#))
        #expect(quotes.contains(##"<a href="#territory-still-blocks-a-breakthrough-p1">in context"##))
    }

    @Test("home dashboard: points in order with status and newest development, latest articles, what changed")
    func home() throws {
        let html = try page("index.html")
        let dashboard = HTMLInspection.section(html, headingID: "points-heading")
        let order = HTMLInspection.matches(#"<h3><a href="/points/([^/]+)/">"#, in: dashboard).map { $0[0] }
        #expect(order == ["territory-and-donbas", "security-guarantees", "peace-framework", "european-role"])
        #expect(dashboard.contains("Latest:</span> <a href=\"/articles/2025-12-29-guarantees-and-donbas-remain-open/#territory-still-blocks-a-breakthrough\">"))
        let changed = HTMLInspection.section(html, headingID: "changed-heading")
        #expect(changed.contains(#"Developments from <time datetime="2025-12-23">23 December 2025</time> to <time datetime="2025-12-29">29 December 2025</time>."#))
        #expect(HTMLInspection.developments(changed).count == 7)
        let latest = HTMLInspection.section(html, headingID: "latest-heading")
        #expect(HTMLInspection.matches(#"<h3><a href="/articles/([^/]+)/">"#, in: latest).count == 4)
    }

    @Test("timeline: developments grouped by date, newest first, tagged with their points")
    func timeline() throws {
        let html = try page("timeline/index.html")
        let days = HTMLInspection.matches(#"<h2 id="day-([0-9-]+)">"#, in: html).map { $0[0] }
        #expect(days == ["2025-12-29", "2025-12-28"])
        // Each tag carries the status as a symbol and, for screen readers, as a word: never colour alone.
        #expect(html.contains(#"<a class="tag status-nearing" href="/points/peace-framework/"><span class="status-symbol" aria-hidden="true">◐</span> The 20-point peace framework<span class="visually-hidden"> (Nearing agreement)</span></a>"#))
        // Seven developments under the two days' headings, which give their date once.
        let items = HTMLInspection.matches(#"<li class="development">(.*?)</li>"#, in: html).map { $0[0] }
        #expect(items.count == 7)
        #expect(items.allSatisfy { !$0.contains("<time") && $0.contains(#"<p class="meta"><a class="tag"#) })
        // Elsewhere a development gives its date.
        #expect(HTMLInspection.developments(try page("points/peace-framework/index.html")).count == 3)
    }

    @Test("actor pages list what the actor said with the points; the index groups by side")
    func actors() throws {
        let trump = try page("actors/trump/index.html")
        let said = HTMLInspection.matches(#"<blockquote><p>(.*?)</p></blockquote>"#, in: trump).map { $0[0] }
        #expect(said.count == 3)
        #expect(said.first?.hasPrefix("one or two very thorny issues") == true || said.first?.hasPrefix("Our meeting was excellent") == true)
        #expect(said.last?.hasPrefix("I just had a good and very productive telephone call") == true, "oldest last")
        // Quotations keep the punctuation of the paragraph they link to.
        #expect(said.contains { $0.hasPrefix("Our meeting was excellent… we have made") } && !trump.contains("excellent..."))
        #expect(trump.contains(#"<a class="tag status-unresolved" href="/points/territory-and-donbas/">"#))
        let index = try page("actors/index.html")
        #expect(HTMLInspection.matches(#"<h2>([^<]+)</h2>"#, in: index).map { $0[0] } == ["Europe", "Russia", "Ukraine", "United States"])
        let putin = try page("actors/putin/index.html")
        #expect(putin.contains("No quote from Vladimir Putin appears in the articles yet."))
        // An actor never quoted still leads to the articles that name them, newest first.
        let naming = HTMLInspection.matches(#"<h3><a href="/articles/([^/]+)/">"#, in: HTMLInspection.section(putin, headingID: "related-heading")).map { $0[0] }
        #expect(naming == ["2025-12-28-trump-putin-call-before-mar-a-lago"])
        let named = HTMLInspection.matches(#"<h3><a href="/articles/([^/]+)/">"#, in: HTMLInspection.section(trump, headingID: "related-heading")).map { $0[0] }
        #expect(named.count >= 3 && named.last == "2025-12-28-trump-putin-call-before-mar-a-lago")
        // Counts read as words, in the singular, the plural and none; the title is the heading's.
        #expect(index.contains(#"<a href="/actors/trump/">Donald Trump</a>"#) && index.contains(#"· 3 quotes</span>"#))
        #expect(index.contains(#"· No quotes yet</span>"#) && !index.contains("(s)"))
        #expect(index.contains("<title>Who said what · ") && index.contains("<h1>Who said what</h1>"))
        let points = try page("points/index.html")
        #expect(points.contains(#"<p class="meta">1 development</p>"#) && points.contains(#"<p class="meta">3 developments</p>"#))
        #expect(!points.contains("(s)"))
    }

    @Test("an actor's feed has their quotes, newest first, each linked to its paragraph, with ids of their own")
    func actorFeed() throws {
        let feed = try #require(Self.site.read("Output/actors/trump/feed.xml"))
        let titles = HTMLInspection.matches(#"<entry>\s*<title>(.*?)</title>"#, in: feed).map { $0[0] }
        #expect(titles.count == 3 && titles.last?.hasPrefix("I just had a good and very productive telephone call") == true)
        let links = HTMLInspection.matches(#"<link rel="alternate" type="text/html" href="https://briefing.example.org(/articles/[^"]+)"/>"#, in: feed).map { $0[0] }
        #expect(links.count == 3)
        for link in links {
            let parts = link.split(separator: "#")
            let page = try page(String(parts[0]).dropFirst() + "index.html")
            #expect(parts.count == 2 && page.contains("id=\"\(parts[1])\""), "\(link)")
        }
        let ids = HTMLInspection.matches(#"<id>([^<]+)</id>"#, in: feed).map { $0[0] }
        #expect(Set(ids).count == ids.count)
        #expect(try page("actors/trump/index.html").contains(#"<link rel="alternate" type="application/atom+xml" title="Donald Trump" href="/actors/trump/feed.xml">"#))
    }

    @Test("every page names the theme's icon, so browsers do not ask for a /favicon.ico the site lacks")
    func icon() throws {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: Self.site.path("Output").path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            #expect(try page(path).contains(#"<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">"#), "\(path)")
        }
        #expect(try page("assets/favicon.svg").hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test("feeds parse as Atom 1.0 with the required elements")
    func feeds() throws {
        for path in ["feed.xml", "points/territory-and-donbas/feed.xml", "points/peace-framework/feed.xml", "actors/trump/feed.xml"] {
            let data = try #require(Self.site.read("Output/" + path)).data(using: .utf8)!
            let document = try XMLDocument(data: data)
            let root = try #require(document.rootElement())
            #expect(root.name == "feed")
            #expect(root.uri == "http://www.w3.org/2005/Atom")
            // Entry content keeps the site's root-relative links; xml:base lets a reader resolve them.
            #expect(root.attribute(forName: "xml:base")?.stringValue == "https://briefing.example.org/")
            for name in ["id", "title", "updated", "author"] {
                #expect(!root.elements(forName: name).isEmpty, "\(path) has <\(name)>")
            }
            let entries = root.elements(forName: "entry")
            #expect(!entries.isEmpty)
            for entry in entries {
                for name in ["id", "title", "updated", "link"] {
                    #expect(!entry.elements(forName: name).isEmpty, "\(path) entry has <\(name)>")
                }
                // Relative links in an entry's content resolve against its own page.
                if let content = entry.elements(forName: "content").first {
                    let base = content.attribute(forName: "xml:base")?.stringValue ?? ""
                    #expect(base.hasPrefix("https://briefing.example.org/articles/") && entry.xmlString.contains(#"<link rel="alternate" type="text/html" href="\#(base)""#))
                }
                let id = entry.elements(forName: "id").first?.stringValue ?? ""
                #expect(id.hasPrefix("https://briefing.example.org/"))
                let updated = entry.elements(forName: "updated").first?.stringValue ?? ""
                #expect(updated.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#, options: .regularExpression) != nil)
            }
        }
        // The site feed's entries carry the articles' bodies without their ids, which would repeat across entries.
        let siteFeed = try #require(Self.site.read("Output/feed.xml"))
        #expect(siteFeed.contains("&lt;p&gt;") && !siteFeed.contains(" id=&quot;"))
        #expect(PagePlanner.withoutIDs(#"<h2 id="a-b">A &quot;id=&quot;</h2>\#n<p id="a-b-p1">x <a href="/y/#z" title="t">y</a></p>"#)
            == #"<h2>A &quot;id=&quot;</h2>\#n<p>x <a href="/y/#z" title="t">y</a></p>"#)
        // Non-ASCII text around the ids, a body with none, and thousands of blocks (once quadratic).
        #expect(PagePlanner.withoutIDs(#"<p id="київ-p1">Київ «так»</p><p id="é">é</p>"#) == "<p>Київ «так»</p><p>é</p>")
        #expect(PagePlanner.withoutIDs("<p>plain</p>") == "<p>plain</p>")
        let many = (1...5000).map { #"<p id="intro-p\#($0)">Paragraph \#($0) of the “talks”.</p>"# }.joined(separator: "\n")
        #expect(PagePlanner.withoutIDs(many) == (1...5000).map { "<p>Paragraph \($0) of the “talks”.</p>" }.joined(separator: "\n"))
        let pointFeed = try #require(Self.site.read("Output/points/peace-framework/feed.xml"))
        #expect(pointFeed.contains("<id>https://briefing.example.org/articles/2025-12-28-trump-putin-call-before-mar-a-lago/#what-is-on-the-table</id>"))
    }
}
