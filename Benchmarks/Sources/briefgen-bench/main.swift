// Micro-benchmarks of briefgen's stages on a content folder, single-threaded, for profiling.
//
//     swift run -c release briefgen-bench CONTENT_DIR TEMPLATES_DIR
//
// Prints microseconds per item for reading, analysing and rendering each kind of page.
import BriefgenCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: briefgen-bench CONTENT_DIR TEMPLATES_DIR")
    exit(2)
}
Parallel.width = 1
let clock = ContinuousClock()
func measure<T>(_ label: String, count: Int, _ work: () throws -> T) rethrows -> T {
    let start = clock.now
    let value = try work()
    let elapsed = clock.now - start
    let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    print(String(format: "%@ %10.1f ms  %8.1f µs each (%d)", label.padding(toLength: 26, withPad: " ", startingAt: 0) as NSString, micros / 1000, micros / Double(max(count, 1)), count))
    return value
}

// `briefgen-bench FILE.md markdown`: renders one Markdown file 5,000 times, for profiling the renderer alone.
if arguments.count > 2, arguments[2] == "markdown" {
    let sample = try String(contentsOfFile: arguments[1], encoding: .utf8)
    let renderer = MarkdownRenderer()
    measure("render one document ×5000", count: 5000) { for _ in 0..<5000 { _ = renderer.render(sample) } }
    exit(0)
}

// `briefgen-bench FILE.txt raw`: reads one raw article 2,000 times, for profiling the raw reader.
if arguments.count > 2, arguments[2] == "raw" {
    let source = SourceText(path: "x.txt", text: try String(contentsOfFile: arguments[1], encoding: .utf8))
    let reader = RawArticleReader(knownPeople: ["Alda Venn", "Venn"])
    try measure("read one raw article ×2000", count: 2000) { for _ in 0..<2000 { _ = try reader.read(source) } }
    exit(0)
}

let content = URL(fileURLWithPath: arguments[1])
let templatesURL = URL(fileURLWithPath: arguments[2])
let site = try measure("read content", count: 1) { try ContentLoader(directory: content).load() }
if arguments.count > 3, arguments[3] == "read-loop" {
    try measure("read ×10", count: site.articles.count * 10) { for _ in 0..<10 { _ = try ContentLoader(directory: content).load() } }
    exit(0)
}
if arguments.count > 3, arguments[3] == "tokenize-loop" {
    var total = 0
    let texts = site.articles.map(\.markdown)
    measure("tokenize ×20", count: texts.count * 20) { for _ in 0..<20 { for text in texts { total += Tokenizer.words(in: text).count } } }
    print("\(total / 20 / max(texts.count, 1)) words per article, \(texts.reduce(0) { $0 + $1.utf8.count } / max(texts.count, 1)) bytes")
    exit(0)
}
let templates = try TemplateSet.load(from: templatesURL, displayPath: "Templates")
// As a build does: heading ids avoid the ids of the theme's article page.
let analyzer = ArticleAnalyzer(points: site.points, actors: site.actors, basePath: "", reservedIDs: templates.literalIDs(ofPage: "article"))
let analysed = measure("analyse articles", count: site.articles.count) { site.articles.map(analyzer.analyse) }
if arguments.count > 3, arguments[3] == "analyse-loop" {
    measure("analyse ×5", count: site.articles.count * 5) { for _ in 0..<5 { _ = site.articles.map(analyzer.analyse) } }
    exit(0)
}
let renderer = MarkdownRenderer()
_ = measure("cmark render only", count: site.articles.count) { site.articles.map { renderer.render($0.markdown) } }
let briefing = measure("briefing", count: 1) { Briefing(content: site, articles: analysed) }
let pages = measure("plan pages", count: 1) { PagePlanner(briefing: briefing, assetURLs: [:]).pages() }
var bytes = 0
let articlePages = ArticlePages(config: site.config, points: site.points, actors: site.actors, assetURLs: [:], renderInputs: ContentHash())
let articleContexts = measure("context article", count: analysed.count) { analysed.map(articlePages.context) }
measure("render article", count: analysed.count) {
    for context in articleContexts { bytes += templates.renderBytes("article", context).count }
}
// `… article-loop`: builds and renders every article page five times, for profiling them alone.
if arguments.count > 3, arguments[3] == "article-loop" {
    measure("article pages ×5", count: analysed.count * 5) {
        for _ in 0..<5 { for article in analysed { bytes += templates.renderBytes("article", articlePages.context(article)).count } }
    }
    exit(0)
}
// `… pages-loop`: builds and renders every page other than articles three times, for profiling them alone.
if arguments.count > 3, arguments[3] == "pages-loop" {
    measure("other pages ×3", count: pages.count * 3) {
        for _ in 0..<3 { for page in pages { bytes += templates.renderBytes(page.template, page.context()).count } }
    }
    exit(0)
}
for kind in Page.Kind.allCases {
    let selected = pages.filter { $0.kind == kind }
    guard !selected.isEmpty else { continue }
    let contexts = measure("context \(kind.rawValue)", count: selected.count) { selected.map { $0.context() } }
    measure("render \(kind.rawValue)", count: selected.count) {
        for (page, context) in zip(selected, contexts) { bytes += templates.renderBytes(page.template, context).count }
    }
}
print("rendered \(bytes) bytes")

