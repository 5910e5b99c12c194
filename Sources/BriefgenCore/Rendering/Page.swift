/// One file of the site to render: where it goes, which template renders it, and its context.
///
/// The context is built lazily, on the rendering thread, so that only one page's context is
/// alive per worker and pages kept from the previous build never build one.
public struct Page: Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case home, article, articles, point, points, actor, actors, timeline, notFound = "404", feed, sitemap, robots
    }

    public var kind: Kind
    /// The URL path (`/briefings/articles/x/`), used for links and the sitemap.
    public var urlPath: String
    /// The file under `Output/` (`articles/x/index.html`).
    public var outputPath: String
    public var template: String
    /// The content dates that make up this page, for the sitemap's `lastmod`.
    public var lastModified: Day?
    /// Whether the page belongs in the sitemap.
    public var inSitemap: Bool
    /// A hash of everything the page shows (the theme, the site's settings and the articles on
    /// it). Equal fingerprints mean equal pages, so a rebuild can skip rendering the page.
    public var fingerprint: ContentHash
    public var context: @Sendable () -> TemplateValue

    public init(kind: Kind, urlPath: String, outputPath: String, template: String, lastModified: Day?,
                inSitemap: Bool = true, fingerprint: ContentHash = ContentHash(), context: @escaping @Sendable () -> TemplateValue) {
        self.kind = kind
        self.urlPath = urlPath
        self.outputPath = outputPath
        self.template = template
        self.lastModified = lastModified
        self.inSitemap = inSitemap
        self.fingerprint = fingerprint
        self.context = context
    }
}
