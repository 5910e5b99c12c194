import Foundation

/// Everything a build knows before it writes anything.
public struct PreparedSite: Sendable {
    public var content: SiteContent
    public var templates: TemplateSet
    public var assets: Assets
    public var analysed: [AnalysedArticle]
    public var briefing: Briefing
    public var pages: [Page]
    /// Articles left out as drafts or as dated after `now`.
    public var skippedDrafts: Int
    public var skippedFuture: Int
}

/// The reading and checking half of a build, shared by `briefgen build` and `briefgen check`.
///
/// Every stage that can run does run, so one pass reports all the problems: content errors,
/// template errors, unknown references and broken links together.
struct SitePreparer {
    let options: BuildOptions
    /// Analysed articles from a previous build in this process, reused when unchanged.
    let cache: ArticleCache?

    func prepare(_ timer: inout StepTimer) throws(DiagnosticList) -> PreparedSite {
        var problems: [Diagnostic] = []

        let loadedContent: SiteContent? = timer.step("read content") {
            do throws(DiagnosticList) {
                return try ContentLoader(directory: options.contentDirectory, displayPath: options.contentDisplayPath)
                    .load(cache: cache, salt: "base-url:" + (options.baseURL ?? ""))
            } catch {
                problems += error.diagnostics
                return nil
            }
        }
        let templates: TemplateSet? = timer.step("load templates") {
            do throws(DiagnosticList) {
                return try TemplateSet.load(from: options.templatesDirectory, displayPath: options.templatesDisplayPath)
            } catch {
                problems += error.diagnostics
                return nil
            }
        }
        if let baseURL = options.baseURL, baseURL != "/", !SiteConfig.isValidBaseURL(baseURL) {
            problems.append(Diagnostic(file: "--base-url", "should be an absolute http(s) URL such as https://example.org/briefings/, not '\(baseURL)'"))
        }
        guard var content = loadedContent, let templates, problems.isEmpty else { throw DiagnosticList(problems) }

        if let baseURL = options.baseURL { content.config.baseURL = SiteConfig.normalisedBaseURL(baseURL) }
        let published = content.articles.filter { article in
            (options.includeDrafts || !article.draft) && (options.includeFuture || article.date <= options.now)
        }
        let skippedDrafts = options.includeDrafts ? 0 : content.articles.filter(\.draft).count
        let skippedFuture = options.includeFuture ? 0 : content.articles.filter { !$0.draft && $0.date > options.now }.count
        problems += ReferenceChecker.references(in: content)
        content.articles = published

        let routes = Routes(config: content.config)
        let assets: Assets? = timer.step("collect assets") {
            do throws(Diagnostic) {
                return try Assets.collect(themeAssets: options.templatesDirectory.appendingPathComponent("assets"),
                                          siteStatic: options.contentDirectory.appendingPathComponent("static"), routes: routes)
            } catch {
                problems.append(error)
                return nil
            }
        }
        let analyzer = ArticleAnalyzer(points: content.points, actors: content.actors, basePath: content.config.basePath)
        let analysed = timer.step("analyse articles") {
            Parallel.map(content.articles) { article in
                cache?.lookup(path: article.sourcePath, hash: article.sourceHash) ?? analyzer.analyse(article)
            }
        }
        cache?.store(analysed)
        let briefing = timer.step("briefing") { Briefing(content: content, articles: analysed) }
        var renderInputs = content.analysisInputs
        renderInputs.update(templates.fingerprint.description)
        for (name, url) in (assets?.urls ?? [:]).sorted(by: { $0.key < $1.key }) {
            renderInputs.update(name)
            renderInputs.update(url)
        }
        let pages = timer.step("plan pages") {
            PagePlanner(briefing: briefing, assetURLs: assets?.urls ?? [:], renderInputs: renderInputs).pages()
        }
        timer.step("check links") {
            let checker = LinkChecker(pages: pages, assetPaths: assets?.files.map(\.outputPath) ?? [], articles: analysed, routes: routes)
            for article in analysed {
                problems += checker.check(article.body.links, onPage: LinkChecker.strip(routes.article(article.slug), basePath: routes.basePath),
                                          ownAnchors: article.body.anchors, file: article.article.sourcePath)
            }
            let renderer = MarkdownRenderer(basePath: "")
            for point in content.points {
                let body = renderer.render(point.overview, firstLine: point.overviewFirstLine)
                problems += checker.check(body.links, onPage: "/points/\(point.slug)/", ownAnchors: body.anchors, file: point.sourcePath)
            }
            for actor in content.actors {
                let body = renderer.render(actor.bio, firstLine: actor.bioFirstLine)
                problems += checker.check(body.links, onPage: "/actors/\(actor.slug)/", ownAnchors: body.anchors, file: actor.sourcePath)
            }
        }
        guard problems.isEmpty, let assets else { throw DiagnosticList(problems) }
        return PreparedSite(content: content, templates: templates, assets: assets, analysed: analysed, briefing: briefing,
                            pages: pages, skippedDrafts: skippedDrafts, skippedFuture: skippedFuture)
    }
}
