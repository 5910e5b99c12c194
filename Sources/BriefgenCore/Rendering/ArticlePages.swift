/// Article pages, rendered straight after each article is analysed: an article's page depends
/// only on the article and on the site's settings, points and actors, never on other articles.
///
/// Rendering them in the same pass that reads and analyses the articles means no article body
/// is kept in memory once its page is written.
public struct ArticlePages: Sendable {
    let values: ContextValues
    /// The JSON-LD every article shares, written once.
    let structuredData: StructuredData.SiteParts
    /// Hash of what every page depends on: theme, settings, points, actors, assets.
    public let renderInputs: ContentHash

    public init(config: SiteConfig, points: [Point], actors: [Actor], assetURLs: [String: String], renderInputs: ContentHash) {
        values = ContextValues(config: config, points: points, actors: actors, assetURLs: assetURLs)
        structuredData = StructuredData.SiteParts(values: values)
        self.renderInputs = renderInputs
    }

    /// The output file of an article's page.
    public func outputPath(_ slug: String) -> String {
        values.routes.outputPath(for: values.routes.article(slug))
    }

    /// What the page is made of: equal fingerprints, equal pages.
    public func fingerprint(slug: String, identity: ContentHash) -> ContentHash {
        var hash = renderInputs
        hash.update(Page.Kind.article.rawValue)
        hash.update(slug)
        hash.update(identity)
        return hash
    }

    public func context(_ article: AnalysedArticle) -> TemplateValue {
        let urlPath = values.routes.article(article.slug)
        var context = values.common(kind: .article, title: article.title, description: article.summary, urlPath: urlPath,
                                    published: article.date.iso)
        let headed = article.sections.filter { $0.heading != nil }
        let value: TemplateValue = [
            "title": .string(article.title), "date": values.date(article.date), "summary": .string(article.summary),
            "body": .string(article.body.html), "points": values.pointReferences(article.points),
            "actors": .list(article.actors.compactMap(values.actorReference)),
            "quotes": .list(article.quotes.map { located in
                values.quote(located, date: article.date, articleSlug: article.slug, articleTitle: article.title,
                             // A quote given in front matter that the body does not contain: its section.
                             url: "#" + (located.anchor ?? article.sections[safe: located.sectionIndex]?.anchor ?? "main"))
            }),
            "sections": .list(headed.map { section in
                ["heading": .text(section.heading), "anchor": .string(section.anchor), "points": values.pointReferences(section.points)]
            }),
            "source": .text(article.article.source),
            // Only web links: a `javascript:` URL in front matter must never become an href.
            "original_url": article.article.url.flatMap { PagePlanner.isWebURL($0) ? TemplateValue.string($0) : nil } ?? .null,
            // A table of contents helps from three headings on.
            "toc": .bool(headed.count >= 3),
        ]
        context["article"] = value
        context["json_ld"] = .string(StructuredData.newsArticle(article, routes: values.routes, parts: structuredData))
        return .object(context)
    }

    /// The page, for renderers that work on `Page` values (the preview, tests).
    public func page(_ article: AnalysedArticle) -> Page {
        let urlPath = values.routes.article(article.slug)
        let pages = self
        return Page(kind: .article, urlPath: urlPath, outputPath: outputPath(article.slug), template: "article",
                    lastModified: article.date, fingerprint: fingerprint(slug: article.slug, identity: ArticleSummary.identity(sourceHash: article.article.sourceHash, sourcePath: article.article.sourcePath))) {
            pages.context(article)
        }
    }
}
