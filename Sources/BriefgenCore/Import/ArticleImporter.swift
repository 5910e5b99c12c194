import Foundation

/// `briefgen import`: a raw article becomes a Markdown page (or a JSON summary) with the points,
/// actors and quotes the analysis finds, so editors can review and correct them in front matter.
public struct ArticleImporter: Sendable {
    public struct Imported: Sendable {
        public var slug: String
        public var markdown: String
        public var json: String
        public var article: AnalysedArticle
        public var document: RawDocument
    }

    let points: [Point]
    let actors: [Actor]
    let analyzer: ArticleAnalyzer
    let reader: RawArticleReader

    /// Loads the points and actors of a content folder (the articles are not read).
    public init(contentDirectory: URL, displayPath: String) throws(DiagnosticList) {
        let loader = ContentLoader(directory: contentDirectory, displayPath: displayPath)
        var problems: [Diagnostic] = []
        var points: [Point] = []
        var actors: [Actor] = []
        for (folder, isPoint) in [("points", true), ("actors", false)] {
            let files = ContentLoader.files(in: contentDirectory.appendingPathComponent(folder).path, relativeTo: folder,
                                            shownFolder: loader.displayPath, extensions: ["md"], recursive: true,
                                            policy: loader.linkPolicy, problems: &problems)
            for relative in files {
                do throws(Diagnostic) {
                    let source = try loader.source(relative)
                    let slug = ContentLoader.slug(forFile: relative)
                    if isPoint { points.append(try PointReader.read(source, slug: slug)) } else { actors.append(try ActorReader.read(source, slug: slug)) }
                } catch {
                    problems.append(error)
                }
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        self.init(points: points, actors: actors)
    }

    public init(points: [Point], actors: [Actor]) {
        self.points = points.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
        self.actors = actors.sorted { $0.slug < $1.slug }
        analyzer = ArticleAnalyzer(points: self.points, actors: self.actors, basePath: "")
        reader = RawArticleReader(knownPeople: actors.filter { $0.kind == .person }.flatMap(\.names))
    }

    public func importFile(_ url: URL, displayPath: String) throws(Diagnostic) -> Imported {
        try importSource(try SourceText.read(fileAt: url, displayPath: displayPath))
    }

    public func importSource(_ source: SourceText) throws(Diagnostic) -> Imported {
        let lowered = source.path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            throw Diagnostic(file: source.path, "this is a Markdown page already; import turns raw .txt articles into Markdown pages")
        }
        let document = try reader.read(source)
        let fileName = PathText.lastComponent(source.path)
        let slug = Slug.make(PathText.removingExtension(fileName))
        let article = RawArticleAdapter.article(from: document, sourcePath: source.path, slug: slug)
        let analysed = analyzer.analyse(article)
        return Imported(slug: slug, markdown: ArticleImporter.markdownPage(analysed),
                        json: ArticleImporter.json(analysed, document: document, file: fileName),
                        article: analysed, document: document)
    }

    /// The page `import` writes: front matter the Markdown reader reads back to the same article.
    static func markdownPage(_ analysed: AnalysedArticle) -> String {
        let article = analysed.article
        var text = "---\n"
        text += "title: \(YAMLText.string(article.title))\n"
        text += "date: \(article.date.iso)\n"
        if let updated = article.updated { text += "updated: \(updated.iso)\n" }
        if let source = article.source { text += "source: \(YAMLText.string(source))\n" }
        if let url = article.url { text += "url: \(YAMLText.string(url))\n" }
        text += "points: \(YAMLText.slugList(analysed.points))\n"
        text += "actors: \(YAMLText.slugList(analysed.actors))\n"
        if analysed.quotes.isEmpty {
            text += "quotes: []\n"
        } else {
            text += "quotes:\n"
            for located in analysed.quotes {
                text += "  - text: \(YAMLText.string(located.quote.text))\n"
                if let speaker = located.quote.speaker { text += "    speaker: \(YAMLText.string(speaker))\n" }
                if let actor = located.quote.actor { text += "    actor: \(actor)\n" }
            }
        }
        text += "---\n\n"
        text += article.markdown
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// `file` is the raw file's name; `source`, `url` and `updated` mean what they mean in front matter.
    static func json(_ analysed: AnalysedArticle, document: RawDocument, file: String) -> String {
        let quotes = analysed.quotes.map { located in
            JSONText.object([
                ("text", JSONText.string(located.quote.text)),
                ("speaker", JSONText.optional(located.quote.speaker)),
                ("actor", JSONText.optional(located.quote.actor)),
            ])
        }
        return JSONText.object([
            ("file", JSONText.string(file)),
            ("source", JSONText.optional(analysed.article.source)),
            ("url", JSONText.optional(analysed.article.url)),
            ("date", JSONText.string(analysed.date.iso)),
            ("updated", JSONText.optional(analysed.article.updated?.iso)),
            ("title", JSONText.string(analysed.title)),
            ("headings", JSONText.array(document.headings.map { JSONText.string($0) })),
            ("quotes", JSONText.array(quotes)),
            ("points", JSONText.array(analysed.points.map { JSONText.string($0) })),
            ("actors", JSONText.array(analysed.actors.map { JSONText.string($0) })),
        ])
    }
}
