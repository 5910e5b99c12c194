import BriefgenCore
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders for changes and reports them, debounced: editors save in bursts (a temporary
/// file, a rename, a touch), and one rebuild per burst is what a writer wants.
///
/// On Linux it uses inotify, so the cost does not grow with the number of files; where inotify is
/// unavailable (or its watch limit is reached) it falls back to polling file sizes and times.
///
/// A watched folder that is deleted loses its watches for good (inotify drops them), so the
/// folders' parents are watched too, for the folders' own names only: when `Content/` is deleted
/// and made again (`rm -rf Content; cp -r … Content`), its watches come back. A watched folder
/// that is moved away (`mv Content Content.bak`) counts as deleted: its watches are removed,
/// rather than left following the folder under its new name.
public final class SiteWatcher: @unchecked Sendable {
    public let folders: [URL]
    let debounce: Duration
    private let queue = DispatchQueue(label: "briefgen.watcher")
    private var descriptor: Int32 = -1
    private var source: DispatchSourceRead?
    private var timer: DispatchSourceTimer?
    private var watches: [Int32: String] = [:]
    /// Watches on the watched folders' parents, by descriptor: the parent's path.
    private var parentWatches: [Int32: String] = [:]
    private var pending: DispatchWorkItem?
    private var onChange: (@Sendable () -> Void)?
    private var lastSignature: ContentSignature?
    public private(set) var usesPolling = false

    let forcePolling: Bool

    /// - Parameter forcePolling: poll even where inotify works (for tests and odd file systems).
    public init(folders: [URL], debounce: Duration = .milliseconds(150), forcePolling: Bool = false) {
        self.folders = folders.map(\.standardizedFileURL)
        self.debounce = debounce
        self.forcePolling = forcePolling
    }

    /// Starts watching; `onChange` runs (on a background queue) once per burst of changes.
    public func start(onChange: @escaping @Sendable () -> Void) {
        queue.sync {
            self.onChange = onChange
            if forcePolling || !startInotify() { startPolling() }
        }
    }

    public func stop() {
        queue.sync {
            source?.cancel()
            source = nil
            timer?.cancel()
            timer = nil
            pending?.cancel()
            onChange = nil
        }
    }

    // MARK: inotify

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    private func startInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return false }
        descriptor = fd
        for folder in folders where !addWatches(under: folder.path) {
            close(fd)
            descriptor = -1
            watches = [:]
            return false
        }
        for parent in Set(folders.map { $0.deletingLastPathComponent().path }) {
            // IN_MASK_ADD: a parent that is itself watched keeps its full mask.
            let wd = inotify_add_watch(fd, parent, UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR | IN_MASK_ADD))
            if wd >= 0 { parentWatches[wd] = parent }
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.readEvents() }
        source.setCancelHandler { close(fd) }
        source.resume()
        self.source = source
        return true
    }

    /// Watches a folder and every folder below it (inotify is not recursive).
    private func addWatches(under path: String) -> Bool {
        let wd = inotify_add_watch(descriptor, path, SiteWatcher.mask)
        if wd < 0 { return errno == ENOENT } // a folder that vanished meanwhile is fine
        watches[wd] = path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
        for name in names where !name.hasPrefix(".") || Assets.publishedHiddenNames.contains(name) {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, !addWatches(under: child) { return false }
        }
        return true
    }

    /// Stops watching a folder and everything below it. Their `IN_IGNORED` events come later, for
    /// descriptors no longer known, and are skipped.
    private func removeWatches(under path: String) {
        for (wd, watched) in watches where watched == path || watched.hasPrefix(path + "/") {
            inotify_rm_watch(descriptor, wd)
            watches.removeValue(forKey: wd)
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameLength = Int(event.len)
                var name = ""
                if nameLength > 0 {
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = buffer[start..<min(start + nameLength, count)].prefix { $0 != 0 }
                    name = String(decoding: bytes, as: UTF8.self)
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                // Editors' swap and backup files are not content; `.htaccess` and the like are.
                if name.hasPrefix(".") && !Assets.publishedHiddenNames.contains(name) || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                if let parent = parentWatches[event.wd], event.mask & UInt32(IN_ISDIR) != 0,
                   event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   folders.contains(where: { $0.path == parent + "/" + name }) {
                    // A watched folder (re)appeared: watch it and everything in it again.
                    _ = addWatches(under: parent + "/" + name)
                    changed = true
                    continue
                }
                if event.mask & UInt32(IN_MOVE_SELF) != 0, let path = watches[event.wd], folders.contains(where: { $0.path == path }) {
                    // A watched folder moved away (`mv Content Content.bak`): inotify would follow it
                    // to its new name, but the site is read from the old one. Like a deletion, then;
                    // the parent's watch sees a new folder of that name.
                    removeWatches(under: path)
                    changed = true
                    continue
                }
                // Anything else in a parent that is not itself watched is not content.
                if watches[event.wd] == nil, event.mask & UInt32(IN_Q_OVERFLOW) == 0 { continue }
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                   let parent = watches[event.wd] {
                    _ = addWatches(under: parent + "/" + name)
                }
                if event.mask & UInt32(IN_IGNORED) != 0 { watches.removeValue(forKey: event.wd); continue }
                changed = true
            }
        }
        if changed { schedule() }
    }

    // MARK: Polling

    private func startPolling() {
        usesPolling = true
        lastSignature = ContentSignature(folders: folders)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = Int(SiteWatcher.pollInterval.components.seconds * 1000)
            + Int(SiteWatcher.pollInterval.components.attoseconds / 1_000_000_000_000_000)
        timer.schedule(deadline: .now() + .milliseconds(interval), repeating: .milliseconds(interval))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let signature = ContentSignature(folders: self.folders)
            if signature != self.lastSignature {
                self.lastSignature = signature
                self.schedule()
            }
        }
        timer.resume()
        self.timer = timer
    }

    // MARK: Debounce

    /// How often polling looks at the files.
    static let pollInterval = Duration.milliseconds(500)

    /// How long the folders must stay quiet before a change is reported. Polling sees a burst of
    /// saves that straddles one of its looks as two changes, a look apart: with a shorter wait
    /// than that, the first would be reported alone and the site built twice. So polling waits
    /// at least one look and a little more, and the rest of the burst joins the first change.
    static func quietPeriod(debounce: Duration, polling: Bool) -> Duration {
        polling ? max(debounce, pollInterval + .milliseconds(100)) : debounce
    }

    private func schedule() {
        pending?.cancel()
        let work = DispatchWorkItem { [weak self] in self?.onChange?() }
        pending = work
        let quiet = SiteWatcher.quietPeriod(debounce: debounce, polling: usesPolling)
        let delay = Int(quiet.components.seconds * 1000) + Int(quiet.components.attoseconds / 1_000_000_000_000_000)
        queue.asyncAfter(deadline: .now() + .milliseconds(delay), execute: work)
    }
}

/// Size and modification time of every file under some folders, hashed: what polling compares.
/// A stat per file, no reads: about 10,000 files in a few milliseconds.
struct ContentSignature: Equatable {
    var value: UInt64

    init(folders: [URL]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ number: UInt64) { hash = (hash ^ number) &* 0x0000_0100_0000_01b3 }
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String { paths.append(path) }
            for path in paths.sorted() {
                var info = stat()
                guard stat(folder.path + "/" + path, &info) == 0 else { continue }
                for byte in path.utf8 { mix(UInt64(byte)) }
                mix(UInt64(bitPattern: Int64(info.st_size)))
                mix(UInt64(bitPattern: Int64(info.st_mtim.tv_sec)))
                mix(UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)))
            }
        }
        value = hash
    }
}
