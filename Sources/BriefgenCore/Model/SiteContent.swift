/// Everything in `Content/` after reading: the input of the analysis stage.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var points: [Point]
    public var actors: [Actor]
    public var articles: [Article]
    /// Hash of everything article analysis depends on besides the article itself: `site.yml`,
    /// the points and the actors. Cached analyses are valid only under the same value.
    public var analysisInputs: ContentHash

    public init(config: SiteConfig, points: [Point], actors: [Actor], articles: [Article],
                analysisInputs: ContentHash = ContentHash()) {
        self.config = config
        self.points = points.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        self.actors = actors.sorted { $0.slug < $1.slug }
        self.articles = articles.sorted(by: SiteContent.newestFirst)
        self.analysisInputs = analysisInputs
    }

    /// Newest first; ties broken by slug so that the order never depends on the file system.
    public static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }
}
