import Foundation

/// Builds the site: a short list of named, timed steps, like Zola's `Site::build()`.
///
///     read site → load templates → collect assets → prepare output → articles (read, analyse,
///     render each article's page) → briefing → plan pages → check links → render pages
///     → copy assets → commit
///
/// Pages go to a staging folder; `Output/` changes only in the last step, and only when every
/// step before it succeeded. `check` runs the same steps without writing anything.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called with each step's name as it starts (for `--verbose` and progress display).
    public var onStep: (@Sendable (String) -> Void)?
    /// Called as pages are written: (done, total).
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// What earlier builds learned about the articles. When nil, the cache in
    /// `options.cacheDirectory` is loaded (and saved after the build).
    public var cache: SummaryCache?
    /// Set by a process that exits right after the build (`briefgen build`): the build's data is
    /// then left for the operating system to reclaim instead of being freed object by object,
    /// which took a tenth of a rebuild (the same idea as clang's `-disable-free`).
    public var exitsAfterBuild = false

    public init(options: BuildOptions, cache: SummaryCache? = nil, onStep: (@Sendable (String) -> Void)? = nil,
                onProgress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.options = options
        self.cache = cache
        self.onStep = onStep
        self.onProgress = onProgress
    }

    public func build() throws(DiagnosticList) -> BuildReport {
        try run(writing: true)
    }

    /// Reads and checks everything and writes nothing: `briefgen check`.
    public func check() throws(DiagnosticList) -> BuildReport {
        try run(writing: false)
    }

    private var cacheFile: URL? {
        options.cacheDirectory?.appendingPathComponent(options.outputDirectory.lastPathComponent + ".summaries", isDirectory: true)
    }

    private func run(writing: Bool) throws(DiagnosticList) -> BuildReport {
        var timer = StepTimer(onStep: onStep)
        var problems: [Diagnostic] = []
        let linkPolicy = options.linkPolicy
        let loader = ContentLoader(directory: options.contentDirectory, displayPath: options.contentDisplayPath, engine: options.engine,
                                   linkPolicy: linkPolicy)

        // Settings, points, actors and the theme: everything the articles are read against.
        let loadedSite: SiteContent? = timer.step("read site") {
            do throws(DiagnosticList) {
                return try loader.loadSite(salt: "base-url:" + (options.baseURL ?? ""))
            } catch {
                problems += error.diagnostics
                return nil
            }
        }
        let templates: TemplateSet? = timer.step("load templates") {
            do throws(DiagnosticList) {
                return try TemplateSet.load(from: options.templatesDirectory, displayPath: options.templatesDisplayPath,
                                            linkPolicy: linkPolicy)
            } catch {
                problems += error.diagnostics
                return nil
            }
        }
        if let baseURL = options.baseURL, baseURL != "/", let problem = SiteConfig.baseURLProblem(baseURL) {
            problems.append(Diagnostic(file: "--base-url", "should be an absolute http(s) URL such as https://example.org/briefings/, not '\(baseURL)': \(problem)"))
        }
        if writing, let overlap = SiteBuilder.outputOverlap(options) { problems.append(overlap) }
        guard var site = loadedSite else { throw DiagnosticList(problems) }
        guard let templates, problems.isEmpty else {
            // Report the articles' problems along with the theme's, so one run shows everything.
            let pass = ArticlePass(loader: loader, site: site, options: options, cache: SummaryCache(), output: nil,
                                   newest: NewestBodies(limit: 0))
            let articles = loader.articleFiles()
            throw DiagnosticList(problems + articles.problems + pass.run(articles.files, onProgress: nil).flatMap(\.problems))
        }
        if let baseURL = options.baseURL { site.config.baseURL = SiteConfig.normalisedBaseURL(baseURL) }
        // Heading ids step aside for the ids the theme's article page has: they are part of what
        // an article's analysis (and so its cached summary) depends on.
        let reservedIDs = templates.literalIDs(ofPage: "article")
        for id in reservedIDs.sorted() { site.analysisInputs.update(id) }

        let routes = Routes(config: site.config)
        let assets: Assets = try timer.step("collect assets") { () throws(DiagnosticList) in
            try Assets.collect(themeAssets: options.templatesDirectory.appendingPathComponent("assets"),
                               siteStatic: options.contentDirectory.appendingPathComponent("static"), routes: routes,
                               themeAssetsShown: options.templatesDisplayPath + "/assets",
                               siteStaticShown: options.contentDisplayPath + "/static",
                               linkPolicy: linkPolicy.excluding([(options.outputDirectory.path, options.outputDirectory.lastPathComponent)]
                                   + (options.cacheDirectory.map { [($0.path, $0.lastPathComponent)] } ?? [])))
        }
        var renderInputs = site.analysisInputs
        renderInputs.update(templates.fingerprint.description)
        for (name, url) in assets.urls.sorted(by: { $0.key < $1.key }) {
            renderInputs.update(name)
            renderInputs.update(url)
        }

        let writer: OutputWriter? = try timer.step("prepare output") { () throws(DiagnosticList) in
            guard writing else { return nil }
            do throws(Diagnostic) {
                let manifest = options.cacheDirectory?.appendingPathComponent(options.outputDirectory.lastPathComponent + ".manifest")
                return try OutputWriter(output: options.outputDirectory, manifestURL: manifest, fresh: options.fresh)
            } catch {
                throw DiagnosticList([error])
            }
        }
        do throws(DiagnosticList) {
            let report = try build(site: site, loader: loader, templates: templates, reservedIDs: reservedIDs, assets: assets,
                                   routes: routes, renderInputs: renderInputs, writer: writer, timer: &timer)
            return report
        } catch {
            writer?.discard()
            throw error
        }
    }

    private func build(site: SiteContent, loader: ContentLoader, templates: TemplateSet, reservedIDs: Set<String>, assets: Assets, routes: Routes,
                       renderInputs: ContentHash, writer: OutputWriter?, timer: inout StepTimer) throws(DiagnosticList) -> BuildReport {
        let (files, listingProblems) = loader.articleFiles()
        guard listingProblems.isEmpty else { throw DiagnosticList(listingProblems) }
        let (key, stamps) = timer.step("look for changes") {
            let stamps = Parallel.map(files) { SummaryCache.stamp(of: loader.directoryPath + "/" + $0) }
            return (SiteBuilder.buildKey(renderInputs: renderInputs, options: options, assets: assets, files: files, stamps: stamps), stamps)
        }
        if let writer, !options.fresh, let previous = writer.previousBuild, previous.key == key,
           previous.horizon.map({ options.now < $0 }) ?? true, previous.floor.map({ options.now >= $0 }) ?? true,
           timer.step("check output", { writer.previousOutputIntact() }) {
            // Same inputs, same articles, the output untouched: the site is already built.
            var report = BuildReport()
            report.output = writer.keepEverything()
            report.mode = writer.mode
            report.steps = timer.report.steps
            report.articles = previous.articles
            report.skippedDrafts = previous.skippedDrafts
            report.skippedFuture = previous.skippedFuture
            report.pagesByKind = previous.pagesByKind
            return report
        }

        let cache = self.cache ?? cacheFile.map { url in timer.step("load cache") { SummaryCache.load(from: url) } } ?? SummaryCache()
        // A fresh build trusts nothing from before.
        cache.prepare(inputs: site.analysisInputs, discardingEverything: options.fresh)

        let articlePages = ArticlePages(config: site.config, points: site.points, actors: site.actors, assetURLs: assets.urls,
                                        renderInputs: renderInputs)
        let feedSize = 20
        let newest = NewestBodies(limit: feedSize)
        let pass = ArticlePass(loader: loader, site: site, options: options, cache: cache,
                               output: (articlePages, templates, writer), newest: newest, reservedIDs: reservedIDs)
        let progress = ProgressCounter()
        let onProgress = self.onProgress
        let total = files.count
        let outcomes = timer.step("articles") {
            pass.run(files, stamps: stamps) { if let onProgress { onProgress(progress.increment(), total) } }
        }
        cache.dropUnseen()
        let pendingSave = writer != nil && self.cache == nil ? cacheFile.map(cache.saveInBackground) : nil
        // Every way out of this function waits for the save: the cache folder is never left half-written.
        defer { try? pendingSave?.wait() }

        var problems = outcomes.flatMap(\.problems)
        let summaries = outcomes.compactMap(\.summary)
        let duplicates = ContentLoader.duplicateSlugs(summaries.map { ($0.slug, $0.sourcePath) }, kind: "article")
        problems += duplicates
        if duplicates.isEmpty, outcomes.contains(where: \.collided) {
            problems.append(Diagnostic(file: options.contentDisplayPath, "two articles would be written to the same page"))
        }
        let published = outcomes.filter { $0.excluded == nil }.compactMap(\.summary)

        // A point's status change dated after --now is left out until its day, as a future article
        // is (a history entry of 2099 was published at once).
        let points = options.includeFuture ? site.points : site.points.map { point in
            var shown = point
            shown.history.removeAll { $0.date > options.now }
            return shown
        }
        let briefing = timer.step("briefing") {
            Briefing(config: site.config, points: points, actors: site.actors, articles: published)
        }
        let pages = timer.step("plan pages") {
            PagePlanner(briefing: briefing, assetURLs: assets.urls, feedSize: feedSize, renderInputs: renderInputs,
                        reservedIDs: SiteBuilder.reservedIDs(templates)) { summary in
                if let html = newest.html(summary.slug) { return html }
                let relative = String(summary.sourcePath.dropFirst(loader.displayPath.count + 1))
                return (try? pass.reanalyse(relative).body.html) ?? ""
            }.pages()
        }
        timer.step("check links") {
            let withheld = outcomes.compactMap { outcome -> (article: ArticleSummary, reason: String)? in
                guard let summary = outcome.summary, outcome.excluded != nil else { return nil }
                let future = summary.date > options.now && !options.includeFuture
                let draft = summary.draft && !options.includeDrafts
                let dated = "dated \(summary.date.iso), after the day the site is built for"
                switch (draft, future) {
                case (true, true): return (summary, "it is a draft, \(dated) (--drafts and --future publish it)")
                case (true, false): return (summary, "it is a draft (--drafts publishes drafts)")
                default: return (summary, "it is \(dated) (--future publishes it)")
                }
            }
            problems += SiteBuilder.checkLinks(site: site, summaries: published, withheld: withheld, pages: pages, assets: assets, routes: routes,
                                               reservedIDs: SiteBuilder.reservedIDs(templates))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }

        var report = BuildReport()
        if writer == nil {
            // `check` renders every page a build would and drops it: partials that include each
            // other without end, or too many times, are found here as in a build.
            _ = try timer.step("render pages") { () throws(DiagnosticList) in
                try render(pages, with: templates, into: nil)
            }
            let unknownNames = templates.namesNoPageHad()
            guard unknownNames.isEmpty else { throw DiagnosticList(unknownNames) }
            let clashes = OutputWriter.clashes(articlePaths: published.map { articlePages.outputPath($0.slug) },
                                               pagePaths: pages.map(\.outputPath),
                                               files: assets.files.map { ($0.outputPath, options.shownPath($0.source)) })
            guard clashes.isEmpty else { throw DiagnosticList(clashes) }
        }
        if let writer {
            let rendered = try timer.step("render pages") { () throws(DiagnosticList) in
                try render(pages, with: templates, into: writer)
            }
            // Misspelt names, once every page has been rendered with these templates (a fresh
            // build, or one after a theme change); a build that kept pages saw only some.
            if rendered == pages.count, outcomes.filter(\.rendered).count == published.count {
                let unknownNames = templates.namesNoPageHad()
                guard unknownNames.isEmpty else { throw DiagnosticList(unknownNames) }
            }
            try timer.step("copy assets") { () throws(DiagnosticList) in
                // Every file that cannot be published is reported, not only the first.
                var failures: [Diagnostic] = []
                for file in assets.files {
                    do throws(Diagnostic) {
                        try writer.copy(file.source, to: file.outputPath, hash: file.hash, shown: options.shownPath(file.source))
                    } catch {
                        failures.append(error)
                    }
                }
                if !failures.isEmpty { throw DiagnosticList(failures) }
            }
            // The next day something held back is due, and the newest day shown: a build with --now
            // outside them must not take the nothing-changed shortcut.
            let future = (outcomes.filter { $0.excluded == .future }.compactMap(\.summary?.date)
                + site.points.flatMap(\.history).map(\.date).filter { $0 > options.now }).min()
            let newestShown = (published.map(\.date) + points.flatMap(\.history).map(\.date)).max()
            var kinds: [Page.Kind: Int] = [.article: published.count]
            for page in pages { kinds[page.kind, default: 0] += 1 }
            writer.build = Manifest.BuildStamp(key: key, horizon: options.includeFuture ? nil : future,
                                               floor: options.includeFuture ? nil : newestShown, articles: published.count,
                                               skippedDrafts: outcomes.filter { $0.excluded == .draft }.count,
                                               skippedFuture: outcomes.filter { $0.excluded == .future }.count, pagesByKind: kinds)
            // A cache that could not be saved fails the build before Output/ is touched.
            try timer.step("save cache") { () throws(DiagnosticList) in
                do throws(Diagnostic) {
                    try pendingSave?.wait()
                } catch {
                    throw DiagnosticList([error])
                }
            }
            let summary = try timer.step("commit") { () throws(DiagnosticList) in
                do throws(Diagnostic) {
                    return try writer.commit()
                } catch {
                    throw DiagnosticList([error])
                }
            }
            report.output = summary
            report.mode = writer.mode
            report.rendered = rendered + outcomes.filter(\.rendered).count
        }
        report.steps = timer.report.steps
        report.articles = published.count
        report.skippedDrafts = outcomes.filter { $0.excluded == .draft }.count
        report.skippedFuture = outcomes.filter { $0.excluded == .future }.count
        for page in pages { report.pagesByKind[page.kind, default: 0] += 1 }
        report.pagesByKind[.article, default: 0] += published.count
        if exitsAfterBuild { ProcessLifetime.keep((cache, outcomes, briefing, pages)) }
        return report
    }

    /// The output folder is replaced wholesale, so it must not be, hold or sit inside the content
    /// or theme folder: `--output Content/static` would publish into the sources, `--output .` could
    /// wipe them.
    static func outputOverlap(_ options: BuildOptions) -> Diagnostic? {
        // Links are resolved in the part of the path that exists: an output folder the build is
        // about to create under a link to Content/ (`clink/static/site`) is inside Content/ too.
        func resolved(_ url: URL) -> String {
            var existing = url.standardizedFileURL.path
            var rest: [String] = []
            while FileSystem.realPath(existing) == nil, existing != "/", !existing.isEmpty {
                rest.insert(PathText.lastComponent(existing), at: 0)
                existing = PathText.parent(existing)
            }
            let base = FileSystem.realPath(existing) ?? existing
            return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.joined(separator: "/")
        }
        let output = resolved(options.outputDirectory)
        for (folder, shown) in [(options.contentDirectory, options.contentDisplayPath), (options.templatesDirectory, options.templatesDisplayPath)] {
            let source = resolved(folder)
            if output == source || output.hasPrefix(source + "/") || source.hasPrefix(output + "/") {
                return Diagnostic(file: "--output", "the output folder \(options.outputDirectory.path) overlaps the folder \(shown); choose a folder outside it")
            }
        }
        return nil
    }

    /// Everything a build's output depends on: the site inputs and theme (`renderInputs`), the
    /// publishing options, every asset and static file (pages do not depend on an image's bytes,
    /// the site does), and each article file's size, modification and status-change times and inode.
    static func buildKey(renderInputs: ContentHash, options: BuildOptions, assets: Assets, files: [String],
                         stamps: [SummaryCache.FileStamp?]) -> ContentHash {
        var key = renderInputs
        key.update(options.includeDrafts ? 1 : 0)
        key.update(options.includeFuture ? 1 : 0)
        key.update(assets.files.count)
        for file in assets.files {
            key.update(file.outputPath)
            key.update(file.hash.description)
        }
        key.update(files.count)
        for (file, stamp) in zip(files, stamps) {
            key.update(file)
            key.update(stamp?.size ?? -1)
            key.update(stamp?.modified ?? -1)
            key.update(stamp?.changed ?? -1)
            key.update(Int(truncatingIfNeeded: stamp?.inode ?? 0))
        }
        return key
    }

    /// Links written in Markdown (articles, point overviews, actor notes) must lead to a page or
    /// file of the site, and anchors to an id on it.
    /// The ids the point and actor pages' templates write themselves, which ids made from a
    /// point's overview or an actor's notes step aside for (as an article's headings do).
    static func reservedIDs(_ templates: TemplateSet) -> [String: Set<String>] {
        ["article": templates.literalIDs(ofPage: "article"), "point": templates.literalIDs(ofPage: "point"),
         "actor": templates.literalIDs(ofPage: "actor")]
    }

    static func checkLinks(site: SiteContent, summaries: [ArticleSummary], withheld: [(article: ArticleSummary, reason: String)] = [],
                           pages: [Page], assets: Assets, routes: Routes, reservedIDs: [String: Set<String>] = [:]) -> [Diagnostic] {
        // The ids the theme writes into a page are anchors of it too: `[skip](#main)` leads somewhere.
        let articlePageIDs = reservedIDs["article"] ?? []
        let checker = LinkChecker(pages: pages, assetPaths: assets.files.map(\.outputPath), articles: summaries, routes: routes,
                                  articlePageIDs: articlePageIDs, withheld: withheld)
        var problems: [Diagnostic] = []
        for article in summaries where !article.links.isEmpty {
            problems += checker.check(article.links, onPage: LinkChecker.strip(routes.article(article.slug), basePath: routes.basePath),
                                      ownAnchors: Set(article.anchors.all).union(articlePageIDs), file: article.sourcePath)
        }
        let pointRenderer = MarkdownRenderer(basePath: "", reservedIDs: reservedIDs["point"] ?? [])
        let actorRenderer = MarkdownRenderer(basePath: "", reservedIDs: reservedIDs["actor"] ?? [])
        for point in site.points {
            let body = pointRenderer.render(point.overview, firstLine: point.overviewFirstLine)
            problems += checker.check(body.links, onPage: "/points/\(point.slug)/", ownAnchors: body.anchors.union(reservedIDs["point"] ?? []),
                                      file: point.sourcePath)
        }
        for actor in site.actors {
            let body = actorRenderer.render(actor.bio, firstLine: actor.bioFirstLine)
            problems += checker.check(body.links, onPage: "/actors/\(actor.slug)/", ownAnchors: body.anchors.union(reservedIDs["actor"] ?? []),
                                      file: actor.sourcePath)
        }
        return problems
    }

    /// Renders every page in parallel and hands each straight to the writer, so no more than a
    /// page per core is held in memory. Returns how many were rendered (the others were kept).
    /// With no writer (`check`) every page is rendered and dropped.
    @discardableResult
    func render(_ pages: [Page], with templates: TemplateSet, into writer: OutputWriter?) throws(DiagnosticList) -> Int {
        let total = pages.count
        let counter = ProgressCounter()
        let rendered = ProgressCounter()
        let onProgress = self.onProgress
        let failures: [Diagnostic?] = Parallel.map(pages) { page in
            do throws(Diagnostic) {
                // A page rendered under the same fingerprint last time is kept as it is.
                if try writer?.keep(page.outputPath, fingerprint: page.fingerprint) != true {
                    let html = try templates.renderPage(page.template, page.context())
                    if let writer {
                        try writer.write(page.outputPath, bytes: html, fingerprint: page.fingerprint)
                        _ = rendered.increment()
                    }
                }
            } catch {
                return error
            }
            if let onProgress { onProgress(counter.increment(), total) }
            return nil
        }
        let problems = failures.compactMap { $0 }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return rendered.value
    }
}

/// Values that stay allocated until the process exits.
enum ProcessLifetime {
    private final class Holder<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Holder(value))
    }
}

/// A counter shared by worker threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
