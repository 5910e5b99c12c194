import Testing
@testable import BriefgenCore

/// The shortcuts article pages take when building their contexts give what the long way gives.
@Suite("Article page values")
struct ArticlePageValuesTests {
    static let analysed: [AnalysedArticle] = {
        let site = try! ContentLoader(directory: TestPaths.content).load()
        let analyzer = ArticleAnalyzer(points: site.points, actors: site.actors, basePath: "")
        // And one corrected after its date, for the values only a correction has.
        var corrected = site.articles[0]
        corrected.slug += "-corrected"
        corrected.updated = corrected.date.adding(days: 2)
        return (site.articles + [corrected]).map(analyzer.analyse)
    }()

    /// `NewsArticle` JSON-LD written field by field, every part for every article: what
    /// `StructuredData.newsArticle` wrote before the site's parts were written once.
    static func newsArticleLongWay(_ article: AnalysedArticle, values: ContextValues) -> String {
        let routes = values.routes
        let url = routes.absolute(routes.article(article.slug))
        var json = JSONWriter()
        json.openObject()
        json.member("@context", "https://schema.org")
        json.member("@type", "NewsArticle")
        json.member("headline", article.title)
        json.member("datePublished", article.date.iso)
        json.member("dateModified", (article.article.updated ?? article.date).iso)
        json.member("url", url)
        json.member("mainEntityOfPage", url)
        json.member("inLanguage", values.config.language)
        json.member("description", article.summary)
        json.key("publisher")
        json.openObject()
        json.member("@type", "Organization")
        json.member("name", values.config.title)
        json.member("url", routes.absolute(routes.home))
        json.closeObject()
        let sections = article.points.compactMap { values.point($0)?.title }
        if !sections.isEmpty {
            json.key("articleSection")
            json.openArray()
            for section in sections { json.string(section, forScript: true) }
            json.closeArray()
        }
        let people = article.actors.compactMap { values.actor($0) }
        if !people.isEmpty {
            json.key("mentions")
            json.openArray()
            for actor in people {
                json.openObject()
                json.member("@type", actor.kind == .person ? "Person" : "Organization")
                json.member("name", actor.name)
                json.member("url", routes.absolute(routes.actor(actor.slug)))
                json.closeObject()
            }
            json.closeArray()
        }
        if let original = article.article.url, WebAddress.isValid(original) {
            json.member("isBasedOn", original)
        }
        json.closeObject()
        return json.text
    }

    @Test("JSON-LD from the site's parts written once equals JSON-LD written in full")
    func newsArticleParts() {
        let briefing = ListingPageValuesTests.briefing, values = ListingPageValuesTests.values(briefing)
        let parts = StructuredData.SiteParts(values: values)
        var articles = Self.analysed
        #expect(articles.contains { !$0.points.isEmpty } && articles.contains { !$0.actors.isEmpty })
        // Odd cases the sample site lacks: escaping, unknown and repeated references, no references, links.
        if var odd = articles.first {
            odd.article.title = "</script> \"quoted\" \u{2028} & Київ"
            odd.summary = "line\nbreak\ttab \u{01}"
            odd.points = ["no-such-point"] + odd.points + odd.points.prefix(1)
            odd.actors = odd.actors + ["nobody"] + odd.actors.prefix(1)
            odd.article.url = "https://example.org/a?b=<c>&d"
            articles.append(odd)
            odd.points = []
            odd.actors = []
            odd.article.url = "javascript:alert(1)"
            articles.append(odd)
        }
        for article in articles {
            #expect(StructuredData.newsArticle(article, routes: values.routes, parts: parts)
                == Self.newsArticleLongWay(article, values: values), "\(article.slug)")
        }
    }

    /// An article page's context written as literals, each value made where it is used: what
    /// `ArticlePages.context` built before its names were hashed once and its date made once.
    static func contextLongWay(_ article: AnalysedArticle, pages: ArticlePages) -> TemplateValue {
        let values = pages.values, routes = values.routes
        let urlPath = routes.article(article.slug)
        var pageFields: TemplateFields = [
            "title": .string(article.title), "description": .string(article.summary), "url": .string(urlPath),
            "permalink": .string(routes.absolute(urlPath)), "kind": .string("article"),
        ]
        // Every kind's flag, true for articles only.
        for kind in Page.Kind.allCases { pageFields["is_" + (kind == .notFound ? "not_found" : kind.rawValue)] = .bool(kind == .article) }
        pageFields["published"] = .string(article.date.iso)
        pageFields["modified"] = .text(article.article.updated?.iso)
        let page = TemplateValue.object(pageFields)
        var context: TemplateFields = ["site": values.site, "page": page, "asset": .lambda { _ in "" }]
        let headed = article.sections.filter { $0.heading != nil }
        context["article"] = [
            "title": .string(article.title), "date": values.date(article.date),
            "updated": article.article.updated.map(values.date) ?? .null, "summary": .string(article.summary),
            "body": .string(article.body.html), "points": values.pointReferences(article.points),
            "actors": .list(article.actors.compactMap(values.actorReference)),
            "quotes": .list(article.quotes.map { located in
                values.quote(located, date: article.date, articleSlug: article.slug, articleTitle: article.title,
                             url: "#" + (located.anchor ?? article.sections[safe: located.sectionIndex]?.anchor ?? "main"))
            }),
            "sections": .list(headed.map { section in
                ["heading": .text(section.heading), "anchor": .string(section.anchor), "points": values.pointReferences(section.points)]
            }),
            "source": .text(article.article.source),
            "original_url": article.article.url.flatMap { WebAddress.isValid($0) ? TemplateValue.string($0) : nil } ?? .null,
            "toc": .bool(headed.count >= 3),
        ]
        context["json_ld"] = .string(newsArticleLongWay(article, values: values))
        return .object(context)
    }

    @Test("an article page's context built with names hashed once equals the context written as literals")
    func articleContext() {
        let briefing = ListingPageValuesTests.briefing
        let pages = ArticlePages(config: briefing.config, points: briefing.points, actors: briefing.actors, assetURLs: [:],
                                 renderInputs: ContentHash())
        #expect(Self.analysed.contains { !$0.quotes.isEmpty } && Self.analysed.contains { $0.sections.filter { $0.heading != nil }.count >= 3 })
        for article in Self.analysed {
            #expect(ListingPageValuesTests.dump(pages.context(article)) == ListingPageValuesTests.dump(Self.contextLongWay(article, pages: pages)),
                    "\(article.slug)")
        }
    }
}
