/// Checks that the internal links written in Markdown lead somewhere: to a page the build
/// generates, a file it copies, and (for article pages) an anchor that page has.
///
/// External links (`https://…`, `mailto:`) are not fetched; a build must not depend on the network.
public struct LinkChecker: Sendable {
    /// Site paths without the base path: "/articles/x/", "/feed.xml", "/assets/site.css".
    let paths: Set<String>
    /// Anchors of each article page from its headings, keyed by its site path (searched only when
    /// a link points there).
    let anchors: [String: AnchorList]
    /// The ids the theme writes into every article page: anchors of each of them too.
    let articlePageIDs: Set<String>
    let basePath: String
    /// Pages of articles the build leaves out (drafts, future articles), with why: a link to one
    /// is broken in this build, and the message says how to publish it rather than that it does
    /// not exist.
    let withheld: [String: String]

    /// - Parameter articlePageIDs: the ids the theme writes into every article page itself
    ///   (`main`, the skip link's target): anchors those pages have besides their headings'.
    /// - Parameter withheld: articles left out of this build, with why ("a draft (--drafts publishes it)").
    public init(pages: [Page], assetPaths: [String], articles: [ArticleSummary], routes: Routes, articlePageIDs: Set<String> = [],
                withheld: [(article: ArticleSummary, reason: String)] = []) {
        basePath = routes.basePath
        var withheldPaths: [String: String] = [:]
        for (article, reason) in withheld { withheldPaths[LinkChecker.strip(routes.article(article.slug), basePath: routes.basePath)] = reason }
        self.withheld = withheldPaths
        var paths = Set<String>()
        for page in pages { paths.insert(LinkChecker.strip(page.urlPath, basePath: routes.basePath)) }
        for asset in assetPaths { paths.insert("/" + asset) }
        // The theme's ids are kept apart rather than added to each article's anchors: that made a
        // new array for every article of the site at every build, a twentieth of a rebuild.
        var anchors: [String: AnchorList] = [:]
        anchors.reserveCapacity(articles.count)
        for article in articles {
            let path = LinkChecker.strip(routes.article(article.slug), basePath: routes.basePath)
            paths.insert(path)
            anchors[path] = article.anchors
        }
        self.paths = paths
        self.anchors = anchors
        self.articlePageIDs = articlePageIDs
    }

    static func strip(_ path: String, basePath: String) -> String {
        guard !basePath.isEmpty, path.hasPrefix(basePath) else { return path }
        return String(path.dropFirst(basePath.count))
    }

    /// Problems with the links of one Markdown body that is published at `pagePath` (a site path).
    public func check(_ links: [MarkdownLink], onPage pagePath: String, ownAnchors: Set<String>, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for link in links {
            if let problem = problem(with: link.destination, onPage: pagePath, ownAnchors: ownAnchors) {
                problems.append(Diagnostic(file: file, line: link.line, problem))
            }
        }
        return problems
    }

    func problem(with destination: String, onPage pagePath: String, ownAnchors: Set<String>) -> String? {
        let trimmed = destination.trimmingWhitespace
        if trimmed.isEmpty { return "a link has no destination" }
        if LinkChecker.isExternal(trimmed) { return nil }
        var path = trimmed
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = path.removingPercentEncodingIfPossible
        if path.isEmpty {
            // Same page: `#section`.
            if let fragment, !fragment.isEmpty, !ownAnchors.contains(fragment) {
                return "the link '\(trimmed)' points to an anchor that this page does not have\(LinkChecker.nearest(fragment, in: ownAnchors))"
            }
            return nil
        }
        let resolved = LinkChecker.resolve(path, from: pagePath)
        guard let page = target(for: resolved) else {
            if let reason = LinkChecker.lookUp(resolved, basePath: basePath, in: withheld) {
                return "the link '\(trimmed)' leads to an article this build leaves out: \(reason)"
            }
            return "the link '\(trimmed)' does not lead to any page of the site"
        }
        if let fragment, !fragment.isEmpty, let known = anchors[page], !known.contains(fragment), !articlePageIDs.contains(fragment) {
            return "the link '\(trimmed)' points to an anchor that \(page) does not have\(LinkChecker.nearest(fragment, in: Set(known.all).union(articlePageIDs)))"
        }
        return nil
    }

    /// The generated path a link lands on: exact, or a folder's index (`/points/x` → `/points/x/`).
    private func target(for path: String) -> String? {
        let candidate = LinkChecker.sitePath(path, basePath: basePath)
        if paths.contains(candidate) { return candidate }
        if !candidate.hasSuffix("/"), paths.contains(candidate + "/") { return candidate + "/" }
        return nil
    }

    /// A path as the site's paths are kept: without the base path, a folder's `index.html` as the folder.
    private static func sitePath(_ path: String, basePath: String) -> String {
        let candidate = strip(path, basePath: basePath)
        return candidate.hasSuffix("/index.html") ? String(candidate.dropLast("index.html".count)) : candidate
    }

    private static func lookUp(_ path: String, basePath: String, in table: [String: String]) -> String? {
        let candidate = sitePath(path, basePath: basePath)
        return table[candidate] ?? (candidate.hasSuffix("/") ? nil : table[candidate + "/"])
    }

    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Resolves `../x/` against the page's folder; root-relative paths stay as they are.
    static func resolve(_ path: String, from pagePath: String) -> String {
        if path.hasPrefix("/") { return normalise(path) }
        var folder = pagePath
        if !folder.hasSuffix("/") { folder = String(folder[...(folder.lastIndex(of: "/") ?? folder.startIndex)]) }
        return normalise(folder + path)
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        let trailingSlash = path.hasSuffix("/")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        var result = "/" + parts.joined(separator: "/")
        if trailingSlash && result != "/" { result += "/" }
        return result
    }

    static func nearest(_ anchor: String, in known: Set<String>) -> String {
        let close = known.filter { ReferenceChecker.editDistance($0, anchor) <= max(2, anchor.count / 4) }.sorted()
        return close.first.map { "; did you mean '#\($0)'?" } ?? ""
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
