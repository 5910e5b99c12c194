import Foundation

/// What earlier builds learned about each article, so the next build reads and analyses only
/// the articles that changed.
///
/// Entries are keyed by the source file, and trusted when the file's size, modification time and
/// inode are the same as when it was read (else when its bytes hash the same). They are only as
/// good as the site inputs they were computed with (points, actors, settings, base URL): when
/// those change, the cache empties itself. `briefgen serve` keeps one in memory across rebuilds;
/// `briefgen build` keeps it in `.briefgen-cache/` between runs.
public final class SummaryCache: @unchecked Sendable {
    public struct FileStamp: Sendable, Equatable {
        var size: Int
        var modified: Int
        var inode: UInt64
    }

    struct Entry: Sendable {
        var stamp: FileStamp
        var summary: ArticleSummary
        /// Reference problems of the article (unknown points or actors in its front matter).
        var problems: [Diagnostic]
    }

    private let lock = NSLock()
    private var inputs: ContentHash?
    private var entries: [String: Entry] = [:]
    /// Entries seen by the current build; the rest are dropped when it is stored.
    private var seen: Set<String> = []

    public init() {}

    /// Empties the cache unless it was filled under the same inputs (or when told to).
    public func prepare(inputs: ContentHash, discardingEverything: Bool = false) {
        lock.withLock {
            if self.inputs != inputs || discardingEverything {
                entries.removeAll()
                self.inputs = inputs
            }
            seen.removeAll(keepingCapacity: true)
        }
    }

    func entry(_ path: String) -> Entry? {
        lock.withLock {
            seen.insert(path)
            return entries[path]
        }
    }

    func store(_ path: String, _ entry: Entry) {
        lock.withLock {
            seen.insert(path)
            entries[path] = entry
        }
    }

    func remove(_ path: String) {
        _ = lock.withLock { entries.removeValue(forKey: path) }
    }

    /// Drops entries of files the last build did not see (deleted articles).
    func dropUnseen() {
        lock.withLock { entries = entries.filter { seen.contains($0.key) } }
    }

    public var count: Int { lock.withLock { entries.count } }

    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }

    // MARK: Persistence

    static let format = "briefgen-summaries 1"

    /// Loads a saved cache; a missing, older or damaged file gives an empty cache.
    public static func load(from url: URL) -> SummaryCache {
        let cache = SummaryCache()
        guard let data = try? Data(contentsOf: url) else { return cache }
        var reader = BinaryReader([UInt8](data))
        do {
            guard try reader.readString() == format else { return cache }
            cache.inputs = ContentHash(raw: try reader.readUInt64())
            let count = try reader.readInt()
            for _ in 0..<count {
                let path = try reader.readString()
                cache.entries[path] = try readEntry(&reader, path: path)
            }
        } catch {
            return SummaryCache()
        }
        return cache
    }

    /// Saves the cache atomically (temporary file and rename).
    public func save(to url: URL) throws(Diagnostic) {
        var writer = BinaryWriter(capacity: 1 << 20)
        lock.withLock {
            writer.write(SummaryCache.format)
            writer.write(inputs?.value ?? 0)
            writer.write(entries.count)
            for path in entries.keys.sorted() {
                writer.write(path)
                SummaryCache.writeEntry(entries[path]!, to: &writer)
            }
        }
        try FileSystem.makeDirectories(url.deletingLastPathComponent().path)
        let temporary = url.path + ".tmp-\(getpid())"
        try FileSystem.write(bytes: writer.bytes, to: temporary)
        try FileSystem.rename(temporary, url.path)
    }

    private static func writeEntry(_ entry: Entry, to writer: inout BinaryWriter) {
        writer.write(entry.stamp.size)
        writer.write(entry.stamp.modified)
        writer.write(entry.stamp.inode)
        let summary = entry.summary
        writer.write(summary.slug)
        writer.write(summary.sourceHash.value)
        writer.write(summary.title)
        writer.write(summary.date.ordinal)
        writer.write(summary.source)
        writer.write(summary.url)
        writer.write(summary.draft)
        writer.write(summary.summary)
        writer.write(summary.points)
        writer.write(summary.actors)
        writer.write(summary.sections.count)
        for section in summary.sections {
            writer.write(section.index)
            writer.write(section.heading)
            writer.write(section.anchor)
            writer.write(section.blocks.lowerBound)
            writer.write(section.blocks.upperBound)
            writer.write(section.excerpt)
            writer.write(section.points)
        }
        writer.write(summary.quotes.count)
        for located in summary.quotes {
            writer.write(located.quote.text)
            writer.write(located.quote.speaker)
            writer.write(located.quote.actor)
            writer.write(located.quote.block)
            writer.write(located.anchor)
            writer.write(located.sectionIndex)
        }
        writer.write(summary.anchors)
        writer.write(summary.links.count)
        for link in summary.links {
            writer.write(link.destination)
            writer.write(link.line)
            writer.write(link.isImage)
        }
        writer.write(entry.problems.count)
        for problem in entry.problems {
            writer.write(problem.file)
            writer.write(problem.line)
            writer.write(problem.column)
            writer.write(problem.message)
        }
    }

    private static func readEntry(_ reader: inout BinaryReader, path: String) throws(BinaryReader.Truncated) -> Entry {
        let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt(), inode: try reader.readUInt64())
        let slug = try reader.readString()
        let hash = ContentHash(raw: try reader.readUInt64())
        let title = try reader.readString()
        let date = Day(ordinal: try reader.readInt())
        let source = try reader.readOptionalString()
        let url = try reader.readOptionalString()
        let draft = try reader.readBool()
        let summaryText = try reader.readString()
        let points = try reader.readStrings()
        let actors = try reader.readStrings()
        var sections: [ArticleSection] = []
        for _ in 0..<(try reader.readInt()) {
            let index = try reader.readInt()
            let heading = try reader.readOptionalString()
            let anchor = try reader.readString()
            let lower = try reader.readInt(), upper = try reader.readInt()
            let excerpt = try reader.readString()
            let sectionPoints = try reader.readStrings()
            sections.append(ArticleSection(index: index, heading: heading, anchor: anchor, blocks: lower..<max(lower, upper),
                                           text: "", excerpt: excerpt, points: sectionPoints))
        }
        var quotes: [LocatedQuote] = []
        for _ in 0..<(try reader.readInt()) {
            let quote = Quote(text: try reader.readString(), speaker: try reader.readOptionalString(),
                              actor: try reader.readOptionalString(), block: try reader.readOptionalInt())
            quotes.append(LocatedQuote(quote: quote, anchor: try reader.readOptionalString(), sectionIndex: try reader.readInt()))
        }
        let anchors = try reader.readStrings()
        var links: [MarkdownLink] = []
        for _ in 0..<(try reader.readInt()) {
            links.append(MarkdownLink(destination: try reader.readString(), line: try reader.readInt(), isImage: try reader.readBool()))
        }
        var problems: [Diagnostic] = []
        for _ in 0..<(try reader.readInt()) {
            problems.append(Diagnostic(file: try reader.readString(), line: try reader.readOptionalInt(),
                                       column: try reader.readOptionalInt(), try reader.readString()))
        }
        let summary = ArticleSummary(slug: slug, sourcePath: path, sourceHash: hash, title: title, date: date, source: source,
                                     url: url, draft: draft, summary: summaryText, points: points, actors: actors,
                                     sections: sections, quotes: quotes, anchors: anchors, links: links)
        return Entry(stamp: stamp, summary: summary, problems: problems)
    }
}
