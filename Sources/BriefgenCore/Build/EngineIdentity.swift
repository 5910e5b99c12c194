import Foundation

/// What identifies the code that reads, analyses and renders a site, for the incremental caches.
///
/// Cached article summaries and the nothing-changed shortcut are valid only for the briefgen that
/// made them: after an upgrade changes how articles are read (a slug rule, a quotation rule), a
/// build must not reuse them. The version alone does not change between builds of the same
/// version, so the running executable's size and modification time are mixed in too: any new
/// binary starts from a fresh cache, once.
public enum EngineIdentity {
    public static let current: String = {
        var identity = "briefgen \(BriefgenVersion.string); \(SummaryCache.format)"
        if let path = Bundle.main.executablePath {
            var info = stat()
            if stat(path, &info) == 0 {
                identity += "; \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        }
        return identity
    }()
}
