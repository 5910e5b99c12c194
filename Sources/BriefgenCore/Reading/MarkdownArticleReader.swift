/// Reads an article written as Markdown with YAML front matter.
public enum MarkdownArticleReader {
    public static let knownKeys: Set<String> = [
        "title", "date", "updated", "lastmod", "source", "url", "points", "actors", "draft", "slug", "summary", "description", "quotes",
    ]

    public static func read(_ source: SourceText, slug: String) throws(Diagnostic) -> Article {
        let matter = try FrontMatter.parse(source)
        guard matter.line != nil else {
            throw Diagnostic(file: source.path, line: 1, "a Markdown article needs front matter between '---' lines, with at least 'title' and 'date'")
        }
        try matter.rejectMisspelledKeys(known: knownKeys)
        guard let date = try matter.day("date") else {
            throw Diagnostic(file: source.path, line: matter.line ?? 1, "the front matter has no 'date' (write it as date: YYYY-MM-DD)")
        }
        let updated = try MarkdownArticleReader.updated(matter, date: date)
        var quotes: [Quote]?
        if let entries = try matter.mapList("quotes") {
            quotes = []
            for entry in entries {
                quotes!.append(Quote(text: try entry.requiredString("text"), speaker: try entry.string("speaker"),
                                     actor: try entry.string("actor")))
            }
        }
        var summary = try matter.string("summary")
        if summary == nil { summary = try matter.string("description") }
        var lines: [String: Int] = [:]
        for entry in matter.entries { lines[entry.key] = entry.line }
        return Article(slug: try matter.slug("slug") ?? slug, sourcePath: source.path, format: .markdown,
                       title: try matter.requiredString("title"), date: date, updated: updated, source: try matter.string("source"),
                       url: try matter.webURL("url"), draft: try matter.bool("draft") ?? false,
                       declaredPoints: try matter.stringList("points"), declaredActors: try matter.stringList("actors"),
                       quotes: quotes, summary: summary,
                       markdown: matter.body, bodyFirstLine: matter.bodyFirstLine, lines: lines, sourceHash: source.hash)
    }

    /// `updated:` (Zola's name) or `lastmod:` (Hugo's), not both; a day before the article's own
    /// date is a slip of the keyboard, and the same day says nothing.
    static func updated(_ matter: FrontMatter, date: Day) throws(Diagnostic) -> Day? {
        if matter["updated"] != nil, matter["lastmod"] != nil {
            throw Diagnostic(file: matter.file, line: matter.line(of: "lastmod"), "'lastmod' and 'updated' say the same thing; keep one")
        }
        let key = matter["lastmod"] != nil ? "lastmod" : "updated"
        guard let updated = try matter.day(key) else { return nil }
        guard updated >= date else {
            throw Diagnostic(file: matter.file, line: matter.line(of: key), "'\(key)' is \(updated.iso), before the article's date, \(date.iso)")
        }
        return updated > date ? updated : nil
    }
}

/// Turns a raw `.txt` source into the same `Article` value a Markdown page would give.
public enum RawArticleAdapter {
    public static func article(from document: RawDocument, sourcePath: String, slug: String,
                               sourceHash: ContentHash = ContentHash()) -> Article {
        Article(slug: slug, sourcePath: sourcePath, format: .raw, title: document.title, date: document.date,
                updated: document.updated, source: document.source, url: document.url, quotes: document.quotes,
                markdown: RawMarkdownWriter.markdown(for: document.blocks), bodyFirstLine: 1, sourceHash: sourceHash)
    }
}
