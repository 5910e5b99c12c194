import Foundation

/// Reads a whole `Content/` folder into a `SiteContent`, articles in parallel.
///
/// Every file is read even when an earlier one failed, so one run reports all the problems.
public struct ContentLoader: Sendable {
    public let directory: URL
    /// `directory` as a path, for the POSIX calls of the hot loop (Foundation's URL is slow there).
    public let directoryPath: String
    /// How paths are shown in messages: the folder as the user named it (`Content`).
    public let displayPath: String
    /// The code reading the site (`EngineIdentity.current`), part of `analysisInputs`.
    public let engine: String
    /// Where symbolic links among the content may lead.
    let linkPolicy: LinkPolicy

    /// - Parameter linkPolicy: where links among the content may lead; by default inside the
    ///   content folder's project.
    init(directory: URL, displayPath: String? = nil, engine: String = EngineIdentity.current, linkPolicy: LinkPolicy?) {
        self.directory = directory
        self.engine = engine
        directoryPath = directory.path
        var shown = displayPath ?? directory.path
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        self.displayPath = shown
        self.linkPolicy = linkPolicy ?? LinkPolicy(sourceFolders: [directoryPath])
    }

    public init(directory: URL, displayPath: String? = nil, engine: String = EngineIdentity.current) {
        self.init(directory: directory, displayPath: displayPath, engine: engine, linkPolicy: nil)
    }

    /// Reads everything: the site's settings, points, actors and articles.
    /// - Parameter salt: anything else analysis depends on (a `--base-url` override), mixed into `analysisInputs`.
    public func load(salt: String = "") throws(DiagnosticList) -> SiteContent {
        var problems: [Diagnostic] = []
        var site = SiteContent(config: SiteConfig(title: "Untitled", baseURL: "/"), points: [], actors: [], articles: [])
        do throws(DiagnosticList) {
            site = try loadSite(salt: salt)
        } catch {
            problems += error.diagnostics
        }
        let rawReader = RawArticleReader(knownPeople: site.actors.filter { $0.kind == .person }.flatMap(\.names))
        let articles: [Article] = readAll(in: "articles", extensions: ContentLoader.articleExtensions, recursive: true,
                                          problems: &problems) { source, slug throws(Diagnostic) in
            try ContentLoader.article(from: source, slug: slug, rawReader: rawReader)
        }
        problems += ContentLoader.duplicateSlugs(articles.map { ($0.slug, $0.sourcePath) }, kind: "article")
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        site.articles = articles
        site = SiteContent(config: site.config, points: site.points, actors: site.actors, articles: articles,
                           analysisInputs: site.analysisInputs)
        return site
    }

    static let articleExtensions: Set<String> = ["md", "txt", "markdown"]

