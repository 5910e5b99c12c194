import Foundation

/// Builds the site: a short list of named, timed steps, each a function of the one before.
///
///     read content → load templates → collect assets → analyse articles → briefing → plan pages
///         → check links → prepare output → render and write → copy assets → commit
///
/// Nothing touches `Output/` until the last step; any problem before it leaves `Output/` as it was.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Called with each step's name as it starts (for `--verbose` and progress display).
    public var onStep: (@Sendable (String) -> Void)?
    /// Called as pages are written: (done, total).
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// Analysed articles kept between builds of one process (`briefgen serve`).
    public var cache: ArticleCache?

    public init(options: BuildOptions, cache: ArticleCache? = nil, onStep: (@Sendable (String) -> Void)? = nil,
                onProgress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.options = options
        self.cache = cache
        self.onStep = onStep
        self.onProgress = onProgress
    }

    public func build() throws(DiagnosticList) -> BuildReport {
        var timer = StepTimer(onStep: onStep)
        let site = try SitePreparer(options: options, cache: cache).prepare(&timer)
        let writer = try timer.step("prepare output") { () throws(DiagnosticList) in
            do throws(Diagnostic) {
                let manifest = options.cacheDirectory?.appendingPathComponent(options.outputDirectory.lastPathComponent + ".manifest")
                return try OutputWriter(output: options.outputDirectory, manifestURL: manifest, fresh: options.fresh)
            } catch {
                throw DiagnosticList([error])
            }
        }
        do throws(DiagnosticList) {
            let rendered = try timer.step("render and write pages") { () throws(DiagnosticList) in
                try render(site.pages, with: site.templates, into: writer)
            }
            try timer.step("copy assets") { () throws(DiagnosticList) in
                do throws(Diagnostic) {
                    for file in site.assets.files { try writer.copy(file.source, to: file.outputPath, hash: file.hash) }
                } catch {
                    throw DiagnosticList([error])
                }
            }
            let summary = try timer.step("commit") { () throws(DiagnosticList) in
                do throws(Diagnostic) { return try writer.commit() } catch { throw DiagnosticList([error]) }
            }
            timer.update { report in
                report.output = summary
                report.mode = writer.mode
                report.articles = site.content.articles.count
                report.skippedDrafts = site.skippedDrafts
                report.skippedFuture = site.skippedFuture
                report.rendered = rendered
                for page in site.pages { report.pagesByKind[page.kind, default: 0] += 1 }
            }
        } catch {
            writer.discard()
            throw error
        }
        return timer.report
    }

    /// Reads and checks everything and writes nothing: `briefgen check`.
    public func check() throws(DiagnosticList) -> BuildReport {
        var timer = StepTimer(onStep: onStep)
        let site = try SitePreparer(options: options, cache: cache).prepare(&timer)
        timer.update { report in
            report.articles = site.content.articles.count
            for page in site.pages { report.pagesByKind[page.kind, default: 0] += 1 }
        }
        return timer.report
    }

    /// Renders every page in parallel and hands each straight to the writer, so no more than a
    /// page per core is held in memory.
    /// Returns how many pages were rendered (the others were kept from the previous build).
    @discardableResult
    func render(_ pages: [Page], with templates: TemplateSet, into writer: OutputWriter) throws(DiagnosticList) -> Int {
        let total = pages.count
        let counter = ProgressCounter()
        let onProgress = self.onProgress
        let rendered = ProgressCounter()
        let failures: [Diagnostic?] = Parallel.map(pages) { page in
            do throws(Diagnostic) {
                // A page rendered under the same fingerprint last time is kept as it is.
                if try !writer.keep(page.outputPath, fingerprint: page.fingerprint) {
                    let html = templates.render(page.template, page.context())
                    try writer.write(page.outputPath, html, fingerprint: page.fingerprint)
                    _ = rendered.increment()
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

/// A counter shared by rendering threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value_ = 0

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return value_
    }

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value_ += 1
        return value_
    }
}
