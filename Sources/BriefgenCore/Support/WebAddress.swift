/// Links that must lead to the web: an article's original story, written in front matter or on a
/// raw article's `url` line, and shown as an `href`, where only a web address is safe.
enum WebAddress {
    /// An absolute http(s) address with a host: `https://` alone, or `https:///path`, leads nowhere.
    static func isValid(_ url: String) -> Bool {
        let lower = url.trimmingWhitespace.lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard scheme > 0, let hostStart = lower.dropFirst(scheme).first, !"/?#".contains(hostStart) else { return false }
        return !lower.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
    }

    /// What is wrong with `url`, given under `key`, for a message at its line.
    static func problem(_ key: String, _ url: String) -> String {
        let shown = url.count > 60 ? String(url.prefix(60)) + "…" : url
        return "'\(key)' should be a web address starting with https:// or http:// (with no spaces, quote marks or '<'), not '\(shown)'"
    }
}
