/// Lists every page of the site with its template and how to build its context.
///
/// Like Zola's `render_*` steps, one function per kind of page. The planner decides *what* is on
/// a page; the templates decide how it looks.
public struct PagePlanner: Sendable {
    public let briefing: Briefing
    public let routes: Routes
    let values: ContextValues
    let renderer: MarkdownRenderer
    /// Entries per page for long lists (developments, articles, timeline, statements).
    public let perPage: Int
    /// Entries in feeds.
    public let feedSize: Int
    /// Hash of what every page depends on: theme, settings, points, actors, assets.
    public let renderInputs: ContentHash

    public init(briefing: Briefing, assetURLs: [String: String], perPage: Int = 20, feedSize: Int = 20,
                renderInputs: ContentHash = ContentHash()) {
        self.renderInputs = renderInputs
        self.briefing = briefing
        routes = Routes(config: briefing.config)
        values = ContextValues(briefing: briefing, routes: routes, assetURLs: assetURLs)
        renderer = MarkdownRenderer(basePath: briefing.config.basePath)
        self.perPage = perPage
        self.feedSize = feedSize
    }

    public func pages() -> [Page] {
        var pages: [Page] = [home(), pointsIndex(), actorsIndex(), notFound(), robots()]
        pages += briefing.articles.map(article)
        pages += articlesIndex()
        for point in briefing.points { pages += pointPages(point) }
        pages += briefing.points.map(pointFeed)
        for actor in briefing.actors { pages += actorPages(actor) }
        pages += timeline()
        pages.append(siteFeed())
        pages.append(sitemap(listing: pages))
        return pages
    }

    /// A page; `inputs` adds what it shows beyond the site-wide inputs (its articles, developments).
    private func page(_ kind: Page.Kind, _ urlPath: String, template: String? = nil, lastModified: Day?,
                      inSitemap: Bool = true, inputs: (inout ContentHash) -> Void = { _ in },
                      _ context: @escaping @Sendable () -> [String: Any]) -> Page {
        var fingerprint = renderInputs
        fingerprint.update(kind.rawValue)
        fingerprint.update(urlPath)
        fingerprint.update(lastModified?.iso ?? "-")
        inputs(&fingerprint)
        return Page(kind: kind, urlPath: urlPath, outputPath: routes.outputPath(for: urlPath), template: template ?? kind.rawValue,
                    lastModified: lastModified, inSitemap: inSitemap, fingerprint: fingerprint, context: context)
    }

    // MARK: Home

