/// Context fragments shared by every page: dates, point badges, article cards, quotes.
///
/// Built once per site where they do not depend on the page (the `site` value, point badges,
/// actor links), so a page's context is mostly references to values that already exist.
struct ContextValues: Sendable {
    let config: SiteConfig
    let points: [Point]
    let actors: [Actor]
    let routes: Routes
    let assetURLs: [String: String]
    private let pointsBySlug: [String: Point]
    private let actorsBySlug: [String: Actor]
    private let pointReferences: [String: TemplateValue]
    private let actorReferences: [String: TemplateValue]
    /// The `site` value every page has.
    let site: TemplateValue
    private let assetHelper: TemplateValue
    /// The `date` values of the days pages show most, made once: a listing page shows dozens.
    private let dates: [Int: TemplateValue]

    init(config: SiteConfig, points sitePoints: [Point], actors siteActors: [Actor], assetURLs: [String: String],
         days: [Day] = []) {
        self.config = config
        self.points = sitePoints
        self.actors = siteActors
        let routes = Routes(config: config)
        self.routes = routes
        self.assetURLs = assetURLs
        pointsBySlug = Dictionary(uniqueKeysWithValues: sitePoints.map { ($0.slug, $0) })
        actorsBySlug = Dictionary(uniqueKeysWithValues: siteActors.map { ($0.slug, $0) })
        var points: [String: TemplateValue] = [:]
        for point in sitePoints {
            points[point.slug] = [
                "title": .string(point.title), "slug": .string(point.slug), "url": .string(routes.point(point.slug)),
                "status": ContextValues.status(point.status),
            ]
        }
        pointReferences = points
        var actors: [String: TemplateValue] = [:]
        for actor in siteActors {
            actors[actor.slug] = [
                "name": .string(actor.name), "slug": .string(actor.slug), "url": .string(routes.actor(actor.slug)),
                "role": .string(actor.role), "side": .text(actor.side),
            ]
        }
        actorReferences = actors
        site = [
            "title": .string(config.title), "description": .string(config.description), "language": .string(config.language),
            "home": .string(routes.home), "feed": .string(routes.feed), "feed_permalink": .string(routes.absolute(routes.feed)),
            "points_url": .string(routes.points), "actors_url": .string(routes.actors), "timeline_url": .string(routes.timeline()),
            "articles_url": .string(routes.articles()), "base_url": .string(config.baseURL),
            "points": .list(sitePoints.compactMap { points[$0.slug] }),
        ]
        let urls = assetURLs
        assetHelper = .lambda { urls[$0.trimmingWhitespace] ?? "" }
        var dates: [Int: TemplateValue] = [:]
        for day in days where dates[day.ordinal] == nil { dates[day.ordinal] = ContextValues.makeDate(day) }
        self.dates = dates
    }

    func point(_ slug: String) -> Point? { pointsBySlug[slug] }
    func actor(_ slug: String) -> Actor? { actorsBySlug[slug] }

    func date(_ day: Day) -> TemplateValue {
        dates[day.ordinal] ?? ContextValues.makeDate(day)
    }

    private static func makeDate(_ day: Day) -> TemplateValue {
        ["iso": .string(day.iso), "long": .string(day.longForm), "rfc3339": .string(day.rfc3339)]
    }

    static func status(_ status: String) -> TemplateValue {
        ["name": .string(status), "label": .string(StatusLabel.label(status)), "symbol": .string(StatusLabel.symbol(status)),
         "class": .string("status-" + Slug.make(status))]
    }

    func pointReference(_ slug: String) -> TemplateValue? { pointReferences[slug] }
    func actorReference(_ slug: String?) -> TemplateValue? { slug.flatMap { actorReferences[$0] } }

    func pointReferences(_ slugs: [String]) -> TemplateValue { .list(slugs.compactMap { pointReferences[$0] }) }

    func articleCard(_ article: ArticleSummary) -> TemplateValue {
        [
            "title": .string(article.title), "url": .string(routes.article(article.slug)), "date": date(article.date),
            "summary": .string(article.summary), "points": pointReferences(article.points), "source": .text(article.source),
        ]
    }

    func development(_ development: Development) -> TemplateValue {
        let articleURL = routes.article(development.articleSlug)
        let url = anchored(articleURL, development.anchor)
        return [
            "date": date(development.date), "article_title": .string(development.articleTitle),
            "article_url": .string(articleURL),
            "url": .string(url),
            "excerpt": .string(development.excerpt), "points": pointReferences(development.points),
            "heading": .text(development.sectionHeading),
        ]
    }

    /// A quote on a briefing or actor page: the words, who said them, when, and the paragraph they come from.
    func quote(_ located: LocatedQuote, date day: Day, articleSlug: String, articleTitle: String,
               url: String? = nil, points: [String]? = nil) -> TemplateValue {
        var value: TemplateFields = [
            "text": .string(located.quote.text), "date": date(day), "article_title": .string(articleTitle),
            "url": .string(url ?? anchored(routes.article(articleSlug), located.anchor)),
            "speaker": .text(located.quote.speaker), "side": .string(side(of: located.quote)),
        ]
        if let actor = actorReference(located.quote.actor) {
            value["actor"] = actor
            // "Foreign Minister Maria Kovac" as the article wrote it, next to the actor's name, when the
            // article used a form the actor's page does not list.
            if let speaker = located.quote.speaker, let known = located.quote.actor.flatMap({ actorsBySlug[$0] }),
               !known.hasName(speaker) {
                value["speaker_as_written"] = .string(speaker)
            }
        }
        if let points { value["points"] = pointReferences(points) }
        return .object(value)
    }

    /// `url#anchor`, built in one allocation.
    private func anchored(_ url: String, _ anchor: String?) -> String {
        guard let anchor else { return url }
        var result = url
        result.reserveCapacity(url.utf8.count + anchor.utf8.count + 1)
        result += "#"
        result += anchor
        return result
    }

    /// The side a quote speaks for: its actor's side, else "Other voices".
    func side(of quote: Quote) -> String {
        quote.actor.flatMap { actorsBySlug[$0]?.side } ?? "Other voices"
    }

    func pagination(_ pagination: Pagination, url: (Int) -> String) -> TemplateValue {
        guard pagination.pageCount > 1 else { return .null }
        return [
            "page": .int(pagination.page), "page_count": .int(pagination.pageCount),
            "previous": pagination.page > 1 ? .string(url(pagination.page - 1)) : .null,
            "next": pagination.page < pagination.pageCount ? .string(url(pagination.page + 1)) : .null,
            "first": .string(url(1)), "last": .string(url(pagination.pageCount)),
        ]
    }

    /// Keys every page has: `site`, `page`, `asset`.
    func common(kind: Page.Kind, title: String, description: String, urlPath: String,
                published: String? = nil) -> TemplateFields {
        let page: TemplateValue = [
            "title": .string(title), "description": .string(description), "url": .string(urlPath),
            "permalink": .string(routes.absolute(urlPath)), "kind": .string(kind.rawValue),
            "is_" + (kind == .notFound ? "not_found" : kind.rawValue): .bool(true), "published": .text(published),
        ]
        return ["site": site, "page": page, "asset": assetHelper]
    }
}
