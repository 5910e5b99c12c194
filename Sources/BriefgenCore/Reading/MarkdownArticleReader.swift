/// Reads an article written as Markdown with YAML front matter.
public enum MarkdownArticleReader {
    public static let knownKeys: Set<String> = [
        "title", "date", "source", "url", "points", "actors", "draft", "slug", "summary", "description", "quotes",
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
                       title: try matter.requiredString("title"), date: date, source: try matter.string("source"),
                       url: try matter.webURL("url"), draft: try matter.bool("draft") ?? false,
                       declaredPoints: try matter.stringList("points"), declaredActors: try matter.stringList("actors"),
                       quotes: quotes, summary: summary,
                       markdown: matter.body, bodyFirstLine: matter.bodyFirstLine, lines: lines, sourceHash: source.hash)
    }
}

/// Turns a raw `.txt` source into the same `Article` value a Markdown page would give.
public enum RawArticleAdapter {
    public static func article(from document: RawDocument, sourcePath: String, slug: String,
                               sourceHash: ContentHash = ContentHash()) -> Article {
        Article(slug: slug, sourcePath: sourcePath, format: .raw, title: document.title, date: document.date,
                source: document.source, url: document.url, quotes: document.quotes,
                markdown: RawMarkdownWriter.markdown(for: document.blocks), bodyFirstLine: 1, sourceHash: sourceHash)
    }
}
