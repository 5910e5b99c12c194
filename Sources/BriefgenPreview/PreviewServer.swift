import BriefgenCore
import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `briefgen serve`: builds the site, serves it on loopback, rebuilds on every change under
/// `Content/` and `Templates/`, and tells open pages to reload.
///
/// Rebuilds are incremental: analysed articles stay in memory and pages keep their fingerprints,
/// so editing one article re-renders that article and the pages that show it. A failed rebuild
/// keeps the last good site on screen, with the errors shown over it.
public final class PreviewServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: UInt16
        /// Build options; the base URL is set to the server's own address.
        public var build: BuildOptions
        public var watch: Bool
        /// Remove the output folder when the server stops (it is a temporary folder by default).
        public var removeOutputOnStop: Bool
        /// What the front relay accepts as a request head.
        public var headLimits: RequestHeadLimits
        /// How often open live-reload streams get a comment line (which finds the closed ones).
        public var heartbeat: Duration

        public init(host: String = "127.0.0.1", port: UInt16 = 8000, build: BuildOptions, watch: Bool = true,
                    removeOutputOnStop: Bool = true, headLimits: RequestHeadLimits = RequestHeadLimits(),
                    heartbeat: Duration = .seconds(15)) {
            self.host = host
            self.port = port
            self.build = build
            self.watch = watch
            self.removeOutputOnStop = removeOutputOnStop
            self.headLimits = headLimits
            self.heartbeat = heartbeat
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case portInUse(host: String, port: UInt16)
        case cannotListen(host: String, port: UInt16, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                return "port \(port) on \(host) is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)"
            case .cannotListen(let host, let port, let reason):
                return "cannot listen on \(host):\(port): \(reason)"
            }
        }
    }

    public struct Rebuild: Sendable {
        public var succeeded: Bool
        public var problems: [Diagnostic]
        public var report: BuildReport?
        public var seconds: Double
    }

    public let configuration: Configuration
    public let state = PreviewState()
    public let liveReload = LiveReload()
    let cache = SummaryCache()
    private var server: HTTPServer?
    private var relay: FrontRelay?
    private var serverTask: Task<Void, Error>?
    private var watcher: SiteWatcher?
    private let buildQueue = DispatchQueue(label: "briefgen.serve.build")
    private var options: BuildOptions
    private let lock = NSLock()
    private var rebuildRequested = false
    private var rebuilding = false
    /// Called after every build with its outcome (the CLI prints it).
    public var onRebuild: (@Sendable (Rebuild) -> Void)?
    private var _lastRebuild: Rebuild?
    /// The outcome of the most recent build.
    public var lastRebuild: Rebuild? { lock.withLock { _lastRebuild } }

    public init(configuration: Configuration) {
        self.configuration = configuration
        options = configuration.build
    }

    /// The address the server listens on, once started.
    public private(set) var url: URL?

    /// Listens, builds once, starts watching. Returns the site's URL.
    ///
    /// FlyingFox listens on a Unix socket in a folder only this user can enter, and is reached
    /// only through the front relay, which listens on the configured address (see `FrontRelay`).
    /// On a loopback port of its own, any local process, or a web page that found the port, could
    /// skip the relay's limits.
    public func start() async throws -> URL {
        do {
            _ = try sockaddr_in.inet(ip4: configuration.host, port: configuration.port)
        } catch {
            throw StartError.cannotListen(host: configuration.host, port: configuration.port, reason: "only IPv4 addresses are supported (for loopback use 127.0.0.1)")
        }
        PreviewServer.raiseOpenFileLimit()
        let backendPath = try await startBackend()
        let relay: FrontRelay
        do {
            relay = try FrontRelay(host: configuration.host, port: configuration.port, backendPath: backendPath,
                                   limits: configuration.headLimits) { [weak self] message in self?.onListenerRestart?(message) }
        } catch let failure as RelaySockets.Failure {
            await stopBackend()
            removeBackendSocket()
            if failure.code == EADDRINUSE { throw StartError.portInUse(host: configuration.host, port: configuration.port) }
            throw StartError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(failure)")
        }
        relay.start()
        lock.withLock { self.relay = relay }
        liveReload.startHeartbeat(every: configuration.heartbeat)
        let shownHost = configuration.host == "0.0.0.0" ? "localhost" : configuration.host
        let url = URL(string: "http://\(shownHost):\(relay.port)/")!
        self.url = url
        options.baseURL = url.absoluteString

        // On the build queue, not on the calling task's thread: a build of several seconds would
        // hold one of Swift's few cooperative threads, which FlyingFox answers requests on (with
        // several servers in one process, the test suite's, requests timed out meanwhile).
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            buildQueue.async { [self] in
                _ = rebuildNow()
                continuation.resume()
            }
        }
        if configuration.watch {
            let watcher = SiteWatcher(folders: [options.contentDirectory, options.templatesDirectory])
            watcher.start { [weak self] in self?.requestRebuild() }
            self.watcher = watcher
        }
        return url
    }

    /// Starts FlyingFox on a Unix socket in a new private folder, and returns the socket's path
    /// once it listens.
    private func startBackend() async throws -> String {
        let path: String
        do {
            path = try PreviewServer.makeSocketFolder() + "/http.sock"
        } catch {
            throw StartError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        lock.withLock { backendPath = path }
        let address = sockaddr_un.unix(path: path)
        let handler = StaticSiteHandler(root: configuration.build.outputDirectory, state: state, liveReload: liveReload)
        let server = HTTPServer(address: address, timeout: 60, logger: .disabled, handler: handler)
        lock.withLock { self.server = server }
        let failure = FailureBox()
        let task = Task { [weak self] in
            do {
                try await server.run()
            } catch {
                failure.set(error)
                guard let self, let listening = self.listeningPath else { throw error }
                // The accept loop ended after the server had been listening (out of file
                // descriptors under a flood of connections): listen again, on the same socket,
                // rather than leave a relay in front of nothing.
                try await self.keepListening(on: listening, handler: handler, after: error)
            }
        }
        serverTask = task
        // Wait until the socket listens, or report why it could not. The deadline only bounds a
        // failure: on a busy machine (the test suite's builds on two cores) five seconds passed
        // before the server's task was first scheduled.
        let deadline = ContinuousClock.now + .seconds(30)
        while await !server.isListening {
            if ContinuousClock.now > deadline {
                task.cancel()
                removeBackendSocket()
                throw StartError.cannotListen(host: configuration.host, port: configuration.port, reason: "timed out")
            }
            if let error = failure.error {
                removeBackendSocket()
                throw StartError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        lock.withLock { listening = true }
        return path
    }

    /// A new folder only this user can enter (`mkdtemp` makes it 0700), for FlyingFox's socket.
    /// A socket's path must fit in 108 bytes, so a long `TMPDIR` gives way to `/tmp`.
    static func makeSocketFolder() throws -> String {
        var base = FileManager.default.temporaryDirectory.path
        if base.utf8.count > 60 { base = "/tmp" }
        var template = Array((base + "/briefgen-http-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw RelaySockets.Failure(call: "mkdtemp", code: errno) }
        return String(cString: made)
    }

    /// The folder of FlyingFox's socket, removed on every way out (also by a forced exit).
    public func removeBackendSocket() {
        guard let path = lock.withLock({ backendPath }) else { return }
        _ = unlink(path)
        _ = rmdir(String(path.dropLast("/http.sock".count)))
    }

    /// Where FlyingFox listens, for tests: a Unix socket's path.
    var backendSocketPath: String? { lock.withLock { backendPath } }

    private func stopBackend() async {
        lock.withLock { stopping = true }
        if let server = lock.withLock({ self.server }) { await server.stop(timeout: 1) }
        serverTask?.cancel()
    }

    private var backendPath: String?
    private var listening = false
    private var stopping = false
    private var listeningPath: String? { lock.withLock { stopping || !listening ? nil : backendPath } }
    /// Called when the relay cannot accept connections for a while, or FlyingFox had to listen
    /// again after its accept loop failed (the CLI prints it).
    public var onListenerRestart: (@Sendable (String) -> Void)?
    /// How many times the listener was restarted.
    public private(set) var listenerRestarts = 0

    private func keepListening(on path: String, handler: StaticSiteHandler, after firstError: Error) async throws {
        var error = firstError
        while !Task.isCancelled, listeningPath != nil {
            lock.withLock { listenerRestarts += 1 }
            onListenerRestart?("the server stopped accepting connections (\(error)); listening again")
            // Give the connections that exhausted the descriptors a moment to close.
            try await Task.sleep(for: .milliseconds(500))
            guard listeningPath != nil else { return }
            // The old socket's file stays after it closes, and binding to its path would fail.
            _ = unlink(path)
            let server = HTTPServer(address: sockaddr_un.unix(path: path), timeout: 60, logger: .disabled, handler: handler)
            lock.withLock { self.server = server }
            do {
                try await server.run()
                return
            } catch let next {
                error = next
            }
        }
    }

    /// Lifts the soft limit on open files to the hard one, as servers do: each connection is a
    /// descriptor, and the default 1,024 is reached by a browser plus a few scripts.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Connections the front relay is handling now (each has a thread and up to two sockets).
    var relayConnectionCount: Int { lock.withLock { relay }?.connectionCount ?? 0 }

    /// Whether the watcher polls instead of using inotify.
    public var watcherPolls: Bool { watcher?.usesPolling ?? false }


    /// Builds now, on the calling thread; nil once `endBuilds()` has succeeded.
    @discardableResult
    public func rebuildNow() -> Rebuild? {
        let allowed = lock.withLock { () -> Bool in
            if buildsEnded { return false }
            buildRunning = true
            return true
        }
        guard allowed else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Rebuild
        do {
            let report = try SiteBuilder(options: options, cache: cache).build()
            state.buildSucceeded()
            outcome = Rebuild(succeeded: true, problems: [], report: report, seconds: (clock.now - start).seconds)
        } catch {
            state.buildFailed(error.diagnostics)
            outcome = Rebuild(succeeded: false, problems: error.diagnostics, report: nil, seconds: (clock.now - start).seconds)
        }
        lock.withLock { buildRunning = false }
        lock.withLock { _lastRebuild = outcome }
        liveReload.reload()
        onRebuild?(outcome)
        return outcome
    }

    private var buildRunning = false
    private var buildsEnded = false

    /// If no build is running, refuses every later one and returns true; false while a build runs.
    ///
    /// The forced exit after Ctrl-C asks this before it removes the output folder: it cannot stop
    /// a build, and a build writing into the folder makes its subfolders again (`mkdir -p`) as
    /// they are removed. The first build, which runs before the server is announced, included.
    public func endBuilds() -> Bool {
        lock.withLock {
            if buildRunning { return false }
            buildsEnded = true
            return true
        }
    }

    /// Queues a rebuild; changes during a rebuild lead to exactly one more.
    public func requestRebuild() {
        let start = lock.withLock { () -> Bool in
            if rebuilding { rebuildRequested = true; return false }
            rebuilding = true
            return true
        }
        guard start else { return }
        buildQueue.async { [weak self] in
            guard let self else { return }
            while true {
                self.rebuildNow()
                let again = self.lock.withLock { () -> Bool in
                    if self.rebuildRequested { self.rebuildRequested = false; return true }
                    self.rebuilding = false
                    return false
                }
                if !again { break }
            }
        }
    }

    /// Stops watching, stops the relay (which closes its connections), closes live-reload
    /// streams, stops the server and removes the temporary output.
    public func stop() async {
        lock.withLock { stopping = true }
        watcher?.stop()
        lock.withLock { relay }?.stop()
        liveReload.closeAll()
        await stopBackend()
        removeBackendSocket()
        buildQueue.sync {}
        removeTemporaryOutput()
    }

    private let removalLock = NSLock()
    private var temporaryOutputRemoved = false

    /// Removes the temporary output folder (with `removeOutputOnStop`), once. A Ctrl-C during the
    /// first build has two ways out that both remove it, the clean stop and the forced exit (see
    /// `StopSignals`); each used to remove the tree on its own, and either could end the process
    /// while the other was halfway through, leaving part of the site behind. The one that comes
    /// second now waits here until the folder is gone.
    public func removeTemporaryOutput() {
        guard configuration.removeOutputOnStop else { return }
        removalLock.withLock {
            guard !temporaryOutputRemoved else { return }
            try? FileManager.default.removeItem(at: configuration.build.outputDirectory.deletingLastPathComponent())
            temporaryOutputRemoved = true
        }
    }
}

/// The error the server's run loop ended with, read while waiting for it to listen.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.withLock { stored } }
    func set(_ error: Error) { lock.withLock { stored = error } }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
