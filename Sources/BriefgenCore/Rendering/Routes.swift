/// Every URL the site has, in one place, honouring a base URL with a sub-path.
///
/// Links inside pages are root-relative with the base path (`/briefings/points/territory/`), so the
/// site works on any host under that path; canonical links, feeds and sitemaps use absolute URLs.
public struct Routes: Sendable {
    /// "" at the root of a host, "/briefings" under a sub-path.
    public let basePath: String
    /// "https://example.org"; "" when the base URL is only a path.
    public let origin: String
    /// `basePath` and `/articles/`, joined once: every article URL starts with it.
    private let articlesPath: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        articlesPath = config.basePath + "/articles/"
        origin = config.baseURL.hasPrefix("http") ? config.origin : ""
    }

    public var home: String { basePath + "/" }
    /// Built with one allocation and one copy of each part: listing pages ask for thousands of these.
    public func article(_ slug: String) -> String {
        .concatenating(articlesPath, slug, "/")
    }

    /// `article(slug)` and `#anchor` in one string, built with one allocation rather than two:
    /// every quote on an actor page links to its paragraph.
    public func article(_ slug: String, anchor: String) -> String {
        .concatenating(articlesPath, slug, "/#", anchor)
    }
    public func articles(page: Int = 1) -> String { paged(basePath + "/articles/", page) }
    public func point(_ slug: String, page: Int = 1) -> String { paged(basePath + "/points/\(slug)/", page) }
    public func pointFeed(_ slug: String) -> String { basePath + "/points/\(slug)/feed.xml" }
    public var points: String { basePath + "/points/" }
    public func actor(_ slug: String, page: Int = 1) -> String { paged(basePath + "/actors/\(slug)/", page) }
    public var actors: String { basePath + "/actors/" }
    public func actorFeed(_ slug: String) -> String { basePath + "/actors/\(slug)/feed.xml" }
    public func timeline(page: Int = 1) -> String { paged(basePath + "/timeline/", page) }
    public var feed: String { basePath + "/feed.xml" }
    public var sitemap: String { basePath + "/sitemap.xml" }
    /// One part of a sitemap split in several (`sitemap.xml` is then their index).
    public func sitemapPart(_ number: Int) -> String { basePath + "/sitemap\(number).xml" }
    public var robots: String { basePath + "/robots.txt" }
    public var notFound: String { basePath + "/404.html" }
    public func asset(_ path: String) -> String { basePath + "/" + path }

    /// "https://example.org/briefings/articles/x/" for a site path.
    public func absolute(_ path: String) -> String { origin + path }

    /// A URL as a sitemap must carry it: non-ASCII bytes (a Cyrillic slug) percent-encoded, as
    /// the protocol asks; browsers show the same address either way.
    public static func uri(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 >= 0x80 || $0 == 0x20 }) else { return url }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            if byte >= 0x80 || byte == 0x20 {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A permanent identifier for feed entries: the absolute URL, or a `tag:` IRI when the site
    /// has no host in its base URL (Atom requires absolute identifiers).
    public func identifier(_ path: String) -> String {
        origin.isEmpty ? "tag:briefgen,2025:" + path : origin + path
    }

    /// Where a URL path is written under `Output/`: `/briefings/points/x/` → `points/x/index.html`.
    public func outputPath(for urlPath: String) -> String {
        var path = urlPath
        if !basePath.isEmpty, path.hasPrefix(basePath) { path.removeFirst(basePath.count) }
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }

    private func paged(_ first: String, _ page: Int) -> String {
        page <= 1 ? first : first + "page/\(page)/"
    }
}

/// Splits a long list over numbered pages, as Hugo's and Zola's paginators do.
public struct Pagination: Sendable, Equatable {
    public var page: Int
    public var pageCount: Int
    public var range: Range<Int>

    public static func pages(count: Int, perPage: Int) -> [Pagination] {
        let perPage = max(1, perPage)
        let pageCount = max(1, (count + perPage - 1) / perPage)
        return (1...pageCount).map { page in
            let start = (page - 1) * perPage
            return Pagination(page: page, pageCount: pageCount, range: start..<min(count, start + perPage))
        }
    }
}
