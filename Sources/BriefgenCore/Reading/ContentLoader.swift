import Foundation

/// Reads a whole `Content/` folder into a `SiteContent`, articles in parallel.
///
/// Every file is read even when an earlier one failed, so one run reports all the problems.
public struct ContentLoader: Sendable {
    public let directory: URL
    /// How paths are shown in messages: the folder as the user named it (`Content`).
    public let displayPath: String

    public init(directory: URL, displayPath: String? = nil) {
        self.directory = directory
        var shown = displayPath ?? directory.path
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        self.displayPath = shown
    }

    public func load() throws(DiagnosticList) -> SiteContent {
        var problems: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList([Diagnostic(file: displayPath, "the content folder does not exist")])
        }

        var config = SiteConfig(title: "Untitled", baseURL: "/")
        do {
            config = try SiteConfigReader.read(try source(SiteConfigReader.fileName))
        } catch {
            problems.append(error)
        }

        let points: [Point] = readAll(in: "points", extensions: ["md"], problems: &problems) { source, slug throws(Diagnostic) in
            try PointReader.read(source, slug: slug)
        }
        let actors: [Actor] = readAll(in: "actors", extensions: ["md"], problems: &problems) { source, slug throws(Diagnostic) in
            try ActorReader.read(source, slug: slug)
        }
        let people = actors.filter { $0.kind == .person }.flatMap(\.names)
        let rawReader = RawArticleReader(knownPeople: people)
        let articles: [Article] = readAll(in: "articles", extensions: ["md", "txt", "markdown"], recursive: true, problems: &problems) { source, slug throws(Diagnostic) in
            if source.path.hasSuffix(".txt") {
                let document = try rawReader.read(source)
                return RawArticleAdapter.article(from: document, sourcePath: source.path, slug: slug)
            }
            return try MarkdownArticleReader.read(source, slug: slug)
        }
        problems += ContentLoader.duplicateSlugs(points.map { ($0.slug, $0.sourcePath) }, kind: "point")
        problems += ContentLoader.duplicateSlugs(actors.map { ($0.slug, $0.sourcePath) }, kind: "actor")
        problems += ContentLoader.duplicateSlugs(articles.map { ($0.slug, $0.sourcePath) }, kind: "article")
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return SiteContent(config: config, points: points, actors: actors, articles: articles)
    }

    /// A file of the content folder, decoded.
    func source(_ relativePath: String) throws(Diagnostic) -> SourceText {
        let url = directory.appendingPathComponent(relativePath)
        return try SourceText.read(fileAt: url, displayPath: displayPath + "/" + relativePath)
    }

    private func readAll<T: Sendable>(in folder: String, extensions: Set<String>, recursive: Bool = false,
                                      problems: inout [Diagnostic],
                                      _ read: @Sendable (SourceText, String) throws(Diagnostic) -> T) -> [T] {
        let files = ContentLoader.files(in: directory.appendingPathComponent(folder), relativeTo: folder,
                                        extensions: extensions, recursive: recursive)
        let results: [Result<T, Diagnostic>] = Parallel.map(files) { relative in
            do throws(Diagnostic) {
                let text = try source(relative)
                let stem = (relative as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? relative
                return .success(try read(text, Slug.make(stem)))
            } catch {
                return .failure(error)
            }
        }
        var values: [T] = []
        for result in results {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let problem): problems.append(problem)
            }
        }
        return values
    }

    /// Files with one of the extensions, sorted, skipping hidden and `_`-prefixed names.
    static func files(in folder: URL, relativeTo prefix: String, extensions: Set<String>, recursive: Bool) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if recursive {
                    result += files(in: url, relativeTo: prefix + "/" + name, extensions: extensions, recursive: true)
                }
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                result.append(prefix + "/" + name)
            }
        }
        return result
    }

    static func duplicateSlugs(_ items: [(slug: String, path: String)], kind: String) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var problems: [Diagnostic] = []
        for item in items.sorted(by: { $0.path < $1.path }) {
            if item.slug.isEmpty {
                problems.append(Diagnostic(file: item.path, line: 1, "the file name gives an empty slug; name it with letters or digits"))
            } else if let other = firstPath[item.slug] {
                problems.append(Diagnostic(file: item.path, line: 1, "the \(kind) slug '\(item.slug)' is already used by \(other)"))
            } else {
                firstPath[item.slug] = item.path
            }
        }
        return problems
    }
}
