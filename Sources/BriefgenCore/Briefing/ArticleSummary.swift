/// What the rest of the site needs to know about an article once its own page is rendered:
/// titles and dates for lists, sections with their excerpts and points, quotes with their
/// anchors, and the article's anchors and links for the link checker.
///
/// Small on purpose: the body's HTML and text are gone, so ten thousand summaries fit in a few
/// megabytes, and they are what the build cache keeps between runs.
///
/// The fields live in one immutable, shared box: summaries are copied into lists, sorted and
/// grouped many times per build, and a copy then costs one reference count instead of twelve.
public struct ArticleSummary: Sendable, Equatable {
    public struct Fields: Sendable, Equatable {
        public var slug: String
        public var sourcePath: String
        public var sourceHash: ContentHash
        public var title: String
        public var date: Day
        public var updated: Day?
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
        public var anchors: AnchorList
        /// Links written in the article's Markdown, checked once every page is known.
        public var links: [MarkdownLink]
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box

    public var fields: Fields { box.fields }
    public var slug: String { box.fields.slug }
    public var sourcePath: String { box.fields.sourcePath }
    public var sourceHash: ContentHash { box.fields.sourceHash }
    /// What the pages showing this article depend on: its bytes and its file's name (a raw
    /// article's source line is the file name, so renaming `a.txt` to `A.txt` changes pages).
    public var identity: ContentHash { ArticleSummary.identity(sourceHash: sourceHash, sourcePath: sourcePath) }

    public static func identity(sourceHash: ContentHash, sourcePath: String) -> ContentHash {
        var hash = sourceHash
        hash.update(sourcePath)
        return hash
    }
    public var title: String { box.fields.title }
    public var date: Day { box.fields.date }
    public var updated: Day? { box.fields.updated }
    /// The day the article last changed: its update, else its date.
    public var lastModified: Day { box.fields.updated ?? box.fields.date }
    public var source: String? { box.fields.source }
    public var url: String? { box.fields.url }
    public var draft: Bool { box.fields.draft }
    public var summary: String { box.fields.summary }
    public var points: [String] { box.fields.points }
    public var actors: [String] { box.fields.actors }
    public var sections: [ArticleSection] { box.fields.sections }
    public var quotes: [LocatedQuote] { box.fields.quotes }
    public var anchors: AnchorList { box.fields.anchors }
    public var links: [MarkdownLink] { box.fields.links }

    public static func == (lhs: ArticleSummary, rhs: ArticleSummary) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public init(_ fields: Fields) {
        box = Box(fields)
    }

    public init(_ analysed: AnalysedArticle) {
        let article = analysed.article
        self.init(Fields(slug: article.slug, sourcePath: article.sourcePath, sourceHash: article.sourceHash, title: article.title,
                         date: article.date, updated: article.updated, source: article.source, url: article.url, draft: article.draft,
                         summary: analysed.summary, points: analysed.points, actors: analysed.actors,
                         sections: analysed.sections,
                         quotes: analysed.quotes, anchors: AnchorList(analysed.body.blocks.lazy.compactMap(\.id)), links: analysed.body.links))
    }

    public init(slug: String, sourcePath: String, sourceHash: ContentHash, title: String, date: Day, updated: Day? = nil, source: String?,
                url: String?, draft: Bool, summary: String, points: [String], actors: [String], sections: [ArticleSection],
                quotes: [LocatedQuote], anchors: AnchorList, links: [MarkdownLink]) {
        self.init(Fields(slug: slug, sourcePath: sourcePath, sourceHash: sourceHash, title: title, date: date, updated: updated, source: source,
                         url: url, draft: draft, summary: summary, points: points, actors: actors, sections: sections,
                         quotes: quotes, anchors: anchors, links: links))
    }
}
