/// Lists every page of the site with its template and how to build its context.
///
/// Like Zola's `render_*` steps, one function per kind of page. The planner decides *what* is on
/// a page; the templates decide how it looks.
public struct PagePlanner: Sendable {
    public let briefing: Briefing
    public let routes: Routes
    let values: ContextValues
    /// A point's overview and an actor's notes, each clear of its own page's ids.
    let pointRenderer: MarkdownRenderer
    let actorRenderer: MarkdownRenderer
    /// Entries per page for long lists (developments, articles, timeline, statements).
    public let perPage: Int
    /// Entries in feeds.
    public let feedSize: Int
    /// Most URLs in one sitemap file; a larger site gets a sitemap index and numbered parts.
    /// The protocol allows 50,000 (sitemaps.org); Zola splits the same way.
    public let sitemapLimit: Int
    /// Hash of what every page depends on: theme, settings, points, actors, assets.
    public let renderInputs: ContentHash

    /// The HTML of an article's body, for the site feed's full-content entries.
    let body: @Sendable (ArticleSummary) -> String

    /// - Parameter reservedIDs: by template (`point`, `actor`), the ids its page already has,
    ///   which ids made from a point's overview or an actor's notes must avoid.
    public init(briefing: Briefing, assetURLs: [String: String], perPage: Int = 20, feedSize: Int = 20, sitemapLimit: Int = 50_000,
                renderInputs: ContentHash = ContentHash(), reservedIDs: [String: Set<String>] = [:],
                body: @escaping @Sendable (ArticleSummary) -> String = { _ in "" }) {
        self.sitemapLimit = max(1, sitemapLimit)
        self.renderInputs = renderInputs
        self.briefing = briefing
        routes = Routes(config: briefing.config)
        values = ContextValues(config: briefing.config, points: briefing.points, actors: briefing.actors, assetURLs: assetURLs,
                               days: briefing.articles.map(\.date))
        pointRenderer = MarkdownRenderer(basePath: briefing.config.basePath, reservedIDs: reservedIDs["point"] ?? [])
        actorRenderer = MarkdownRenderer(basePath: briefing.config.basePath, reservedIDs: reservedIDs["actor"] ?? [])
        self.perPage = perPage
        self.feedSize = feedSize
        self.body = body
    }

    /// Every page but the articles' own, which `ArticlePages` renders as articles are analysed.
    public func pages() -> [Page] {
        var pages: [Page] = [home(), pointsIndex(), actorsIndex(), notFound(), robots()]
        pages += articlesIndex()
        for point in briefing.points { pages += pointPages(point) }
        pages += briefing.points.map(pointFeed)
        for actor in briefing.actors { pages += actorPages(actor) }
        pages += briefing.actors.map(actorFeed)
        pages += timeline()
        pages.append(siteFeed())
        pages += sitemaps(listing: pages)
        return pages
    }

    /// A page; `inputs` adds what it shows beyond the site-wide inputs (its articles, developments).
    private func page(_ kind: Page.Kind, _ urlPath: String, template: String? = nil, lastModified: Day?,
                      inSitemap: Bool = true, inputs: (inout ContentHash) -> Void = { _ in },
                      _ context: @escaping @Sendable () -> TemplateValue) -> Page {
        var fingerprint = renderInputs
        fingerprint.update(kind.rawValue)
        fingerprint.update(urlPath)
        fingerprint.update(lastModified?.ordinal ?? Int.min)
        inputs(&fingerprint)
        return Page(kind: kind, urlPath: urlPath, outputPath: routes.outputPath(for: urlPath), template: template ?? kind.rawValue,
                    lastModified: lastModified, inSitemap: inSitemap, fingerprint: fingerprint, context: context)
    }

    // MARK: Home

