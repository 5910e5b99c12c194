/// The whole site after analysis: what every article says about every sticking point.
///
/// Built once per build from the analysed articles; the page builders only read from it.
public struct Briefing: Sendable {
    public var config: SiteConfig
    public var points: [Point]
    public var actors: [Actor]
    /// Newest first.
    public var articles: [ArticleSummary]
    /// One per article section that speaks to at least one point; newest first.
    public var developments: [Development]
    public var developmentsByPoint: [String: [Development]]
    public var statementsByActor: [String: [Statement]]
    /// The newest article's date: "now" for everything relative, so builds never read the clock.
    public var newestDate: Day?

    public init(content: SiteContent, articles: [AnalysedArticle]) {
        self.init(config: content.config, points: content.points, actors: content.actors, articles: articles.map(ArticleSummary.init))
    }

    public init(config: SiteConfig, points: [Point], actors: [Actor], articles: [ArticleSummary]) {
        self.config = config
        self.points = points
        self.actors = actors
        self.articles = articles.sorted { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
        newestDate = self.articles.first?.date
        articleIndex = Dictionary(self.articles.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })

        var developments: [Development] = []
        var statements: [String: [Statement]] = [:]
        var byPoint: [String: [Development]] = [:]
        developments.reserveCapacity(self.articles.count * 4)
        for analysed in self.articles {
            let quotes = analysed.quotes
            let sections = analysed.sections
            for index in sections.indices where !sections[index].points.isEmpty {
                let section = sections[index].index
                let inSection = quotes.isEmpty ? [] : quotes.filter { $0.sectionIndex == section }
                let development = Development(article: analysed, sectionIndex: index, quotes: inSection)
                developments.append(development)
                // Grouped here, while the section is in the cache: a second pass over the
                // developments chased four pointers each and stalled on memory.
                for point in sections[index].points {
                    byPoint[point, default: []].append(sections[index].pointExcerpts[point] == nil ? development : development.shown(on: point))
                }
            }
            for index in quotes.indices {
                guard let actor = quotes[index].quote.actor else { continue }
                statements[actor, default: []].append(Statement(article: analysed, quoteIndex: index))
            }
        }
        self.developments = developments
        developmentsByPoint = byPoint
        developmentsModified = byPoint.mapValues { $0.lazy.map(\.lastModified).max()! }
        statementsByActor = statements
    }

    private var articleIndex: [String: Int] = [:]

    public func point(_ slug: String) -> Point? { points.first { $0.slug == slug } }
    public func actor(_ slug: String) -> Actor? { actors.first { $0.slug == slug } }
    public func article(_ slug: String) -> ArticleSummary? { articleIndex[slug].map { articles[$0] } }

    /// Developments dated within `config.whatChangedDays` days up to and including the newest article's date.
    public var whatChanged: [Development] {
        guard let newest = newestDate, config.whatChangedDays > 0 else { return [] }
        let earliest = newest.adding(days: -(config.whatChangedDays - 1))
        return developments.filter { $0.date >= earliest }
    }

    /// Developments grouped by day, newest first.
    public var timeline: [(day: Day, developments: [Development])] {
        var days: [(day: Day, developments: [Development])] = []
        for development in developments {
            if days.last?.day == development.date {
                days[days.count - 1].developments.append(development)
            } else {
                days.append((development.date, [development]))
            }
        }
        return days
    }

    /// The last day a point's briefing changed: its newest development, a correction of an
    /// article it lists, or its last status change, whichever came last.
    public func updated(_ point: Point) -> Day? {
        [developmentsModified[point.slug], point.history.last?.date].compactMap { $0 }.max()
    }

    /// The last day anything the home page and the points index show changed: the newest article,
    /// or a point's correction or status change after it.
    public var newestChange: Day? {
        ([newestDate] + points.map(updated)).compactMap { $0 }.max()
    }

    /// For each point, the newest `lastModified` of its developments.
    private var developmentsModified: [String: Day] = [:]
}

/// One section of one article that speaks to one or more sticking points.
///
/// A view into the article's summary (shared, not copied): a briefing holds tens of thousands
/// of developments, and making one costs a reference count.
public struct Development: Sendable, Equatable {
    private let article: ArticleSummary
    public let sectionIndex: Int
    /// The quotes in this section.
    public let quotes: [LocatedQuote]
    /// The briefing this development is listed on, when its excerpt depends on it.
    private var point: String?

    private var section: ArticleSection { article.sections[sectionIndex] }

    public var date: Day { article.date }
    /// The day the article last changed (its correction, else its date).
    public var lastModified: Day { article.lastModified }
    public var articleSlug: String { article.slug }
    /// The article's source hash: with `sectionIndex`, identifies this development's content.
    public var articleHash: ContentHash { article.identity }
    public var articleTitle: String { article.title }
    public var sectionHeading: String? { section.heading }
    public var anchor: String { section.anchor }
    /// The section's excerpt, or on a briefing the one from where the section turns to its point.
    public var excerpt: String { point.flatMap { section.pointExcerpts[$0] } ?? section.excerpt }
    public var points: [String] { section.points }

    /// - Parameter sectionIndex: a position in `article.sections`.
    init(article: ArticleSummary, sectionIndex: Int, quotes: [LocatedQuote]) {
        self.article = article
        self.sectionIndex = sectionIndex
        self.quotes = quotes
    }

    /// This development as the briefing of `point` lists it.
    func shown(on point: String) -> Development {
        var shown = self
        shown.point = point
        return shown
    }
}

/// Something an actor said, with where and when: a view into the article's summary.
public struct Statement: Sendable, Equatable {
    private let article: ArticleSummary
    /// Position of the quote in its article: with `articleHash`, identifies the statement.
    let quoteIndex: Int

    public var quote: LocatedQuote { article.quotes[quoteIndex] }
    public var date: Day { article.date }
    /// The day the article last changed (its correction, else its date).
    public var lastModified: Day { article.lastModified }
    public var articleSlug: String { article.slug }
    public var articleTitle: String { article.title }
    public var articleHash: ContentHash { article.identity }
    /// The points of the section the quote comes from.
    public var points: [String] { article.sections[safe: quote.sectionIndex]?.points ?? [] }

    /// - Parameter quoteIndex: a position in `article.quotes`.
    init(article: ArticleSummary, quoteIndex: Int) {
        self.article = article
        self.quoteIndex = quoteIndex
    }
}
