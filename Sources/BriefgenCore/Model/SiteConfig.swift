/// `Content/site.yml`: what the whole site is called and where it is published.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// Absolute URL with a trailing slash; may include a sub-path (`https://example.org/briefings/`).
    public var baseURL: String
    public var language: String
    public var description: String
    /// How many days before the newest article count as "What changed" on the home page.
    public var whatChangedDays: Int
    /// How many articles the home page and the feeds list.
    public var latestCount: Int

    public init(title: String, baseURL: String, language: String = "en", description: String = "",
                whatChangedDays: Int = 7, latestCount: Int = 10) {
        self.title = title
        self.baseURL = SiteConfig.normalisedBaseURL(baseURL)
        self.language = language
        self.description = description
        self.whatChangedDays = whatChangedDays
        self.latestCount = latestCount
    }

    /// The path part of the base URL without a trailing slash: "" or "/briefings".
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "" }
        var path = String(afterHost[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `https://example.org` without the sub-path, for building absolute URLs from site paths.
    public var origin: String {
        let path = basePath
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return path.isEmpty ? url : String(url.dropLast(path.count))
    }

    /// With a trailing slash, and the scheme and host in lower case (`HTTPS://Example.ORG/Briefings`
    /// → `https://example.org/Briefings/`): they are case-insensitive, and every link is built on them.
    public static func normalisedBaseURL(_ url: String) -> String {
        var url = url.trimmingWhitespace
        if url.isEmpty { url = "/" }
        if !url.hasSuffix("/") { url += "/" }
        if let schemeEnd = url.range(of: "://") {
            let hostEnd = url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex
            url = url[..<hostEnd].lowercased() + url[hostEnd...]
        }
        return url
    }

    /// Whether the base URL is something a browser can use as an absolute prefix.
    public static func isValidBaseURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        let rest = url.drop(while: { $0 != ":" }).dropFirst(3)
        guard let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty else { return false }
        return !url.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}