    func home() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.home, routes.home, lastModified: briefing.newestDate, inputs: { hash in
            for point in briefing.points {
                hash.include(briefing.developmentsByPoint[point.slug]?.first)
                hash.update(briefing.updated(point)?.iso ?? "-")
            }
            for article in briefing.articles.prefix(briefing.config.latestCount) { hash.include(article) }
            for development in briefing.whatChanged { hash.include(development) }
        }) {
            var context = values.common(kind: .home, title: briefing.config.title,
                                        description: briefing.config.description, urlPath: values.routes.home)
            context["points"] = briefing.points.map { point -> [String: Any] in
                var entry = values.pointReference(point.slug) ?? [:]
                entry["summary"] = point.summary
                if let updated = briefing.updated(point) { entry["updated"] = values.date(updated) }
                if let latest = briefing.developmentsByPoint[point.slug]?.first { entry["latest_development"] = values.development(latest) }
                return entry
            }
            context["json_ld"] = StructuredData.website(briefing, routes: values.routes)
            context["latest_articles"] = briefing.articles.prefix(briefing.config.latestCount).map(values.articleCard)
            let changed = briefing.whatChanged
            context["what_changed"] = changed.map(values.development)
            if let newest = briefing.newestDate {
                context["what_changed_from"] = values.date(newest.adding(days: -(max(briefing.config.whatChangedDays, 1) - 1)))
                context["what_changed_to"] = values.date(newest)
            }
            return context
        }
    }

    // MARK: Articles

    func article(_ article: AnalysedArticle) -> Page {
        let values = self.values
        let urlPath = routes.article(article.slug)
        return page(.article, urlPath, lastModified: article.date, inputs: { $0.include(article) }) {
            var context = values.common(kind: .article, title: article.title, description: article.summary, urlPath: urlPath)
            var value: [String: Any] = [
                "title": article.title, "date": values.date(article.date), "summary": article.summary,
                "body": article.body.html, "points": article.points.compactMap(values.pointReference),
                "actors": article.actors.compactMap(values.actorReference),
                "quotes": article.quotes.map { located -> [String: Any] in
                    var quote = values.quote(located, date: article.date, articleSlug: article.slug, articleTitle: article.title)
                    quote["url"] = located.anchor.map { "#" + $0 } ?? ""
                    return quote
                },
                "sections": article.sections.compactMap { section -> [String: Any]? in
                    guard let heading = section.heading else { return nil }
                    return ["heading": heading, "anchor": section.anchor, "points": section.points.compactMap(values.pointReference)]
                },
            ]
            if let source = article.article.source { value["source"] = source }
            // Only web links: a `javascript:` URL in front matter must never become an href.
            if let url = article.article.url, PagePlanner.isWebURL(url) { value["original_url"] = url }
            // A table of contents helps from three headings on.
            if article.sections.filter({ $0.heading != nil }).count >= 3 { value["toc"] = true }
            context["article"] = value
            context["json_ld"] = StructuredData.newsArticle(article, briefing: values.briefing, routes: values.routes)
            if var page = context["page"] as? [String: Any] {
                page["published"] = article.date.iso
                context["page"] = page
            }
            return context
        }
    }

    func articlesIndex() -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        return Pagination.pages(count: briefing.articles.count, perPage: perPage * 2).map { pagination in
            let urlPath = routes.articles(page: pagination.page)
            return page(.articles, urlPath, lastModified: briefing.articles[safe: pagination.range.lowerBound]?.date,
                        inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                for article in briefing.articles[pagination.range] { hash.include(article) }
            }) {
                let title = pagination.page == 1 ? "All articles" : "All articles, page \(pagination.page)"
                var context = values.common(kind: .articles, title: title,
                                            description: "Every article in \(briefing.config.title), newest first.", urlPath: urlPath)
                context["articles"] = briefing.articles[pagination.range].map(values.articleCard)
                context["pagination"] = values.pagination(pagination, url: { routes.articles(page: $0) })
                return context
            }
        }
    }

    // MARK: Points

    func pointsIndex() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.points, routes.points, lastModified: briefing.newestDate, inputs: { hash in
            for point in briefing.points {
                hash.update(briefing.developmentsByPoint[point.slug]?.count ?? 0)
                hash.update(briefing.updated(point)?.iso ?? "-")
            }
        }) {
            var context = values.common(kind: .points, title: "Sticking points",
                                        description: "Where each sticking point in the talks stands.", urlPath: values.routes.points)
            context["points"] = briefing.points.map { point -> [String: Any] in
                var entry = values.pointReference(point.slug) ?? [:]
                entry["summary"] = point.summary
                entry["development_count"] = briefing.developmentsByPoint[point.slug]?.count ?? 0
                if let updated = briefing.updated(point) { entry["updated"] = values.date(updated) }
                return entry
            }
            return context
        }
    }

    func pointPages(_ point: Point) -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes, perPage = self.perPage
        let developments = briefing.developmentsByPoint[point.slug] ?? []
        let overviewHTML = renderer.render(point.overview, firstLine: point.overviewFirstLine).html
        return Pagination.pages(count: developments.count, perPage: perPage).map { pagination in
            let urlPath = routes.point(point.slug, page: pagination.page)
            return page(.point, urlPath, lastModified: briefing.updated(point), inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                hash.update(developments.count)
                for development in developments[pagination.range] { hash.include(development) }
                if pagination.page == 1 {
                    // "Who said what" and related articles draw on the newest developments.
                    for development in developments.prefix(40) { hash.include(development) }
                    for point in briefing.points { hash.update(point.slug) }
                }
            }) {
                let title = pagination.page == 1 ? point.title : "\(point.title), page \(pagination.page)"
                var context = values.common(kind: .point, title: title, description: point.summary, urlPath: urlPath)
                var value: [String: Any] = values.pointReference(point.slug) ?? [:]
                value["summary"] = point.summary
                value["overview"] = overviewHTML
                value["feed"] = routes.pointFeed(point.slug)
                value["development_count"] = developments.count
                if let updated = briefing.updated(point) { value["updated"] = values.date(updated) }
                value["history"] = point.history.map { change -> [String: Any] in
                    ["date": values.date(change.date), "status": values.status(change.status), "note": change.note]
                }
                context["point"] = value
                context["developments"] = developments[pagination.range].map(values.development)
                context["pagination"] = values.pagination(pagination, url: { routes.point(point.slug, page: $0) })
                if pagination.page == 1 {
                    context["sides"] = PagePlanner.sides(of: developments, values: values)
                    context["related"] = PagePlanner.relatedArticles(developments, briefing: briefing).map(values.articleCard)
                    context["other_points"] = briefing.points.filter { $0.slug != point.slug }.compactMap { values.pointReference($0.slug) }
                }
                return context
            }
        }
    }

    /// "Who said what": the newest quotes of a point's developments, grouped by the speakers' side.
    static func sides(of developments: [Development], values: ContextValues, limit: Int = 40) -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [[String: Any]]] = [:]
        var count = 0
        outer: for development in developments {
            for located in development.quotes {
                let side = values.side(of: located.quote)
                if groups[side] == nil { order.append(side) }
                groups[side, default: []].append(values.quote(located, date: development.date,
                                                              articleSlug: development.articleSlug,
                                                              articleTitle: development.articleTitle))
                count += 1
                if count >= limit { break outer }
            }
        }
        // Named sides alphabetically, unattributed voices last.
        order.sort { ($0 == "Other voices" ? 1 : 0, $0) < ($1 == "Other voices" ? 1 : 0, $1) }
        return order.map { ["name": $0, "quotes": groups[$0]!] }
    }

    /// The distinct articles behind a point's developments, newest first.
    static func relatedArticles(_ developments: [Development], briefing: Briefing, limit: Int = 10) -> [AnalysedArticle] {
        var seen = Set<String>()
        var slugs: [String] = []
        for development in developments where seen.insert(development.articleSlug).inserted {
            slugs.append(development.articleSlug)
            if slugs.count >= limit { break }
        }
        let bySlug = Dictionary(briefing.articles.filter { seen.contains($0.slug) }.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        return slugs.compactMap { bySlug[$0] }
    }

    func pointFeed(_ point: Point) -> Page {
        let briefing = self.briefing, values = self.values, routes = self.routes, feedSize = self.feedSize
        let developments = Array((briefing.developmentsByPoint[point.slug] ?? []).prefix(feedSize))
        let urlPath = routes.pointFeed(point.slug)
        return page(.feed, urlPath, template: "feed.xml", lastModified: developments.first?.date, inSitemap: false, inputs: { hash in
            for development in developments { hash.include(development) }
            hash.update(briefing.newestDate?.iso ?? "-")
        }) {
            var context = values.common(kind: .feed, title: "\(point.title): \(briefing.config.title)",
                                        description: point.summary, urlPath: urlPath)
            context["feed"] = [
                "title": "\(point.title): \(briefing.config.title)", "id": routes.absolute(routes.point(point.slug)),
                "self": routes.absolute(urlPath), "alternate": routes.absolute(routes.point(point.slug)),
                "updated": (developments.first?.date ?? briefing.newestDate ?? Day(ordinal: 0)).rfc3339,
                "subtitle": point.summary,
                "entries": developments.map { development -> [String: Any] in
                    let link = routes.absolute(routes.article(development.articleSlug) + "#" + development.anchor)
                    let title = development.sectionHeading.map { "\(development.articleTitle): \($0)" } ?? development.articleTitle
                    return ["title": title, "link": link, "id": link, "updated": development.date.rfc3339,
                            "summary": development.excerpt]
                },
            ] as [String: Any]
            return context
        }
    }

    // MARK: Actors

    func actorsIndex() -> Page {
        let briefing = self.briefing, values = self.values
        return page(.actors, routes.actors, lastModified: briefing.newestDate, inputs: { hash in
            for actor in briefing.actors { hash.update(briefing.statementsByActor[actor.slug]?.count ?? 0) }
        }) {
            var context = values.common(kind: .actors, title: "Who is who",
                                        description: "The parties and people in the talks and what they said.", urlPath: values.routes.actors)
            var sides: [String: [[String: Any]]] = [:]
            for actor in briefing.actors {
                var entry = values.actorReference(actor.slug) ?? [:]
                entry["statement_count"] = briefing.statementsByActor[actor.slug]?.count ?? 0
                sides[actor.side ?? "Other", default: []].append(entry)
            }
            context["sides"] = sides.keys.sorted { ($0 == "Other" ? 1 : 0, $0) < ($1 == "Other" ? 1 : 0, $1) }.map {
                ["name": $0, "actors": sides[$0]!] as [String: Any]
            }
            return context
        }
    }

    func actorPages(_ actor: Actor) -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        let statements = briefing.statementsByActor[actor.slug] ?? []
        let bioHTML = renderer.render(actor.bio, firstLine: actor.bioFirstLine).html
        return Pagination.pages(count: statements.count, perPage: perPage * 2).map { pagination in
            let urlPath = routes.actor(actor.slug, page: pagination.page)
            return page(.actor, urlPath, lastModified: statements.first?.date, inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                hash.update(statements.count)
                for statement in statements[pagination.range] {
                    hash.update(statement.articleSlug)
                    hash.update(statement.articleHash.description)
                    hash.update(statement.quote.quote.text)
                }
            }) {
                let title = pagination.page == 1 ? actor.name : "\(actor.name), page \(pagination.page)"
                let description = actor.role.isEmpty ? "What \(actor.name) said in the talks." : actor.role
                var context = values.common(kind: .actor, title: title, description: description, urlPath: urlPath)
                var value = values.actorReference(actor.slug) ?? [:]
                value["bio"] = bioHTML
                value["aliases"] = actor.aliases
                value["statement_count"] = statements.count
                context["actor"] = value
                context["statements"] = statements[pagination.range].map { statement -> [String: Any] in
                    var quote = values.quote(statement.quote, date: statement.date, articleSlug: statement.articleSlug,
                                             articleTitle: statement.articleTitle)
                    quote["points"] = statement.points.compactMap(values.pointReference)
                    return quote
                }
                context["pagination"] = values.pagination(pagination, url: { routes.actor(actor.slug, page: $0) })
                return context
            }
        }
    }

    // MARK: Timeline, feeds, sitemap

    func timeline() -> [Page] {
        let briefing = self.briefing, values = self.values, routes = self.routes
        let developments = briefing.developments
        return Pagination.pages(count: developments.count, perPage: perPage * 2).map { pagination in
            let urlPath = routes.timeline(page: pagination.page)
            return page(.timeline, urlPath, lastModified: developments[safe: pagination.range.lowerBound]?.date,
                        inSitemap: pagination.page == 1, inputs: { hash in
                hash.include(pagination)
                for development in developments[pagination.range] { hash.include(development) }
            }) {
                let title = pagination.page == 1 ? "Timeline" : "Timeline, page \(pagination.page)"
                var context = values.common(kind: .timeline, title: title,
                                            description: "Every development in the talks, day by day.", urlPath: urlPath)
                var days: [[String: Any]] = []
                for development in developments[pagination.range] {
                    if let last = days.last, (last["date"] as? [String: Any])?["iso"] as? String == development.date.iso {
                        var entries = last["developments"] as! [[String: Any]]
                        entries.append(values.development(development))
                        days[days.count - 1]["developments"] = entries
                    } else {
                        days.append(["date": values.date(development.date), "developments": [values.development(development)]])
                    }
                }
                context["days"] = days
                context["pagination"] = values.pagination(pagination, url: { routes.timeline(page: $0) })
                return context
            }
        }
    }

    func siteFeed() -> Page {
        let briefing = self.briefing, values = self.values, routes = self.routes, feedSize = self.feedSize
        let articles = Array(briefing.articles.prefix(feedSize))
        return page(.feed, routes.feed, template: "feed.xml", lastModified: briefing.newestDate, inSitemap: false, inputs: { hash in
            for article in articles { hash.include(article) }
        }) {
            var context = values.common(kind: .feed, title: briefing.config.title, description: briefing.config.description,
                                        urlPath: routes.feed)
            context["feed"] = [
                "title": briefing.config.title, "id": routes.absolute(routes.home), "self": routes.absolute(routes.feed),
                "alternate": routes.absolute(routes.home), "subtitle": briefing.config.description,
                "updated": (briefing.newestDate ?? Day(ordinal: 0)).rfc3339,
                "entries": articles.map { article -> [String: Any] in
                    let link = routes.absolute(routes.article(article.slug))
                    return ["title": article.title, "link": link, "id": link, "updated": article.date.rfc3339,
                            "summary": article.summary, "content": article.body.html]
                },
            ] as [String: Any]
            return context
        }
    }

    func notFound() -> Page {
        let values = self.values
        return page(.notFound, routes.notFound, lastModified: nil, inSitemap: false) {
            values.common(kind: .notFound, title: "Page not found", description: "This page does not exist.",
                          urlPath: values.routes.notFound)
        }
    }

    func robots() -> Page {
        let values = self.values, routes = self.routes
        return page(.robots, routes.robots, template: "robots.txt", lastModified: nil, inSitemap: false) {
            var context = values.common(kind: .robots, title: "robots.txt", description: "", urlPath: routes.robots)
            context["sitemap"] = routes.absolute(routes.sitemap)
            return context
        }
    }

    func sitemap(listing pages: [Page]) -> Page {
        let values = self.values, routes = self.routes
        let entries = pages.filter(\.inSitemap).map { page -> (String, String?) in
            (routes.absolute(page.urlPath), page.lastModified?.iso)
        }
        return page(.sitemap, routes.sitemap, template: "sitemap.xml", lastModified: nil, inSitemap: false, inputs: { hash in
            for (location, lastModified) in entries {
                hash.update(location)
                hash.update(lastModified ?? "-")
            }
        }) {
            var context = values.common(kind: .sitemap, title: "Sitemap", description: "", urlPath: routes.sitemap)
            context["entries"] = entries.map { location, lastModified -> [String: Any] in
                var entry: [String: Any] = ["location": location]
                if let lastModified { entry["lastmod"] = lastModified }
                return entry
            }
            return context
        }
    }
}

extension ContentHash {
    mutating func include(_ article: AnalysedArticle) {
        update(article.slug)
        update(article.article.sourceHash.description)
    }

    mutating func include(_ development: Development?) {
        guard let development else { update("-"); return }
        update(development.articleSlug)
        update(development.articleHash.description)
        update(development.sectionIndex)
    }

    mutating func include(_ pagination: Pagination) {
        update(pagination.page)
        update(pagination.pageCount)
    }
}

extension PagePlanner {
    static func isWebURL(_ url: String) -> Bool {
        let lower = url.trimmingWhitespace.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !lower.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
