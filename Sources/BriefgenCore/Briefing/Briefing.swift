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
        for analysed in self.articles {
            let quotesBySection = Dictionary(grouping: analysed.quotes, by: \.sectionIndex)
            for section in analysed.sections where !section.points.isEmpty {
                developments.append(Development(article: analysed, section: section, quotes: quotesBySection[section.index] ?? []))
            }
            for located in analysed.quotes {
                guard let actor = located.quote.actor else { continue }
                let section = analysed.sections[safe: located.sectionIndex]
                statements[actor, default: []].append(Statement(quote: located, date: analysed.date,
                                                                articleSlug: analysed.slug, articleTitle: analysed.title,
                                                                articleHash: analysed.sourceHash,
                                                                points: section?.points ?? []))
            }
        }
        self.developments = developments
        var byPoint: [String: [Development]] = [:]
        for development in developments {
            for point in development.points { byPoint[point, default: []].append(development) }
        }
        developmentsByPoint = byPoint
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

    /// The date of a point's newest development, else of its last status change.
    public func updated(_ point: Point) -> Day? {
        developmentsByPoint[point.slug]?.first?.date ?? point.history.last?.date
    }
}

/// One section of one article that speaks to one or more sticking points.
public struct Development: Sendable, Equatable {
    public var date: Day
    public var articleSlug: String
    /// The article's source hash: with `sectionIndex`, identifies this development's content.
    public var articleHash: ContentHash
    public var articleTitle: String
    public var sectionIndex: Int
    public var sectionHeading: String?
    public var anchor: String
    public var excerpt: String
    public var points: [String]
    /// The quotes in this section.
    public var quotes: [LocatedQuote]

    init(article: ArticleSummary, section: ArticleSection, quotes: [LocatedQuote]) {
        date = article.date
        articleSlug = article.slug
        articleHash = article.sourceHash
        articleTitle = article.title
        sectionIndex = section.index
        sectionHeading = section.heading
        anchor = section.anchor
        excerpt = section.excerpt
        points = section.points
        self.quotes = quotes
    }
}

/// Something an actor said, with where and when.
public struct Statement: Sendable, Equatable {
    public var quote: LocatedQuote
    public var date: Day
    public var articleSlug: String
    public var articleTitle: String
    public var articleHash: ContentHash
    /// The points of the section the quote comes from.
    public var points: [String]
}
