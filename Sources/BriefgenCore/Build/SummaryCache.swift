import Foundation

/// What earlier builds learned about each article, so the next build reads and analyses only
/// the articles that changed.
///
/// Entries are keyed by the source file, and trusted when the file's size, modification time,
/// status-change time and inode are the same as when it was read (else when its bytes hash the
/// same). The status-change time is there because nothing but the kernel sets it: an edit that
/// keeps the size and then restores the old modification time (`touch -r`, `cp -p`, unpacking an
/// archive over the folder) still changes it. They are only as
/// good as the site inputs they were computed with (points, actors, settings, base URL): when
/// those change, the cache empties itself. `briefgen serve` keeps one in memory across rebuilds;
/// `briefgen build` keeps it in `.briefgen-cache/` between runs.
public final class SummaryCache: @unchecked Sendable {
    public struct FileStamp: Sendable, Equatable {
        var size: Int
        var modified: Int
        /// `st_ctim` in nanoseconds.
        var changed: Int
        var inode: UInt64
    }

    struct Entry: Sendable {
        var stamp: FileStamp
        var summary: ArticleSummary
        /// Reference problems of the article (unknown points or actors in its front matter).
        var problems: [Diagnostic]
    }

    /// A slice of the entries with its own lock and file: worker threads rarely wait on each
    /// other, loading reads the files in parallel, and saving after one edit rewrites one file.
    final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var entries: [String: Entry] = [:]
        /// Entries seen by the current build; the rest are dropped at its end.
        var seen: Set<String> = []
        /// Changed since loaded or saved.
        var dirty = false
    }

    static let shardCount = 64 // the mix below takes the top 6 bits
    private let shards: [Shard] = (0..<SummaryCache.shardCount).map { _ in Shard() }
    private let lock = NSLock()
    private var inputs: ContentHash?

    public init() {}

    private func shard(_ path: String) -> Shard {
        // The top bits of a multiplicative mix: the hash's low bits follow only the low bits
        // of its input words, and left most shards empty.
        shards[Int((ContentHash(path).value &* 0x9E37_79B9_7F4A_7C15) >> 58)]
    }

    /// Empties the cache unless it was filled under the same inputs (or when told to).
    public func prepare(inputs: ContentHash, discardingEverything: Bool = false) {
        let changed = lock.withLock {
            defer { self.inputs = inputs }
            return self.inputs != inputs || discardingEverything
        }
        for shard in shards {
            shard.lock.withLock {
                if changed {
                    shard.entries.removeAll()
                    shard.dirty = true
                }
                shard.seen.removeAll(keepingCapacity: true)
            }
        }
    }

    func entry(_ path: String) -> Entry? {
        let shard = shard(path)
        return shard.lock.withLock {
            shard.seen.insert(path)
            return shard.entries[path]
        }
    }

    func store(_ path: String, _ entry: Entry) {
        let shard = shard(path)
        shard.lock.withLock {
            shard.seen.insert(path)
            shard.entries[path] = entry
            shard.dirty = true
        }
    }

    func remove(_ path: String) {
        let shard = shard(path)
        shard.lock.withLock {
            if shard.entries.removeValue(forKey: path) != nil { shard.dirty = true }
        }
    }

    /// Drops entries of files the last build did not see (deleted articles).
    func dropUnseen() {
        for shard in shards {
            shard.lock.withLock {
                let kept = shard.entries.filter { shard.seen.contains($0.key) }
                if kept.count != shard.entries.count {
                    shard.entries = kept
                    shard.dirty = true
                }
            }
        }
    }

    public var count: Int { shards.reduce(0) { total, shard in total + shard.lock.withLock { shard.entries.count } } }

    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                         changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
    }

    // MARK: Persistence

    static let format = "briefgen-summaries 7"

    private static func shardFile(_ index: Int, in folder: URL) -> String {
        folder.path + "/" + String(format: "%02x", index)
    }

    /// Loads a saved cache (a folder of shard files, read in parallel); missing, older or damaged
    /// (checksum) shards are empty, and shards saved under other inputs than the first are dropped.
    public static func load(from folder: URL) -> SummaryCache {
        let cache = SummaryCache()
        let loaded: [(inputs: ContentHash, entries: [String: Entry])?] = Parallel.map(Array(0..<shardCount)) { index in
            guard let bytes = try? FileSystem.read(shardFile(index, in: folder), shown: "") else { return nil }
            return bytes.withUnsafeBufferPointer { whole -> (inputs: ContentHash, entries: [String: Entry])? in
                // The first 8 bytes check the rest: a damaged shard is dropped, never half-trusted.
                guard whole.count > 8 else { return nil }
                let buffer = UnsafeBufferPointer(rebasing: whole[8...])
                let checksum = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: whole[..<8])).loadUnaligned(as: UInt64.self)
                guard UInt64(littleEndian: checksum) == ContentHash(buffer).value else { return nil }
                var reader = BinaryReader(buffer)
                do {
                    guard try reader.readString() == format else { return nil }
                    let inputs = ContentHash(raw: try reader.readUInt64())
                    let count = try reader.readCount()
                    var entries: [String: Entry] = [:]
                    entries.reserveCapacity(count)
                    for _ in 0..<count {
                        let path = try reader.readString()
                        entries[path] = try readEntry(&reader, path: path)
                    }
                    return (inputs, entries)
                } catch {
                    return nil
                }
            }
        }
        cache.inputs = loaded.lazy.compactMap { $0?.inputs }.first
        for (shard, content) in zip(cache.shards, loaded) {
            guard let content, content.inputs == cache.inputs else { continue }
            shard.entries = content.entries
        }
        return cache
    }

    /// Saves the shards that changed, each atomically (temporary file and rename).
    public func save(to folder: URL) throws(Diagnostic) {
        if FileSystem.exists(folder.path), !FileSystem.isDirectory(folder.path) {
            unlink(folder.path) // a cache file from an older version
        }
        try FileSystem.makeDirectories(folder.path)
        OutputWriter.removeStaleTemporaries(in: folder.path)
        let inputs = lock.withLock { self.inputs?.value ?? 0 }
        let problems: [Diagnostic?] = Parallel.map(Array(shards.indices)) { index in
            let shard = shards[index]
            let bytes: [UInt8]? = shard.lock.withLock {
                guard shard.dirty else { return nil }
                var writer = BinaryWriter(capacity: 1 << 20)
                writer.write(SummaryCache.format)
                writer.write(inputs)
                writer.write(shard.entries.count)
                for path in shard.entries.keys.sorted() {
                    writer.write(path)
                    SummaryCache.writeEntry(shard.entries[path]!, to: &writer)
                }
                shard.dirty = false
                let checksum = ContentHash(writer.bytes).value.littleEndian
                return withUnsafeBytes(of: checksum) { Array($0) } + writer.bytes
            }
            guard let bytes else { return nil }
            let file = SummaryCache.shardFile(index, in: folder)
            let temporary = file + ".tmp-\(getpid())"
            do throws(Diagnostic) {
                try FileSystem.write(bytes: bytes, to: temporary)
                try FileSystem.rename(temporary, file)
                return nil
            } catch {
                return error
            }
        }
        if let problem = problems.lazy.compactMap({ $0 }).first { throw problem }
    }

    /// A save running on another thread; `wait()` returns when the files are in place.
    final class PendingSave: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var failure: Diagnostic?
        private var finished = false

        fileprivate init(_ work: @escaping @Sendable () throws(Diagnostic) -> Void) {
            DispatchQueue.global().async {
                do throws(Diagnostic) { try work() } catch { self.failure = error }
                self.done.signal()
            }
        }

        /// Blocks until the save has finished, and reports its failure. Call from one thread only;
        /// calling again returns at once.
        func wait() throws(Diagnostic) {
            if !finished {
                done.wait()
                finished = true
            }
            if let failure { throw failure }
        }
    }

    /// Starts `save(to:)` on another thread. A build calls it as soon as the articles are read:
    /// the summaries are final then, and the steps that follow (the briefing, planning pages,
    /// checking links) run on one thread, which leaves a core free for the save.
    func saveInBackground(to folder: URL) -> PendingSave {
        PendingSave { () throws(Diagnostic) in try self.save(to: folder) }
    }

    private static func writeEntry(_ entry: Entry, to writer: inout BinaryWriter) {
        writer.write(entry.stamp.size)
        writer.write(entry.stamp.modified)
        writer.write(entry.stamp.changed)
        writer.write(entry.stamp.inode)
        let summary = entry.summary
        writer.write(summary.slug)
        writer.write(summary.sourceHash.value)
        writer.write(summary.title)
        writer.write(summary.date.ordinal)
        writer.write(summary.updated?.ordinal)
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
            let turns = section.pointExcerpts.sorted { $0.key < $1.key }
            writer.write(turns.map(\.key))
            writer.write(turns.map(\.value))
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
        writer.write(summary.anchors.joined)
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
        let stamp = FileStamp(size: try reader.readInt(), modified: try reader.readInt(), changed: try reader.readInt(),
                              inode: try reader.readUInt64())
        let slug = try reader.readString()
        let hash = ContentHash(raw: try reader.readUInt64())
        let title = try reader.readString()
        // A day no date can name: the entry is damaged, like a truncated one.
        guard let date = Day(storedOrdinal: try reader.readInt()) else { throw BinaryReader.Truncated() }
        var updated: Day?
        if let ordinal = try reader.readOptionalInt() {
            guard let day = Day(storedOrdinal: ordinal) else { throw BinaryReader.Truncated() }
            updated = day
        }
        let source = try reader.readOptionalString()
        let url = try reader.readOptionalString()
        let draft = try reader.readBool()
        let summaryText = try reader.readString()
        let points = try reader.readStrings()
        let actors = try reader.readStrings()
        var sections: [ArticleSection] = []
        for _ in 0..<(try reader.readCount()) {
            let index = try reader.readInt()
            let heading = try reader.readOptionalString()
            let anchor = try reader.readString()
            let lower = try reader.readInt(), upper = try reader.readInt()
            let excerpt = try reader.readString()
            let sectionPoints = try reader.readStrings()
            let turnPoints = try reader.readStrings(), turnExcerpts = try reader.readStrings()
            guard turnPoints.count == turnExcerpts.count else { throw BinaryReader.Truncated() }
            sections.append(ArticleSection(index: index, heading: heading, anchor: anchor, blocks: lower..<max(lower, upper),
                                           excerpt: excerpt, points: sectionPoints,
                                           pointExcerpts: Dictionary(zip(turnPoints, turnExcerpts), uniquingKeysWith: { first, _ in first })))
        }
        var quotes: [LocatedQuote] = []
        for _ in 0..<(try reader.readCount()) {
            let quote = Quote(text: try reader.readString(), speaker: try reader.readOptionalString(),
                              actor: try reader.readOptionalString(), block: try reader.readOptionalInt())
            quotes.append(LocatedQuote(quote: quote, anchor: try reader.readOptionalString(), sectionIndex: try reader.readInt()))
        }
        let anchors = AnchorList(joined: try reader.readString())
        var links: [MarkdownLink] = []
        for _ in 0..<(try reader.readCount()) {
            links.append(MarkdownLink(destination: try reader.readString(), line: try reader.readInt(), isImage: try reader.readBool()))
        }
        var problems: [Diagnostic] = []
        for _ in 0..<(try reader.readCount()) {
            problems.append(Diagnostic(file: try reader.readString(), line: try reader.readOptionalInt(),
                                       column: try reader.readOptionalInt(), try reader.readString()))
        }
        let summary = ArticleSummary(slug: slug, sourcePath: path, sourceHash: hash, title: title, date: date, updated: updated, source: source,
                                     url: url, draft: draft, summary: summaryText, points: points, actors: actors,
                                     sections: sections, quotes: quotes, anchors: anchors, links: links)
        return Entry(stamp: stamp, summary: summary, problems: problems)
    }
}
