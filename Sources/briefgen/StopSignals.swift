import CBriefgenSystem
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM for `serve`: their handler writes a byte to a pipe, read here on a thread
/// of its own.
///
/// Stopping must not depend on Swift's cooperative thread pool, which a busy server or the first
/// build (it runs before the server is announced) may hold. So the reading thread first asks for
/// a clean stop, and if the process is still alive after `grace` (or on a second signal) removes
/// the temporary folder and exits itself. Signals are watched from before the first build: a
/// Ctrl-C during it must clean up too.
enum StopSignals {
    /// How long a clean stop may take before the process exits anyway.
    static let grace: Double = 2

    /// Starts watching. `onStop` runs once, on the reading thread, at the first signal (it should
    /// only resume the task that stops the server). Before a forced exit, `mayExit` is asked
    /// every tenth of a second until it agrees (no build is writing into the folder `cleanUp`
    /// removes) or a further signal insists; then `cleanUp` runs.
    /// - Parameters:
    ///   - grace: how long a clean stop may take (none for a build, which has no clean stop).
    ///   - exitStatus: the status of a forced exit (130, as a shell reports Ctrl-C, for a build).
    ///   - insistingWaits: a further signal does not override `mayExit` either (a build's commit,
    ///     which carries `Output/.git` through the staging folder, is never cut short).
    static func watch(grace: Double = StopSignals.grace, exitStatus: Int32 = 0, insistingWaits: Bool = false,
                      onStop: @escaping @Sendable () -> Void, mayExit: @escaping @Sendable () -> Bool,
                      cleanUp: @escaping @Sendable () -> Void) throws {
        let signals = briefgen_watch_stop_signals()
        guard signals >= 0 else { throw SystemCallError(description: String(cString: strerror(errno))) }
        Thread.detachNewThread {
            guard readByte(signals, timeout: -1) else { return }
            say("\nStopping.")
            onStop()
            // A second signal, or a clean stop that takes too long, ends the process from here.
            var insisted = grace > 0 && readByte(signals, timeout: Int32(grace * 1000))
            while !insisted || insistingWaits, !stopped.withLock({ $0 }), !mayExit() {
                insisted = readByte(signals, timeout: 100)
            }
            // A clean stop that finished meanwhile ends the process itself.
            if stopped.withLock({ $0 }) { return }
            cleanUp()
            // `_exit`, not `exit`: the main thread may be exiting too, and `exit` would run the
            // atexit handlers and static teardown a second time, under the server's threads.
            _exit(exitStatus)
        }
    }

    private static let stopped = Mutex(false)

    /// Called once the clean stop is done: the forced exit is then not needed.
    static func markStopped() {
        stopped.withLock { $0 = true }
    }

    /// Waits for one byte on `fd`, at most `timeout` milliseconds (-1: for ever). False on
    /// timeout or when the pipe fails.
    private static func readByte(_ fd: Int32, timeout: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, timeout)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return false }
            var byte: UInt8 = 0
            let count = read(fd, &byte, 1)
            if count == 1 { return true }
            if count < 0, errno == EINTR { continue }
            return false
        }
    }
}
