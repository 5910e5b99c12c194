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

    /// The field names of an article page's objects, hashed once.
    private enum Key {
        static let title = TemplateKey("title"), date = TemplateKey("date"), summary = TemplateKey("summary")
        static let updated = TemplateKey("updated")
        static let body = TemplateKey("body"), points = TemplateKey("points"), actors = TemplateKey("actors")
        static let quotes = TemplateKey("quotes"), sections = TemplateKey("sections"), source = TemplateKey("source")
        static let originalURL = TemplateKey("original_url"), toc = TemplateKey("toc")
        static let heading = TemplateKey("heading"), anchor = TemplateKey("anchor")
        static let article = TemplateKey("article"), jsonLD = TemplateKey("json_ld")
    }

    public func context(_ article: AnalysedArticle) -> TemplateValue {
        let urlPath = values.routes.article(article.slug)
        var context = values.common(kind: .article, title: article.title, description: article.summary, urlPath: urlPath,
                                    published: article.date.iso, modified: article.article.updated?.iso)
        let sections = article.sections
        // Made once: every quote on the page shows the article's date.
        let date = values.date(article.date)
        var value = TemplateFields(capacity: 13)
        value.append(Key.title, .string(article.title))
        value.append(Key.date, date)
        value.append(Key.updated, article.article.updated.map(values.date) ?? .null)
        value.append(Key.summary, .string(article.summary))
        value.append(Key.body, .pieces(article.body.blocks.map(\.html)))
        value.append(Key.points, values.pointReferences(article.points))
        value.append(Key.actors, .list(article.actors.compactMap(values.actorReference)))
        value.append(Key.quotes, .list(article.quotes.map { located in
            // A quote given in front matter that the body does not contain: its section's anchor.
            // Sections are read in place: `sections[safe:]` copied the whole section to read one field.
            let anchor = located.anchor ?? (sections.indices.contains(located.sectionIndex) ? sections[located.sectionIndex].anchor : "main")
            return values.quote(located, date: date, articleSlug: article.slug, articleTitle: article.title, url: "#" + anchor)
        }))
        // The sections with headings, read in place rather than filtered into a copy of each.
        var headed: [TemplateValue] = []
        for index in sections.indices where sections[index].heading != nil {
            var fields = TemplateFields(capacity: 3)
            fields.append(Key.heading, .text(sections[index].heading))
            fields.append(Key.anchor, .string(sections[index].anchor))
            fields.append(Key.points, values.pointReferences(sections[index].points))
            headed.append(.object(fields))
        }
        value.append(Key.sections, .list(headed))
        value.append(Key.source, .text(article.article.source))
        // Only web links: a `javascript:` URL in front matter must never become an href.
        value.append(Key.originalURL, article.article.url.flatMap { WebAddress.isValid($0) ? TemplateValue.string($0) : nil } ?? .null)
        // A table of contents helps from three headings on.
        value.append(Key.toc, .bool(headed.count >= 3))
        context.append(Key.article, .object(value))
        context.append(Key.jsonLD, .string(StructuredData.newsArticle(article, routes: values.routes, parts: structuredData)))
        return .object(context)
    }

    /// The page, for renderers that work on `Page` values (the preview, tests).
    public func page(_ article: AnalysedArticle) -> Page {
        let urlPath = values.routes.article(article.slug)
        let pages = self
        return Page(kind: .article, urlPath: urlPath, outputPath: outputPath(article.slug), template: "article",
                    lastModified: article.article.updated ?? article.date, fingerprint: fingerprint(slug: article.slug, identity: ArticleSummary.identity(sourceHash: article.article.sourceHash, sourcePath: article.article.sourcePath))) {
            pages.context(article)
        }
    }
}
