/// What the rest of the site needs to know about an article once its own page is rendered:
/// titles and dates for lists, sections with their excerpts and points, quotes with their
/// anchors, and the article's anchors and links for the link checker.
///
/// Small on purpose: the body's HTML and text are gone, so ten thousand summaries fit in a few
/// megabytes, and they are what the build cache keeps between runs.
public struct ArticleSummary: Sendable, Equatable {
    public var slug: String
    public var sourcePath: String
    public var sourceHash: ContentHash
    public var title: String
    public var date: Day
    public var source: String?
    public var url: String?
    public var draft: Bool
    public var summary: String
    public var points: [String]
    public var actors: [String]
    /// Sections without their body text (excerpts stay).
    public var sections: [ArticleSection]
    public var quotes: [LocatedQuote]
    /// Every anchor on the article's page, for links into it.
    public var anchors: [String]
    /// Links written in the article's Markdown, checked once every page is known.
    public var links: [MarkdownLink]

    public init(_ analysed: AnalysedArticle) {
        let article = analysed.article
        slug = article.slug
        sourcePath = article.sourcePath
        sourceHash = article.sourceHash
        title = article.title
        date = article.date
        source = article.source
        url = article.url
        draft = article.draft
        summary = analysed.summary
        points = analysed.points
        actors = analysed.actors
        sections = analysed.sections.map { section in
            var light = section
            light.text = ""
            return light
        }
        quotes = analysed.quotes
        anchors = analysed.body.blocks.compactMap(\.id)
        links = analysed.body.links
    }

    public init(slug: String, sourcePath: String, sourceHash: ContentHash, title: String, date: Day, source: String?,
                url: String?, draft: Bool, summary: String, points: [String], actors: [String], sections: [ArticleSection],
                quotes: [LocatedQuote], anchors: [String], links: [MarkdownLink]) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.sourceHash = sourceHash
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.draft = draft
        self.summary = summary
        self.points = points
        self.actors = actors
        self.sections = sections
        self.quotes = quotes
        self.anchors = anchors
        self.links = links
    }
}
