import Foundation

/// Analysed articles kept between builds, keyed by source path and the hash of the source bytes.
///
/// An entry is only as good as the site inputs it was computed with (points, actors, site.yml,
/// base URL); when those change, the cache empties itself. `briefgen serve` keeps one across
/// rebuilds, so editing one article re-reads and re-analyses that article alone.
public final class ArticleCache: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: ContentHash?
    private var entries: [String: AnalysedArticle] = [:]

    public init() {}

    /// Empties the cache unless it was filled under the same inputs.
    public func prepare(inputs: ContentHash) {
        lock.lock()
        defer { lock.unlock() }
        if self.inputs != inputs {
            entries.removeAll()
            self.inputs = inputs
        }
    }

    public func lookup(path: String, hash: ContentHash) -> AnalysedArticle? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[path], entry.article.sourceHash == hash else { return nil }
        return entry
    }

    /// Replaces the cache's articles with these (articles that disappeared are dropped).
    public func store(_ articles: [AnalysedArticle]) {
        lock.lock()
        defer { lock.unlock() }
        entries = Dictionary(articles.map { ($0.article.sourcePath, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