    /// Reads the site's settings, points and actors (not the articles), with the hash of all of them.
    public func loadSite(salt: String = "") throws(DiagnosticList) -> SiteContent {
        var problems: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw DiagnosticList([Diagnostic(file: displayPath, "the content folder does not exist")])
        }
        guard isDirectory.boolValue else {
            throw DiagnosticList([Diagnostic(file: displayPath, "the content folder is a file; give --content the folder that holds site.yml, articles/, points/ and actors/")])
        }
        var inputs = ContentHash()
        inputs.update(engine)
        inputs.update(salt)
        var config = SiteConfig(title: "Untitled", baseURL: "/")
        do {
            let source = try source(SiteConfigReader.fileName)
            inputs.update(source.hash.description)
            config = try SiteConfigReader.read(source)
        } catch {
            problems.append(error)
        }
        // Sub-folders too, as for articles: a point kept in `points/2025/` was left out without a word.
        let points: [Point] = readAll(in: "points", extensions: ["md"], recursive: true, inputs: &inputs, problems: &problems) { source, slug throws(Diagnostic) in
            try PointReader.read(source, slug: slug)
        }
        let actors: [Actor] = readAll(in: "actors", extensions: ["md"], recursive: true, inputs: &inputs, problems: &problems) { source, slug throws(Diagnostic) in
            try ActorReader.read(source, slug: slug)
        }
        problems += ContentLoader.duplicateSlugs(points.map { ($0.slug, $0.sourcePath) }, kind: "point")
        problems += ContentLoader.duplicateSlugs(actors.map { ($0.slug, $0.sourcePath) }, kind: "actor")
        problems += ActorReader.sharedNames(actors)
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return SiteContent(config: config, points: points, actors: actors, articles: [], analysisInputs: inputs)
    }

    /// The article files, relative to the content folder (`articles/2025/talks.txt`), sorted, and
    /// what listing them found wrong (links that may not be followed, a folder reached twice).
    public func articleFiles() -> (files: [String], problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        let files = ContentLoader.files(in: directoryPath + "/articles", relativeTo: "articles", shownFolder: displayPath,
                                        extensions: ContentLoader.articleExtensions, recursive: true,
                                        policy: linkPolicy, problems: &problems)
        return (files, problems)
    }

    /// An article from its decoded text: raw `.txt` or Markdown with front matter.
    public static func article(from source: SourceText, slug: String, rawReader: RawArticleReader) throws(Diagnostic) -> Article {
        let article: Article
        if source.path.utf8.count >= 4, source.path.suffix(4).lowercased() == ".txt" {
            article = RawArticleAdapter.article(from: try rawReader.read(source), sourcePath: source.path, slug: slug,
                                                sourceHash: source.hash)
        } else {
            article = try MarkdownArticleReader.read(source, slug: slug)
        }
        if article.slug.isEmpty { throw ContentLoader.emptySlug(source.path) }
        return article
    }

    /// A raw `.txt` article has no front matter to set a slug in: only its name can be changed.
    static func emptySlug(_ path: String) -> Diagnostic {
        Diagnostic(file: path, line: 1, path.lowercased().hasSuffix(".txt")
            ? "the file name gives an empty slug; name it with letters or digits"
            : "the file name gives an empty slug; name it with letters or digits, or set 'slug' in the front matter")
    }

    /// The slug a file gives when its front matter does not set one.
    public static func slug(forFile relative: String) -> String {
        Slug.make(stem(ofFile: relative))
    }

    /// The file's name without its folders and its extension.
    static func stem(ofFile relative: String) -> String {
        if let stem = plainStem(ofFile: relative) { return stem }
        return PathText.removingExtension(relative).split(separator: "/").last.map(String.init) ?? relative
    }

    /// The stem of a path of the usual shape (`articles/2025/talks.md`), read on its bytes:
    /// the general code makes several copies of the path, which costs more than reading the front matter.
    /// Nil, for the general code, when the path is not ASCII, has a doubled or trailing slash,
    /// or its name starts with a dot or has two dots before the extension.
    static func plainStem(ofFile relative: String) -> String? {
        var relative = relative
        return relative.withUTF8 { bytes -> String? in
            guard bytes.count > 1, bytes[bytes.count - 1] != UInt8(ascii: "/") else { return nil }
            var nameStart = 0
            var lastDot: Int?
            var previous: UInt8 = 0
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") { return nil }
                if byte == UInt8(ascii: "/") {
                    nameStart = index + 1
                    lastDot = nil
                } else if byte == UInt8(ascii: ".") {
                    lastDot = index
                }
                previous = byte
            }
            let end = lastDot ?? bytes.count
            guard end > nameStart, bytes[end - 1] != UInt8(ascii: ".") else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<end]), as: UTF8.self)
        }
    }

    /// A file of the content folder, decoded.
    func source(_ relativePath: String) throws(Diagnostic) -> SourceText {
        let url = directory.appendingPathComponent(relativePath)
        let shown = displayPath + "/" + relativePath
        if FileSystem.isLink(url.path), let problem = linkPolicy.problem(withLink: url.path, shown: shown) { throw problem }
        return try SourceText.read(fileAt: url, displayPath: shown)
    }

    /// Reads the files of a folder in parallel. Their names and hashes go into `inputs` when given:
    /// a point's or an actor's file name is its slug, which articles' summaries and pages hold, so
    /// renaming `zelenskyy.md` to `zelensky.md` must change the inputs as an edit does.
    private func readAll<T: Sendable>(in folder: String, extensions: Set<String>, recursive: Bool = false,
                                      inputs: UnsafeMutablePointer<ContentHash>? = nil,
                                      problems: inout [Diagnostic],
                                      _ read: @Sendable (SourceText, String) throws(Diagnostic) -> T) -> [T] {
        let files = ContentLoader.files(in: directoryPath + "/" + folder, relativeTo: folder, shownFolder: displayPath,
                                        extensions: extensions, recursive: recursive, policy: linkPolicy, problems: &problems)
        let results: [Result<(T, ContentHash, String), Diagnostic>] = Parallel.map(files) { relative in
            do throws(Diagnostic) {
                let shown = displayPath + "/" + relative
                let data = try FileSystem.read(directoryPath + "/" + relative, shown: shown)
                let text = try SourceText.decode(data, path: shown)
                return .success((try read(text, ContentLoader.slug(forFile: relative)), text.hash, relative))
            } catch {
                return .failure(error)
            }
        }
        var values: [T] = []
        for result in results {
            switch result {
            case .success(let (value, hash, relative)):
                values.append(value)
                inputs?.pointee.update(relative)
                inputs?.pointee.update(hash.description)
            case .failure(let problem): problems.append(problem)
            }
        }
        return values
    }

    /// Files with one of the extensions, sorted, skipping hidden and `_`-prefixed names. A symbolic
    /// link that may not be followed is reported in `problems`, named as `shownFolder/relative`
    /// (`Content/articles/x.md`).
    static func files(in folder: String, relativeTo prefix: String, shownFolder: String, extensions: Set<String>, recursive: Bool,
                      policy: LinkPolicy, problems: inout [Diagnostic]) -> [String] {
        var walk = SourceWalk(shownFolder: shownFolder, policy: policy, recursive: recursive) { _, name, isDirectory in
            guard !name.hasPrefix("_") else { return false }
            if isDirectory { return true }
            guard let dot = name.lastIndex(of: ".") else { return false }
            return extensions.contains(name[name.index(after: dot)...].lowercased())
        }
        let files = walk.files(in: folder, relativeTo: prefix)
        problems += walk.problems
        return files
    }

    static func duplicateSlugs(_ items: [(slug: String, path: String)], kind: String) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var problems: [Diagnostic] = []
        for item in items.sorted(by: { $0.path < $1.path }) {
            if item.slug.isEmpty {
                problems.append(emptySlug(item.path))
            } else if let other = firstPath[item.slug] {
                // `==` on strings is canonical equivalence: "café" typed on a Mac (e and an accent)
                // and elsewhere (é) are equal, and the message would name the same file twice.
                let lookAlike = item.path == other && Array(item.path.utf8) != Array(other.utf8)
                    ? " (the two file names look the same but write an accented letter differently, as one character and as a letter with an accent; rename or remove one)"
                    : ""
                problems.append(Diagnostic(file: item.path, line: 1, "the \(kind) slug '\(item.slug)' is already used by \(other)\(lookAlike)"))
            } else {
                firstPath[item.slug] = item.path
            }
        }
        return problems
    }
}
