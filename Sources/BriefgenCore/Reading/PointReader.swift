/// Reads `Content/points/<slug>.md`: a sticking point and the editors' overview.
public enum PointReader {
    public static let knownKeys: Set<String> = ["title", "status", "order", "keywords", "history", "summary", "slug"]

    public static func read(_ source: SourceText, slug: String) throws(Diagnostic) -> Point {
        let matter = try FrontMatter.parse(source)
        guard matter.line != nil else {
            throw Diagnostic(file: source.path, line: 1, "a point needs front matter between '---' lines (title, status, order, keywords)")
        }
        try matter.rejectMisspelledKeys(known: knownKeys)
        let title = try matter.requiredString("title")
        let status = try matter.requiredString("status").trimmingWhitespace.lowercased()
        let order = try matter.int("order") ?? 0
        let keywords = try matter.stringList("keywords") ?? []
        if keywords.isEmpty {
            throw Diagnostic(file: source.path, line: matter.line(of: "keywords"),
                             "the point has no 'keywords', so no article section can be matched to it")
        }
        if let empty = keywords.first(where: { !$0.hasWordCharacter }) {
            throw Diagnostic(file: source.path, line: matter.line(of: "keywords"),
                             "the keyword '\(empty)' has no letters or digits, so it can never match a section; remove it, or write a word ('guarantee*' matches any ending)")
        }
        var history: [StatusChange] = []
        for entry in try matter.mapList("history") ?? [] {
            guard let date = try entry.day("date") else {
                throw Diagnostic(file: source.path, line: entry.line, "a 'history' entry needs a 'date'")
            }
            history.append(StatusChange(date: date, status: try entry.requiredString("status").lowercased(),
                                        note: try entry.string("note") ?? ""))
        }
        history.sort { $0.date < $1.date }
        let overview = matter.body.trimmingWhitespace
        var summary = try matter.string("summary")
        if summary == nil { summary = Sentences.split(MarkdownPlainText.approximate(overview)).first ?? "" }
        return Point(slug: try matter.slug("slug") ?? slug, title: title, status: status, order: order, keywords: keywords,
                     history: history, summary: summary ?? "", overview: matter.body, overviewFirstLine: matter.bodyFirstLine,
                     sourcePath: source.path)
    }
}
