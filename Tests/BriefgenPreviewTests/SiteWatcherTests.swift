@testable import BriefgenPreview
import Foundation
import Testing

@Suite("Site watcher", .timeLimit(.minutes(1)))
struct SiteWatcherTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    func waitFor(_ counter: Counter, atLeast count: Int, seconds: Double = 5) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if counter.count >= count { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return counter.count >= count
    }

    @Test("polling waits longer than one look before reporting, so a burst across a look is one change")
    func pollingQuietPeriod() {
        let look = SiteWatcher.pollInterval
        #expect(SiteWatcher.quietPeriod(debounce: .milliseconds(150), polling: false) == .milliseconds(150))
        #expect(SiteWatcher.quietPeriod(debounce: .milliseconds(150), polling: true) > look)
        #expect(SiteWatcher.quietPeriod(debounce: .milliseconds(400), polling: true) > look)
        #expect(SiteWatcher.quietPeriod(debounce: .seconds(2), polling: true) == .seconds(2))
    }

    @Test("reports edits, new files in new folders and deletions, once per burst", arguments: [false, true])
    func changes(_ polling: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("articles"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("articles/a.md")
        try "one".write(to: file, atomically: true, encoding: .utf8)
        // A debounce well above scheduling hiccups: the test suite runs in parallel on two cores,
        // and a burst split by a stalled thread would look like two changes.
        let watcher = SiteWatcher(folders: [folder], debounce: .milliseconds(400), forcePolling: polling)
        let counter = Counter()
        watcher.start { counter.increment() }
        defer { watcher.stop() }
        #expect(watcher.usesPolling == polling)
        try await Task.sleep(for: .milliseconds(100))

        // A burst of writes is one change.
        for text in ["two", "three", "four"] { try text.write(to: file, atomically: false, encoding: .utf8) }
        #expect(try await waitFor(counter, atLeast: 1))
        try await Task.sleep(for: .milliseconds(polling ? 1_100 : 700))
        #expect(counter.count == 1)

        // A file in a folder created after the watch started.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("articles/2026"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(polling ? 700 : 200))
        let before = counter.count
        try "new".write(to: folder.appendingPathComponent("articles/2026/b.md"), atomically: true, encoding: .utf8)
        #expect(try await waitFor(counter, atLeast: before + 1))

        let beforeDelete = counter.count
        try FileManager.default.removeItem(at: file)
        #expect(try await waitFor(counter, atLeast: beforeDelete + 1))
    }

    @Test("a watched folder that is deleted and made again is watched again", arguments: [false, true])
    func recreatedFolder(_ polling: Bool) async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let content = site.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        let file = content.appendingPathComponent("articles/a.md")
        try "one".write(to: file, atomically: true, encoding: .utf8)
        let watcher = SiteWatcher(folders: [content], debounce: .milliseconds(300), forcePolling: polling)
        let counter = Counter()
        watcher.start { counter.increment() }
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(100))

        // `rm -rf Content; cp -r … Content`
        try FileManager.default.removeItem(at: content)
        try await Task.sleep(for: .milliseconds(polling ? 700 : 200))
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        try "two".write(to: file, atomically: true, encoding: .utf8)
        #expect(try await waitFor(counter, atLeast: 1), "the deletion and the new folder are changes")
        try await Task.sleep(for: .milliseconds(polling ? 1_200 : 600))

        // Something else beside the watched folder is not a change.
        let settled = counter.count
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Output"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(polling ? 1_200 : 600))
        #expect(counter.count == settled)

        // An edit in the new folder is seen.
        try "three".write(to: file, atomically: false, encoding: .utf8)
        #expect(try await waitFor(counter, atLeast: settled + 1), "an edit after the folder came back is reported")
    }

    @Test("a watched folder moved away counts as deleted: edits under its new name are not changes, a new folder is watched",
          arguments: [false, true])
    func movedAwayFolder(_ polling: Bool) async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let content = site.appendingPathComponent("Content")
        let moved = site.appendingPathComponent("Content.bak")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try "one".write(to: content.appendingPathComponent("articles/a.md"), atomically: true, encoding: .utf8)
        let watcher = SiteWatcher(folders: [content], debounce: .milliseconds(300), forcePolling: polling)
        let counter = Counter()
        watcher.start { counter.increment() }
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(100))

        // `mv Content Content.bak`
        try FileManager.default.moveItem(at: content, to: moved)
        #expect(try await waitFor(counter, atLeast: 1), "the move is a change: the content is gone")
        try await Task.sleep(for: .milliseconds(polling ? 1_200 : 600))

        // Edits in the moved folder, and a folder made in it, are not content any more.
        let settled = counter.count
        try "two".write(to: moved.appendingPathComponent("articles/a.md"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: moved.appendingPathComponent("articles/2026"), withIntermediateDirectories: true)
        try "new".write(to: moved.appendingPathComponent("articles/2026/b.md"), atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(polling ? 1_200 : 600))
        #expect(counter.count == settled, "an edit in Content.bak triggered a rebuild")

        // A new Content/ is watched, and so are edits in it.
        try FileManager.default.createDirectory(at: content.appendingPathComponent("articles"), withIntermediateDirectories: true)
        #expect(try await waitFor(counter, atLeast: settled + 1), "the new folder is a change")
        try await Task.sleep(for: .milliseconds(polling ? 1_200 : 600))
        let recreated = counter.count
        try "three".write(to: content.appendingPathComponent("articles/c.md"), atomically: false, encoding: .utf8)
        #expect(try await waitFor(counter, atLeast: recreated + 1), "an edit in the new Content/ is reported")
    }
}
