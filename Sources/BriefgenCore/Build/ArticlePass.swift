import Foundation

/// The pass over the articles: each is read, analysed and (when building) rendered to its page in
/// one go, in parallel, and only its summary is kept.
///
/// An article whose file did not change since the cached build is not read at all; its page is
/// not rendered again when the output already holds it under the same fingerprint.
struct ArticlePass: Sendable {
    struct Outcome: Sendable {
        var summary: ArticleSummary?
        var problems: [Diagnostic] = []
        var excluded: Exclusion?
        var rendered = false
        /// The page collided with another article's (the duplicate-slug check reports it).
        var collided = false
    }

    enum Exclusion: Sendable { case draft, future }

    let loader: ContentLoader
    let site: SiteContent
    let options: BuildOptions
    let analyzer: ArticleAnalyzer
    let rawReader: RawArticleReader
    let cache: SummaryCache
    let pointSlugs: Set<String>
    let actorSlugs: Set<String>
    /// How pages are rendered, and where they are written: no writer for `check`, which renders
    /// every page as a build does (so a template that runs away is found) and writes nothing; nil
    /// when the theme failed to load and only the articles' own problems are wanted.
    let output: (pages: ArticlePages, templates: TemplateSet, writer: OutputWriter?)?
    let newest: NewestBodies

    /// - Parameter reservedIDs: ids the theme's article page has, which heading ids avoid.
    init(loader: ContentLoader, site: SiteContent, options: BuildOptions, cache: SummaryCache,
         output: (pages: ArticlePages, templates: TemplateSet, writer: OutputWriter?)?, newest: NewestBodies,
         reservedIDs: Set<String> = []) {
        self.loader = loader
        self.site = site
        self.options = options
        self.cache = cache
        self.output = output
        self.newest = newest
        analyzer = ArticleAnalyzer(points: site.points, actors: site.actors, basePath: site.config.basePath, reservedIDs: reservedIDs)
        rawReader = RawArticleReader(knownPeople: site.actors.filter { $0.kind == .person }.flatMap(\.names))
        pointSlugs = Set(site.points.map(\.slug))
        actorSlugs = Set(site.actors.map(\.slug))
    }

    /// - Parameter stamps: the files' stamps when already taken, else each file is looked at here.
    func run(_ files: [String], stamps: [SummaryCache.FileStamp?]? = nil, onProgress: (@Sendable () -> Void)?) -> [Outcome] {
        Parallel.map(Array(files.indices)) { index in
            let outcome = process(files[index], stamp: stamps.map { $0[index] })
            onProgress?()
            return outcome
        }
    }

    func process(_ relative: String, stamp knownStamp: SummaryCache.FileStamp?? = nil) -> Outcome {
        let shown = loader.displayPath + "/" + relative
        let path = loader.directoryPath + "/" + relative
        var outcome = Outcome()
        guard let stamp = knownStamp ?? SummaryCache.stamp(of: path) else {
            outcome.problems = [Diagnostic(file: shown, "cannot read the file: \(FileSystem.statFailure(path))")]
            return outcome
        }
        var analysed: AnalysedArticle?
        var entry = cache.entry(shown)
        if entry?.stamp != stamp {
            do throws(Diagnostic) {
                let data = try FileSystem.read(path, shown: shown)
                let hash = SourceText.hash(of: data)
                if var touched = entry, touched.summary.sourceHash == hash {
                    // Saved again without a change: the summary still holds.
                    touched.stamp = stamp
                    entry = touched
                } else {
                    let article = try ContentLoader.article(from: SourceText.decode(data, path: shown),
                                                            slug: ContentLoader.slug(forFile: relative), rawReader: rawReader)
                    let result = analyzer.analyse(article)
                    analysed = result
                    entry = SummaryCache.Entry(stamp: stamp, summary: ArticleSummary(result),
                                               problems: ReferenceChecker.problems(of: article, points: pointSlugs, actors: actorSlugs))
                }
                cache.store(shown, entry!)
            } catch {
                cache.remove(shown)
                outcome.problems = [error]
                return outcome
            }
        }
        guard let entry else { return outcome }
        let summary = entry.summary
        outcome.summary = summary
        outcome.problems = entry.problems
        if summary.draft && !options.includeDrafts { outcome.excluded = .draft; return outcome }
        if summary.date > options.now && !options.includeFuture { outcome.excluded = .future; return outcome }

        if let (pages, templates, writer) = output {
            let path = pages.outputPath(summary.slug)
            let fingerprint = pages.fingerprint(slug: summary.slug, identity: summary.identity)
            do throws(Diagnostic) {
                // `check` (no writer) keeps nothing: it renders every page and drops it.
                if try writer?.keep(path, fingerprint: fingerprint) != true {
                    if analysed == nil { analysed = try reanalyse(relative) }
                    if let analysed {
                        let bytes = try templates.renderPage("article", pages.context(analysed))
                        if let writer {
                            try writer.write(path, bytes: bytes, fingerprint: fingerprint)
                            outcome.rendered = true
                        }
                    }
                }
            } catch {
                if error.message.hasPrefix("two pages") { outcome.collided = true } else { outcome.problems.append(error) }
            }
        }
        if let analysed { newest.offer(summary, html: analysed.body.html) }
        return outcome
    }

    /// Reads and analyses an article again (its summary came from the cache, but its page or its
    /// body is needed).
    func reanalyse(_ relative: String) throws(Diagnostic) -> AnalysedArticle {
        let shown = loader.displayPath + "/" + relative
        let data = try FileSystem.read(loader.directoryPath + "/" + relative, shown: shown)
        let article = try ContentLoader.article(from: SourceText.decode(data, path: shown),
                                                slug: ContentLoader.slug(forFile: relative), rawReader: rawReader)
        return analyzer.analyse(article)
    }
}

/// The bodies of the newest articles seen in the pass, for the site feed's full-content entries.
final class NewestBodies: @unchecked Sendable {
    private let lock = NSLock()
    private let limit: Int
    private var kept: [(date: Day, slug: String, html: String)] = []

    init(limit: Int) { self.limit = limit }

    func offer(_ summary: ArticleSummary, html: String) {
        lock.withLock {
            if kept.count == limit, let oldest = kept.last, (summary.date, oldest.slug) < (oldest.date, summary.slug) { return }
            kept.append((summary.date, summary.slug, html))
            kept.sort { $0.date != $1.date ? $0.date > $1.date : $0.slug < $1.slug }
            if kept.count > limit { kept.removeLast() }
        }
    }

    func html(_ slug: String) -> String? {
        lock.withLock { kept.first { $0.slug == slug }?.html }
    }
}
