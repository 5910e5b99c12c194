/// Reads `Content/site.yml`.
public enum SiteConfigReader {
    public static let fileName = "site.yml"

    public static func read(_ source: SourceText) throws(Diagnostic) -> SiteConfig {
        guard let value = try YAMLValue.parse(source.text, firstLine: 1, file: source.path, container: "the site configuration") else {
            throw Diagnostic(file: source.path, line: 1, "the site configuration is empty; it needs at least 'title' (and 'base_url' for a site that is published)")
        }
        guard case .map(let entries, _) = value else {
            throw Diagnostic(file: source.path, line: value.line, "the site configuration must be 'key: value' lines")
        }
        let fields = FrontMatter(file: source.path, entries: entries, body: "", bodyFirstLine: 1, line: 1,
                                 container: "the site configuration")
        let known: Set<String> = ["title", "base_url", "baseURL", "language", "description", "what_changed_days", "latest_count"]
        for entry in entries where !known.contains(entry.key) {
            throw Diagnostic(file: source.path, line: entry.line,
                             "unknown setting '\(entry.key)' (known: title, base_url, language, description, what_changed_days, latest_count)")
        }
        let title = try fields.requiredString("title")
        let baseKey = fields.has("base_url") ? "base_url" : "baseURL"
        let baseURL = try fields.string(baseKey) ?? "/"
        if baseURL != "/", let problem = SiteConfig.baseURLProblem(baseURL) {
            throw Diagnostic(file: source.path, line: fields.line(of: baseKey),
                             "'base_url' should be an absolute http(s) URL such as https://example.org/briefings/, not '\(baseURL)': \(problem)")
        }
        let days = try fields.int("what_changed_days") ?? 7
        guard days <= 3660 else {
            throw Diagnostic(file: source.path, line: fields.line(of: "what_changed_days"), "'what_changed_days' is \(days) days; at most 3660 (ten years) makes sense")
        }
        let latest = try fields.int("latest_count") ?? 10
        guard days >= 0 else { throw Diagnostic(file: source.path, line: fields.line(of: "what_changed_days"), "'what_changed_days' cannot be negative") }
        guard latest >= 1 else { throw Diagnostic(file: source.path, line: fields.line(of: "latest_count"), "'latest_count' must be at least 1") }
        return SiteConfig(title: title, baseURL: baseURL, language: try fields.string("language") ?? "en",
                          description: try fields.string("description") ?? "", whatChangedDays: days, latestCount: latest)
    }
}
