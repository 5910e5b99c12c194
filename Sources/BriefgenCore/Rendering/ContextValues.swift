import Foundation
import Mustache

/// Small context fragments shared by every page: dates, point badges, article cards, quotes.
///
/// Contexts are plain dictionaries: swift-mustache looks keys up in them directly, which is much
/// faster than the reflection it uses for structs, and templates see exactly these names.
struct ContextValues: Sendable {
    let briefing: Briefing
    let routes: Routes
    let assetURLs: [String: String]
    private let pointsBySlug: [String: Point]
    private let actorsBySlug: [String: Actor]

    init(briefing: Briefing, routes: Routes, assetURLs: [String: String]) {
        self.briefing = briefing
        self.routes = routes
        self.assetURLs = assetURLs
        pointsBySlug = Dictionary(uniqueKeysWithValues: briefing.points.map { ($0.slug, $0) })
        actorsBySlug = Dictionary(uniqueKeysWithValues: briefing.actors.map { ($0.slug, $0) })
    }

    func point(_ slug: String) -> Point? { pointsBySlug[slug] }
    func actor(_ slug: String) -> Actor? { actorsBySlug[slug] }

    func date(_ day: Day) -> [String: Any] {
        ["iso": day.iso, "long": day.longForm, "rfc3339": day.rfc3339]
    }

    func status(_ status: String) -> [String: Any] {
        ["name": status, "label": StatusLabel.label(status), "symbol": StatusLabel.symbol(status),
         "class": "status-" + Slug.make(status)]
    }

    func pointReference(_ slug: String) -> [String: Any]? {
        guard let point = pointsBySlug[slug] else { return nil }
        return ["title": point.title, "slug": point.slug, "url": routes.point(point.slug), "status": status(point.status)]
    }

    func actorReference(_ slug: String?) -> [String: Any]? {
        guard let slug, let actor = actorsBySlug[slug] else { return nil }
        var reference: [String: Any] = ["name": actor.name, "slug": actor.slug, "url": routes.actor(actor.slug), "role": actor.role]
        if let side = actor.side { reference["side"] = side }
        return reference
    }

    func articleCard(_ article: AnalysedArticle) -> [String: Any] {
        var card: [String: Any] = [
            "title": article.title, "url": routes.article(article.slug), "date": date(article.date),
            "summary": article.summary, "points": article.points.compactMap(pointReference),
        ]
        if let source = article.article.source { card["source"] = source }
        return card
    }

    func development(_ development: Development) -> [String: Any] {
        var value: [String: Any] = [
            "date": date(development.date), "article_title": development.articleTitle,
            "article_url": routes.article(development.articleSlug),
            "url": routes.article(development.articleSlug) + "#" + development.anchor,
            "excerpt": development.excerpt, "points": development.points.compactMap(pointReference),
        ]
        if let heading = development.sectionHeading { value["heading"] = heading }
        return value
    }

    /// A quote on a briefing or actor page: the words, who said them, when, and the paragraph they come from.
    func quote(_ located: LocatedQuote, date day: Day, articleSlug: String, articleTitle: String) -> [String: Any] {
        var value: [String: Any] = [
            "text": located.quote.text, "date": date(day), "article_title": articleTitle,
            "url": routes.article(articleSlug) + (located.anchor.map { "#" + $0 } ?? ""),
        ]
        if let speaker = located.quote.speaker { value["speaker"] = speaker }
        if let actor = actorReference(located.quote.actor) {
            value["actor"] = actor
            // "Foreign Minister Maria Kovac" as the article wrote it, next to the actor's name, when the
            // article used a form the actor's page does not list.
            if let speaker = located.quote.speaker, let known = located.quote.actor.flatMap({ actorsBySlug[$0] }),
               !known.names.contains(speaker) {
                value["speaker_as_written"] = speaker
            }
        }
        value["side"] = side(of: located.quote)
        return value
    }

    /// The side a quote speaks for: its actor's side, else "Other voices".
    func side(of quote: Quote) -> String {
        quote.actor.flatMap { actorsBySlug[$0]?.side } ?? "Other voices"
    }

    func pagination(_ pagination: Pagination, url: (Int) -> String) -> [String: Any]? {
        guard pagination.pageCount > 1 else { return nil }
        var value: [String: Any] = ["page": pagination.page, "page_count": pagination.pageCount]
        if pagination.page > 1 { value["previous"] = url(pagination.page - 1) }
        if pagination.page < pagination.pageCount { value["next"] = url(pagination.page + 1) }
        value["first"] = url(1)
        value["last"] = url(pagination.pageCount)
        return value
    }

    /// The `{{#asset}}site.css{{/asset}}` helper.
    func assetHelper() -> MustacheLambda {
        let urls = assetURLs
        return MustacheLambda { text in urls[text.trimmingWhitespace] ?? "" }
    }

    /// Keys every page has: `site`, `page`, `asset`.
    func common(kind: Page.Kind, title: String, description: String, urlPath: String) -> [String: Any] {
        let config = briefing.config
        let site: [String: Any] = [
            "title": config.title, "description": config.description, "language": config.language,
            "home": routes.home, "feed": routes.feed, "feed_permalink": routes.absolute(routes.feed),
            "points_url": routes.points, "actors_url": routes.actors, "timeline_url": routes.timeline(),
            "articles_url": routes.articles(), "base_url": config.baseURL,
            "points": briefing.points.compactMap { pointReference($0.slug) },
        ]
        let page: [String: Any] = [
            "title": title, "description": description, "url": urlPath, "permalink": routes.absolute(urlPath),
            "kind": kind.rawValue, "is_" + kind.rawValue.replacingOccurrences(of: "404", with: "not_found"): true,
        ]
        return ["site": site, "page": page, "asset": assetHelper()]
    }
}