    func home() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.home, routes.home, lastModified: briefing.newestChange, inputs: { hash in
            for point in briefing.points {
                hash.include(briefing.developmentsByPoint[point.slug]?.first)
                hash.update(briefing.updated(point)?.iso ?? "-")
            }
            for article in briefing.articles.prefix(briefing.config.latestCount) { hash.include(article) }
            for development in briefing.whatChanged { hash.include(development) }
        }) {
            var context = values.common(kind: .home, title: briefing.config.title,
                                        description: briefing.config.description, urlPath: values.routes.home)
            context["points"] = .list(briefing.points.map { point in
                (values.pointReference(point.slug) ?? .null).adding([
                    "summary": .string(point.summary),
                    "updated": briefing.updated(point).map(values.date) ?? .null,
                    "latest_development": briefing.developmentsByPoint[point.slug]?.first.map(values.development) ?? .null,
                ])
            })
            context["json_ld"] = .string(StructuredData.website(briefing, routes: values.routes))
            context["latest_articles"] = .list(briefing.articles.prefix(briefing.config.latestCount).map(values.articleCard))
            context["what_changed"] = .list(values.developments(briefing.whatChanged))
            if let newest = briefing.newestDate {
                context["what_changed_from"] = values.date(newest.adding(days: -(max(briefing.config.whatChangedDays, 1) - 1)))
                context["what_changed_to"] = values.date(newest)
            }
            return .object(context)
        }
    }

    // MARK: Articles

    func articlesIndex() -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        return Parallel.map(Pagination.pages(count: briefing.articles.count, perPage: perPage * 2)) { pagination in
            let urlPath = routes.articles(page: pagination.page)
            // The newest change among the articles listed: a corrected summary changes the page.
            return page(.articles, urlPath, lastModified: briefing.articles[pagination.range].lazy.map(\.lastModified).max(),
                        inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                for article in briefing.articles[pagination.range] { hash.include(article) }
            }) {
                let title = pagination.page == 1 ? "All articles" : "All articles, page \(pagination.page)"
                var context = values.common(kind: .articles, title: title,
                                            description: "Every article in \(briefing.config.title), newest first.", urlPath: urlPath)
                context["articles"] = .list(briefing.articles[pagination.range].map(values.articleCard))
                context["pagination"] = values.pagination(pagination, url: { routes.articles(page: $0) })
                return .object(context)
            }
        }
    }

    // MARK: Points

    func pointsIndex() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.points, routes.points, lastModified: briefing.newestChange, inputs: { hash in
            for point in briefing.points {
                hash.update(briefing.developmentsByPoint[point.slug]?.count ?? 0)
                hash.update(briefing.updated(point)?.iso ?? "-")
            }
        }) {
            var context = values.common(kind: .points, title: "Sticking points",
                                        description: "Where each sticking point in the talks stands.", urlPath: values.routes.points)
            context["points"] = .list(briefing.points.map { point in
                (values.pointReference(point.slug) ?? .null).adding([
                    "summary": .string(point.summary),
                    "development_count": .int(briefing.developmentsByPoint[point.slug]?.count ?? 0),
                    "development_count_label": .string(PagePlanner.counted(briefing.developmentsByPoint[point.slug]?.count ?? 0, "development")),
                    "updated": briefing.updated(point).map(values.date) ?? .null,
                ])
            })
            return .object(context)
        }
    }

    func pointPages(_ point: Point) -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes, perPage = self.perPage
        let developments = briefing.developmentsByPoint[point.slug] ?? []
        let overviewHTML = pointRenderer.render(point.overview, firstLine: point.overviewFirstLine).html
        return Parallel.map(Pagination.pages(count: developments.count, perPage: perPage)) { pagination in
            let urlPath = routes.point(point.slug, page: pagination.page)
            return page(.point, urlPath, lastModified: briefing.updated(point), inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                hash.update(developments.count)
                for development in developments[pagination.range] { hash.include(development) }
                if pagination.page == 1 {
                    // Related articles draw on the newest developments: as many as it takes to
                    // find ten articles, which can be more than a page holds.
                    for development in developments.prefix(PagePlanner.developmentsNamingRelatedArticles(developments)) {
                        hash.include(development)
                    }
                    for point in briefing.points { hash.update(point.slug) }
                    // The status changes shown, which --now can add to without a file changing.
                    hash.update(point.history.count)
                }
            }) {
                let title = pagination.page == 1 ? point.title : "\(point.title), page \(pagination.page)"
                var context = values.common(kind: .point, title: title, description: point.summary, urlPath: urlPath)
                context["point"] = (values.pointReference(point.slug) ?? .null).adding([
                    "summary": .string(point.summary), "overview": .string(overviewHTML), "feed": .string(routes.pointFeed(point.slug)),
                    "development_count": .int(developments.count), "development_count_label": .string(PagePlanner.counted(developments.count, "development")),
                    "updated": briefing.updated(point).map(values.date) ?? .null,
                    "history": .list(point.history.map { change in
                        ["date": values.date(change.date), "status": ContextValues.status(change.status), "note": .string(change.note)]
                    }),
                ])
                context["developments"] = .list(values.developments(developments[pagination.range], shownOn: point.slug))
                context["pagination"] = values.pagination(pagination, url: { routes.point(point.slug, page: $0) })
                // "Who said what" on every page: the quotes of the developments it lists, so that
                // every quote on the point is on its briefing (a cap of 40 on the first page left
                // most of them out, without a word, once a point had a history).
                context["sides"] = .list(PagePlanner.sides(of: developments[pagination.range], values: values))
                if pagination.page == 1 {
                    context["related"] = .list(PagePlanner.relatedArticles(developments, briefing: briefing).map(values.articleCard))
                    context["other_points"] = values.pointReferences(briefing.points.filter { $0.slug != point.slug }.map(\.slug))
                }
                return .object(context)
            }
        }
    }

    /// How many of the newest developments the first page of a briefing draws its related
    /// articles from.
    static func developmentsNamingRelatedArticles(_ developments: [Development], articleLimit: Int = 10) -> Int {
        var seen = Set<String>()
        for (index, development) in developments.enumerated() where seen.insert(development.articleSlug).inserted {
            if seen.count >= articleLimit { return index + 1 }
        }
        return developments.count
    }

    /// "Who said what": the quotes of some developments, newest first, grouped by the speakers' side.
    static func sides(of developments: some Collection<Development>, values: ContextValues) -> [TemplateValue] {
        var order: [String] = []
        var groups: [String: [TemplateValue]] = [:]
        for development in developments {
            for located in development.quotes {
                let side = values.side(of: located.quote)
                if groups[side] == nil { order.append(side) }
                groups[side, default: []].append(values.quote(located, date: development.date,
                                                              articleSlug: development.articleSlug,
                                                              articleTitle: development.articleTitle))
            }
        }
        order.sort { PagePlanner.sidesOrder($0, $1) }
        return order.map { ["name": .string($0), "quotes": .list(groups[$0]!)] }
    }

    /// The distinct articles behind a point's developments, newest first.
    static func relatedArticles(_ developments: [Development], briefing: Briefing, limit: Int = 10) -> [ArticleSummary] {
        var seen = Set<String>()
        var slugs: [String] = []
        for development in developments where seen.insert(development.articleSlug).inserted {
            slugs.append(development.articleSlug)
            if slugs.count >= limit { break }
        }
        return slugs.compactMap { briefing.article($0) }
    }

    func pointFeed(_ point: Point) -> Page {
        let briefing = self.briefing, values = self.values, routes = self.routes, feedSize = self.feedSize
        let developments = Array((briefing.developmentsByPoint[point.slug] ?? []).prefix(feedSize))
        let urlPath = routes.pointFeed(point.slug)
        // A corrected article makes the feed newer than its newest article.
        let newest = developments.map(\.lastModified).max()
        return page(.feed, urlPath, template: "feed.xml", lastModified: newest, inSitemap: false, inputs: { hash in
            for development in developments { hash.include(development) }
            hash.update(briefing.newestDate?.iso ?? "-")
        }) {
            var context = values.common(kind: .feed, title: "\(point.title): \(briefing.config.title)",
                                        description: point.summary, urlPath: urlPath)
            context["feed"] = [
                "title": .string("\(point.title): \(briefing.config.title)"), "id": .string(routes.identifier(routes.point(point.slug))),
                "self": .string(routes.absolute(urlPath)), "alternate": .string(routes.absolute(routes.point(point.slug))),
                "updated": .string((newest ?? briefing.newestDate ?? Day(ordinal: 0)).rfc3339),
                "subtitle": .string(point.summary),
                "entries": .list(developments.map { development in
                    let link = routes.article(development.articleSlug) + "#" + development.anchor
                    let title = development.sectionHeading.map { "\(development.articleTitle): \($0)" } ?? development.articleTitle
                    return ["title": .string(title), "link": .string(routes.absolute(link)), "id": .string(routes.identifier(link)),
                            "published": .string(development.date.rfc3339), "updated": .string(development.lastModified.rfc3339),
                            "summary": .string(development.excerpt)]
                }),
            ]
            return .object(context)
        }
    }

    // MARK: Actors

    func actorsIndex() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.actors, routes.actors, lastModified: briefing.newestDate, inputs: { hash in
            for actor in briefing.actors { hash.update(briefing.statementsByActor[actor.slug]?.count ?? 0) }
        }) {
            var context = values.common(kind: .actors, title: "Who said what",
                                        description: "The parties and people in the talks and what they said.", urlPath: values.routes.actors)
            var sides: [String: [TemplateValue]] = [:]
            for actor in briefing.actors {
                let entry = (values.actorReference(actor.slug) ?? .null).adding([
                    "statement_count": .int(briefing.statementsByActor[actor.slug]?.count ?? 0),
                    "statement_count_label": .string(PagePlanner.counted(briefing.statementsByActor[actor.slug]?.count ?? 0, "quote")),
                ])
                sides[actor.side ?? ContextValues.otherVoices, default: []].append(entry)
            }
            context["sides"] = .list(sides.keys.sorted(by: PagePlanner.sidesOrder).map {
                ["name": .string($0), "actors": .list(sides[$0]!)]
            })
            return .object(context)
        }
    }

    func actorPages(_ actor: Actor) -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        let statements = briefing.statementsByActor[actor.slug] ?? []
        let bioHTML = actorRenderer.render(actor.bio, firstLine: actor.bioFirstLine).html
        // The newest articles that name the actor, quoted or not: a page with no quote yet still
        // leads somewhere (as a Hugo term page lists its pages).
        let mentioning = Array(briefing.articles.lazy.filter { $0.actors.contains(actor.slug) }.prefix(briefing.config.latestCount))
        return Parallel.map(Pagination.pages(count: statements.count, perPage: perPage * 2)) { pagination in
            let urlPath = routes.actor(actor.slug, page: pagination.page)
            // The first page changes with the articles it lists as well as with the quotes.
            let lastModified = pagination.page == 1 ? [statements.first?.date, mentioning.first?.date].compactMap { $0 }.max() : statements.first?.date
            return page(.actor, urlPath, lastModified: lastModified, inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                hash.update(statements.count)
                for statement in statements[pagination.range] {
                    hash.update(statement.articleSlug)
                    hash.update(statement.articleHash)
                    hash.update(statement.quoteIndex)
                }
                if pagination.page == 1 {
                    hash.update(mentioning.count)
                    for article in mentioning { hash.include(article) }
                }
            }) {
                let title = pagination.page == 1 ? actor.name : "\(actor.name), page \(pagination.page)"
                // Named, since a search result or a shared link shows the description alone: the
                // role by itself ("Delegate") named no one and was the same on many pages.
                var role = actor.role.trimmingWhitespace
                // "Envoy." would read "…, Envoy., said"; an abbreviation's stop ("Ltd.") goes too.
                while role.hasSuffix(".") { role.removeLast() }
                let description = role.isEmpty ? "What \(actor.name) said in the talks." : "What \(actor.name), \(role), said in the talks."
                var context = values.common(kind: .actor, title: title, description: description, urlPath: urlPath)
                context["actor"] = (values.actorReference(actor.slug) ?? .null).adding([
                    "bio": .string(bioHTML), "aliases": .list(actor.aliases.map(TemplateValue.string)), "feed": .string(routes.actorFeed(actor.slug)),
                    "statement_count": .int(statements.count), "statement_count_label": .string(PagePlanner.counted(statements.count, "quote")),
                ])
                context["statements"] = .list(statements[pagination.range].map { statement in
                    values.quote(statement.quote, date: statement.date, articleSlug: statement.articleSlug,
                                 articleTitle: statement.articleTitle, points: statement.points)
                })
                context["pagination"] = values.pagination(pagination, url: { routes.actor(actor.slug, page: $0) })
                context["related"] = .list(pagination.page == 1 ? mentioning.map(values.articleCard) : [])
                return .object(context)
            }
        }
    }

    /// An actor's Atom feed: their newest quotes, each linked to the paragraph it comes from, as
    /// Hugo gives every taxonomy term a feed. A newsroom can follow one negotiator.
    func actorFeed(_ actor: Actor) -> Page {
        let briefing = self.briefing, values = self.values, routes = self.routes
        let statements = Array((briefing.statementsByActor[actor.slug] ?? []).prefix(feedSize))
        let urlPath = routes.actorFeed(actor.slug)
        let newest = statements.map(\.lastModified).max()
        let title = "\(actor.name): \(briefing.config.title)", description = "What \(actor.name) said in the talks."
        return page(.feed, urlPath, template: "feed.xml", lastModified: newest, inSitemap: false, inputs: { hash in
            for statement in statements {
                hash.update(statement.articleSlug)
                hash.update(statement.articleHash)
                hash.update(statement.quoteIndex)
            }
            hash.update(briefing.newestDate?.iso ?? "-")
        }) {
            var context = values.common(kind: .feed, title: title, description: description, urlPath: urlPath)
            context["feed"] = [
                "title": .string(title), "id": .string(routes.identifier(routes.actor(actor.slug))),
                "self": .string(routes.absolute(urlPath)), "alternate": .string(routes.absolute(routes.actor(actor.slug))),
                "updated": .string((newest ?? briefing.newestDate ?? Day(ordinal: 0)).rfc3339),
                "subtitle": .string(description),
                "entries": .list(statements.map { statement in
                    let located = statement.quote
                    let link = located.anchor.map { routes.article(statement.articleSlug, anchor: $0) } ?? routes.article(statement.articleSlug)
                    // Two quotes can share a paragraph: the quote's place in its article tells them apart.
                    let id = routes.identifier(routes.article(statement.articleSlug)) + "#quote-\(statement.quoteIndex + 1)"
                    return ["title": .string(SmartPunctuation.display(located.quote.text)), "link": .string(routes.absolute(link)),
                            "id": .string(id), "published": .string(statement.date.rfc3339), "updated": .string(statement.lastModified.rfc3339),
                            "summary": .string("\(located.quote.speaker ?? actor.name), in “\(statement.articleTitle)”")]
                }),
            ]
            return .object(context)
        }
    }

    // MARK: Timeline, feeds, sitemap

    func timeline() -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        let developments = briefing.developments
        return Parallel.map(Pagination.pages(count: developments.count, perPage: perPage * 2)) { pagination in
            let urlPath = routes.timeline(page: pagination.page)
            return page(.timeline, urlPath, lastModified: developments[safe: pagination.range.lowerBound]?.date,
                        inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                for development in developments[pagination.range] { hash.include(development) }
            }) {
                let title = pagination.page == 1 ? "Timeline" : "Timeline, page \(pagination.page)"
                var context = values.common(kind: .timeline, title: title,
                                            description: "Every development in the talks, day by day.", urlPath: urlPath)
                var days: [(Day, [TemplateValue])] = []
                let listed = developments[pagination.range]
                for (development, value) in zip(listed, values.developments(listed)) {
                    if days.last?.0 == development.date {
                        days[days.count - 1].1.append(value)
                    } else {
                        days.append((development.date, [value]))
                    }
                }
                // Under a day's heading its developments leave out the date the heading gives.
                context["days"] = .list(days.map { ["date": values.date($0.0), "developments": .list($0.1), "under_day_heading": .bool(true)] })
                context["pagination"] = values.pagination(pagination, url: { routes.timeline(page: $0) })
                return .object(context)
            }
        }
    }

    func siteFeed() -> Page {
        let briefing = self.briefing, values = self.values, routes = self.routes, feedSize = self.feedSize, body = self.body
        let articles = Array(briefing.articles.prefix(feedSize))
        let newest = articles.map(\.lastModified).max()
        return page(.feed, routes.feed, template: "feed.xml", lastModified: newest, inSitemap: false, inputs: { hash in
            for article in articles { hash.include(article) }
        }) {
            var context = values.common(kind: .feed, title: briefing.config.title, description: briefing.config.description,
                                        urlPath: routes.feed)
            context["feed"] = [
                "title": .string(briefing.config.title), "id": .string(routes.identifier(routes.home)),
                "self": .string(routes.absolute(routes.feed)), "alternate": .string(routes.absolute(routes.home)),
                "subtitle": .string(briefing.config.description),
                "updated": .string((newest ?? Day(ordinal: 0)).rfc3339),
                "entries": .list(articles.map { article in
                    let link = routes.article(article.slug)
                    return ["title": .string(article.title), "link": .string(routes.absolute(link)), "id": .string(routes.identifier(link)),
                            "published": .string(article.date.rfc3339), "updated": .string(article.lastModified.rfc3339),
                            "summary": .string(article.summary),
                            "content": .string(PagePlanner.withoutIDs(body(article)))]
                }),
            ]
            return .object(context)
        }
    }

    func notFound() -> Page {
        let values = self.values
        return page(.notFound, routes.notFound, lastModified: nil, inSitemap: false) {
            .object(values.common(kind: .notFound, title: "Page not found", description: "This page does not exist.",
                                  urlPath: values.routes.notFound))
        }
    }

    func robots() -> Page {
        let values = self.values, routes = self.routes
        return page(.robots, routes.robots, template: "robots.txt", lastModified: nil, inSitemap: false) {
            var context = values.common(kind: .robots, title: "robots.txt", description: "", urlPath: routes.robots)
            context["sitemap"] = .string(routes.absolute(routes.sitemap))
            return .object(context)
        }
    }

    /// `sitemap.xml` listing every page; past `sitemapLimit` URLs, numbered parts and an index.
    func sitemaps(listing pages: [Page]) -> [Page] {
        let routes = self.routes
        var listed = pages.filter(\.inSitemap).map { page -> (String, String?) in
            (Routes.uri(routes.absolute(page.urlPath)), page.lastModified?.iso)
        }
        // Article pages come after the home page and the indexes, in the articles' order.
        let articles = briefing.articles.map { (Routes.uri(routes.absolute(routes.article($0.slug))), Optional($0.lastModified.iso)) }
        listed.insert(contentsOf: articles, at: min(3, listed.count))
        guard listed.count > sitemapLimit else { return [sitemap(listed, urlPath: routes.sitemap)] }
        let parts = stride(from: 0, to: listed.count, by: sitemapLimit).map { Array(listed[$0..<min($0 + sitemapLimit, listed.count)]) }
        var result = parts.enumerated().map { sitemap($1, urlPath: routes.sitemapPart($0 + 1)) }
        // The index gives each part the newest date of the pages in it.
        let index = parts.enumerated().map { number, part in
            (routes.absolute(routes.sitemapPart(number + 1)), part.compactMap(\.1).max())
        }
        result.append(page(.sitemap, routes.sitemap, template: "sitemap-index.xml", lastModified: nil, inSitemap: false, inputs: { hash in
            for (location, lastModified) in index {
                hash.update(location)
                hash.update(lastModified ?? "-")
            }
        }) { [values] in
            var context = values.common(kind: .sitemap, title: "Sitemap index", description: "", urlPath: routes.sitemap)
            context["sitemaps"] = .list(index.map { ["location": .string($0.0), "lastmod": .text($0.1)] })
            return .object(context)
        })
        return result
    }

    private func sitemap(_ entries: [(String, String?)], urlPath: String) -> Page {
        let values = self.values
        return page(.sitemap, urlPath, template: "sitemap.xml", lastModified: nil, inSitemap: false, inputs: { hash in
            for (location, lastModified) in entries {
                hash.update(location)
                hash.update(lastModified ?? "-")
            }
        }) {
            var context = values.common(kind: .sitemap, title: "Sitemap", description: "", urlPath: urlPath)
            context["entries"] = .list(entries.map { ["location": .string($0.0), "lastmod": .text($0.1)] })
            return .object(context)
        }
    }
}

