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
    /// Each actor with their reference value, so a quote finds both (and the actor's side) with
    /// one dictionary lookup rather than three.
    private let actorEntries: [String: ActorEntry]
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
            // Shown on most pages of the site: escaped once here.
            points[point.slug] = [
                "title": .escapedOnce(point.title), "slug": .escapedOnce(point.slug), "url": .escapedOnce(routes.point(point.slug)),
                "status": ContextValues.status(point.status, text: TemplateValue.escapedOnce),
            ]
        }
        pointReferences = points
        var actors: [String: ActorEntry] = [:]
        for actor in siteActors {
            actors[actor.slug] = ActorEntry(actor: actor, reference: [
                "name": .escapedOnce(actor.name), "slug": .escapedOnce(actor.slug), "url": .escapedOnce(routes.actor(actor.slug)),
                "role": .escapedOnce(actor.role), "side": .escapedOnce(actor.side),
            ])
        }
        actorEntries = actors
        site = [
            "title": .escapedOnce(config.title), "description": .escapedOnce(config.description),
            "language": .escapedOnce(config.language), "home": .escapedOnce(routes.home), "feed": .escapedOnce(routes.feed),
            "feed_permalink": .escapedOnce(routes.absolute(routes.feed)), "points_url": .escapedOnce(routes.points),
            "actors_url": .escapedOnce(routes.actors), "timeline_url": .escapedOnce(routes.timeline()),
            "articles_url": .escapedOnce(routes.articles()), "base_url": .escapedOnce(config.baseURL),
            "points": .list(sitePoints.compactMap { points[$0.slug] }),
        ]
        let urls = assetURLs
        assetHelper = .lambda { urls[$0.trimmingWhitespace] ?? "" }
        var dates: [Int: TemplateValue] = [:]
        for day in days where dates[day.ordinal] == nil { dates[day.ordinal] = ContextValues.makeDate(day, text: TemplateValue.escapedOnce) }
        self.dates = dates
    }

    func point(_ slug: String) -> Point? { pointsBySlug[slug] }
    func actor(_ slug: String) -> Actor? { actorsBySlug[slug] }

    func date(_ day: Day) -> TemplateValue {
        dates[day.ordinal] ?? ContextValues.makeDate(day)
    }

    /// A day's `date` value; `text` makes its texts (escaped once for the dates made per site,
    /// which many pages show; plain for one made for a single page).
    private static func makeDate(_ day: Day, text: (String) -> TemplateValue = TemplateValue.string) -> TemplateValue {
        var date = TemplateFields(capacity: 3)
        date.append(Key.iso, text(day.iso))
        date.append(Key.long, text(day.longForm))
        date.append(Key.rfc3339, text(day.rfc3339))
        return .object(date)
    }

    /// A status badge; `text` makes its texts, as for dates.
    static func status(_ status: String, text: (String) -> TemplateValue = TemplateValue.string) -> TemplateValue {
        ["name": text(status), "label": text(StatusLabel.label(status)), "symbol": text(StatusLabel.symbol(status)),
         "class": text("status-" + Slug.make(status))]
    }

    func pointReference(_ slug: String) -> TemplateValue? { pointReferences[slug] }
    func actorReference(_ slug: String?) -> TemplateValue? { slug.flatMap { actorEntries[$0]?.reference } }

    /// A class, so a quote takes the entry with one retain rather than copying every field of
    /// the actor out of the dictionary (and destroying the copy).
    private final class ActorEntry: Sendable {
        let actor: Actor
        let reference: TemplateValue

        init(actor: Actor, reference: TemplateValue) {
            self.actor = actor
            self.reference = reference
        }
    }

    func pointReferences(_ slugs: [String]) -> TemplateValue { .list(slugs.compactMap { pointReferences[$0] }) }

    /// The field names of the objects built once per listed item or page, hashed once.
    private enum Key {
        static let iso = TemplateKey("iso"), long = TemplateKey("long"), rfc3339 = TemplateKey("rfc3339")
        static let site = TemplateKey("site"), page = TemplateKey("page"), asset = TemplateKey("asset")
        static let description = TemplateKey("description"), permalink = TemplateKey("permalink")
        static let kind = TemplateKey("kind"), published = TemplateKey("published"), modified = TemplateKey("modified")
        /// `is_article`, `is_points`…, in the order of `Page.Kind.allCases`.
        static let isKind = Page.Kind.allCases.map { TemplateKey("is_" + ($0 == .notFound ? "not_found" : $0.rawValue)) }
        static let title = TemplateKey("title"), url = TemplateKey("url"), date = TemplateKey("date")
        static let summary = TemplateKey("summary"), points = TemplateKey("points"), source = TemplateKey("source")
        static let articleTitle = TemplateKey("article_title"), articleURL = TemplateKey("article_url")
        static let excerpt = TemplateKey("excerpt"), heading = TemplateKey("heading"), text = TemplateKey("text")
        static let speaker = TemplateKey("speaker"), side = TemplateKey("side"), actor = TemplateKey("actor")
        static let speakerAsWritten = TemplateKey("speaker_as_written")
    }

    func articleCard(_ article: ArticleSummary) -> TemplateValue {
        var card = TemplateFields(capacity: 6)
        card.append(Key.title, .string(article.title))
        card.append(Key.url, .string(routes.article(article.slug)))
        card.append(Key.date, date(article.date))
        card.append(Key.summary, .string(article.summary))
        card.append(Key.points, pointReferences(article.points))
        card.append(Key.source, .text(article.source))
        return .object(card)
    }

    func development(_ development: Development) -> TemplateValue {
        self.development(development, articleURL: routes.article(development.articleSlug))
    }

    /// The values of a list of developments, in order. A briefing lists an article's developments
    /// next to each other, so the article's URL is built once for each run of them and shared.
    /// - Parameter shownOn: the point whose briefing lists them: its own tag is left off each
    ///   development there, where it would only link to the page the reader is on.
    func developments(_ list: some Collection<Development>, shownOn point: String? = nil) -> [TemplateValue] {
        var values: [TemplateValue] = []
        values.reserveCapacity(list.count)
        var previous: (slug: String, url: String)?
        for development in list {
            let slug = development.articleSlug
            if previous?.slug != slug { previous = (slug, routes.article(slug)) }
            values.append(self.development(development, articleURL: previous!.url, shownOn: point))
        }
        return values
    }

    private func development(_ development: Development, articleURL: String, shownOn point: String? = nil) -> TemplateValue {
        var value = TemplateFields(capacity: 7)
        value.append(Key.date, date(development.date))
        value.append(Key.articleTitle, .string(development.articleTitle))
        value.append(Key.articleURL, .string(articleURL))
        value.append(Key.url, .string(anchored(articleURL, development.anchor)))
        value.append(Key.excerpt, .string(development.excerpt))
        value.append(Key.points, pointReferences(point.map { own in development.points.filter { $0 != own } } ?? development.points))
        value.append(Key.heading, .text(development.sectionHeading))
        return .object(value)
    }

    /// A quote on a briefing or actor page: the words, who said them, when, and the paragraph they come from.
    func quote(_ located: LocatedQuote, date day: Day, articleSlug: String, articleTitle: String,
               url: String? = nil, points: [String]? = nil) -> TemplateValue {
        quote(located, date: date(day), articleSlug: articleSlug, articleTitle: articleTitle, url: url, points: points)
    }

    /// A quote whose `date` value is already made: an article page's quotes all share the article's.
    func quote(_ located: LocatedQuote, date: TemplateValue, articleSlug: String, articleTitle: String,
               url: String? = nil, points: [String]? = nil) -> TemplateValue {
        let quote = located.quote
        var value = TemplateFields(capacity: 9)
        value.append(Key.text, .string(SmartPunctuation.display(quote.text)))
        value.append(Key.date, date)
        value.append(Key.articleTitle, .string(articleTitle))
        value.append(Key.url, .string(url ?? located.anchor.map { routes.article(articleSlug, anchor: $0) } ?? routes.article(articleSlug)))
        value.append(Key.speaker, .text(quote.speaker))
        let entry = quote.actor.flatMap { actorEntries[$0] }
        // As `side(of:)`, from the entry already found.
        value.append(Key.side, .string(entry?.actor.side ?? ContextValues.otherVoices))
        // Both keys on every quote, null when they do not apply: a missing `actor` was looked up in
        // the page around the quote, and on an actor's page named that actor.
        value.append(Key.actor, entry?.reference ?? .null)
        // "Foreign Minister Maria Kovac" as the article wrote it, next to the actor's name, when the
        // article used a form the actor's page does not list.
        if let entry, let speaker = quote.speaker, !entry.actor.hasName(speaker) {
            value.append(Key.speakerAsWritten, .string(speaker))
        } else {
            value.append(Key.speakerAsWritten, .null)
        }
        if let points { value.append(Key.points, pointReferences(points)) }
        return .object(value)
    }

    /// `url#anchor`, built in one allocation.
    private func anchored(_ url: String, _ anchor: String?) -> String {
        guard let anchor else { return url }
        return .concatenating(url, "#", anchor)
    }

    /// Where quotes and actors without a side are grouped, last, on briefings and on the actors
    /// page alike.
    static let otherVoices = "Other voices"

    /// The side a quote speaks for: its actor's side, else "Other voices".
    func side(of quote: Quote) -> String {
        quote.actor.flatMap { actorsBySlug[$0]?.side } ?? ContextValues.otherVoices
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
                published: String? = nil, modified: String? = nil) -> TemplateFields {
        var page = TemplateFields(capacity: 7 + Key.isKind.count)
        page.append(Key.title, .string(title))
        page.append(Key.description, .string(description))
        page.append(Key.url, .string(urlPath))
        page.append(Key.permalink, .string(routes.absolute(urlPath)))
        page.append(Key.kind, .string(kind.rawValue))
        // Every kind's flag, true for this page's: a partial shared by kinds (`{{#page.is_article}}`)
        // finds the name on every page, and a name no page has is a misspelling (`NameUsage`).
        let own = Page.Kind.allCases.firstIndex(of: kind)!
        for (index, flag) in Key.isKind.enumerated() { page.append(flag, .bool(index == own)) }
        page.append(Key.published, .text(published))
        page.append(Key.modified, .text(modified))
        var common = TemplateFields(capacity: 5)
        common.append(Key.site, site)
        common.append(Key.page, .object(page))
        common.append(Key.asset, assetHelper)
        return common
    }
}
