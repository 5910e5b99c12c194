/// An article after rendering and analysis: its HTML blocks, its sections with the points each
/// speaks to, and its quotes located in their paragraphs and linked to actors.
public struct AnalysedArticle: Sendable {
    public var article: Article
    public var body: RenderedMarkdown
    public var sections: [ArticleSection]
    public var quotes: [LocatedQuote]
    /// Point slugs the article feeds, in the points' order.
    public var points: [String]
    /// Actor slugs the article mentions or quotes, alphabetical.
    public var actors: [String]
    /// Plain-text summary: the front matter's, else the first paragraph.
    public var summary: String

    public var slug: String { article.slug }
    public var date: Day { article.date }
    public var title: String { article.title }
}

/// A heading and the blocks under it; the text before the first heading is the intro section.
public struct ArticleSection: Sendable, Equatable {
    public var index: Int
    /// Nil for the intro.
    public var heading: String?
    /// The anchor to link to: the heading's id, or the intro's first paragraph.
    public var anchor: String
    /// Indices into the article's blocks (heading excluded).
    public var blocks: Range<Int>
    /// One to three sentences of the body, for briefings and feeds.
    public var excerpt: String
    /// Point slugs this section speaks to.
    public var points: [String]
    /// For a point the section's opening does not mention, the excerpt from the first block that
    /// does: a section about territory that turns to guarantees in its second paragraph shows that
    /// paragraph on the guarantees briefing. Empty for most sections.
    public var pointExcerpts: [String: String] = [:]
}

/// A quote with the paragraph it comes from.
public struct LocatedQuote: Sendable, Equatable {
    public var quote: Quote
    /// The id of the paragraph or block quote holding it, when it could be found.
    public var anchor: String?
    public var sectionIndex: Int
}