extension TemplateValue {
    /// An object with more fields (a point badge with its summary, say).
    func adding(_ fields: TemplateFields) -> TemplateValue {
        guard case .object(var existing) = self else { return .object(fields) }
        for (key, value) in fields { existing[key] = value }
        return .object(existing)
    }
}

extension ContentHash {
    mutating func include(_ article: ArticleSummary) {
        update(article.slug)
        update(article.identity)
    }

    mutating func include(_ development: Development?) {
        guard let development else { update("-"); return }
        update(development.articleSlug)
        update(development.articleHash)
        update(development.sectionIndex)
    }

    mutating func include(_ pagination: Pagination) {
        update(pagination.page)
        update(pagination.pageCount)
    }
}

extension PagePlanner {
    /// An article body for a feed entry, without its blocks' ids: a reader that shows several
    /// entries on one page would see `intro-p1` once per entry. Links to them still work, as the
    /// entry's `xml:base` is the article's page. cmark's safe output writes `"` in text as `&quot;`
    /// and has no raw HTML, so ` id="` only ever starts an attribute briefgen put there.
    ///
    /// On the bytes: Foundation's `range(of:)` measured the whole body in UTF-16 again for every
    /// id, and an article of 5,000 paragraphs took seconds.
    static func withoutIDs(_ html: String) -> String {
        var text = html
        return text.withUTF8 { bytes -> String? in
            let marker = Array(" id=\"".utf8)
            var pieces: [Range<Int>] = []
            var position = 0
            while let start = marker.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: $0, in: bytes, from: position) }) {
                guard let end = bytes[(start + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                pieces.append(position..<start)
                position = end + 1
            }
            if pieces.isEmpty { return nil }
            pieces.append(position..<bytes.count)
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            for piece in pieces { result.append(contentsOf: bytes[piece]) }
            return String(decoding: result, as: UTF8.self)
        } ?? html
    }

    /// Named sides alphabetically, "Other voices" last.
    static func sidesOrder(_ a: String, _ b: String) -> Bool {
        (a == ContextValues.otherVoices ? 1 : 0, a) < (b == ContextValues.otherVoices ? 1 : 0, b)
    }

    /// "No quotes yet", "1 quote", "3 quotes": counts as a theme shows them, where Mustache cannot
    /// choose a plural ("3 quote(s)" looked unfinished).
    static func counted(_ count: Int, _ noun: String) -> String {
        switch count {
        case 0: return "No \(noun)s yet"
        case 1: return "1 \(noun)"
        default: return "\(count) \(noun)s"
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
