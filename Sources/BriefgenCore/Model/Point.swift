/// A sticking point in the talks (territory, security guarantees, …), from `Content/points/<slug>.md`.
public struct Point: Sendable, Equatable, Identifiable {
    public var id: String { slug }
    public var slug: String
    public var title: String
    /// Free text from the editors; the theme styles the usual ones (agreed, nearing, unresolved, contested).
    public var status: String
    public var order: Int
    /// Words and phrases that mark a section as speaking to this point. `*` at the end matches any ending.
    public var keywords: [String]
    public var history: [StatusChange]
    /// One line for the dashboard; from `summary`, else the overview's first sentence.
    public var summary: String
    /// The editors' overview, Markdown.
    public var overview: String
    public var overviewFirstLine: Int
    public var sourcePath: String

    public init(slug: String, title: String, status: String, order: Int, keywords: [String],
                history: [StatusChange] = [], summary: String = "", overview: String = "",
                overviewFirstLine: Int = 1, sourcePath: String = "") {
        self.slug = slug
        self.title = title
        self.status = status
        self.order = order
        self.keywords = keywords
        self.history = history
        self.summary = summary
        self.overview = overview
        self.overviewFirstLine = overviewFirstLine
        self.sourcePath = sourcePath
    }
}

/// One entry of a point's `history`: the status it moved to on a day, and why.
public struct StatusChange: Sendable, Equatable {
    public var date: Day
    public var status: String
    public var note: String

    public init(date: Day, status: String, note: String) {
        self.date = date
        self.status = status
        self.note = note
    }
}
