import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error, shown only on a terminal and only once a build has run for
/// a second: short builds stay quiet, long ones show they are alive, and CI logs stay clean.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var step = ""
    private var shown = false
    private let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func stepStarted(_ name: String) {
        lock.lock()
        step = name
        lock.unlock()
        update(done: nil, total: nil)
    }

    func update(done: Int?, total: Int?) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - start > .seconds(1), now - lastDraw > .milliseconds(100) || done == total else { return }
        lastDraw = now
        var line = "\r\u{1B}[2K" + step
        if let done, let total, total > 0 {
            let width = 30
            let filled = width * done / total
            line += " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
        }
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
