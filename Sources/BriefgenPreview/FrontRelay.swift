import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The part of `serve` that listens on the user's address and stands in front of FlyingFox,
/// which listens on a Unix socket in a private folder and is reached only through here.
///
/// FlyingFox reads a request head in time quadratic in the length of its lines and cannot be told
/// to stop, so two clients sending long lines kept its request handling busy for minutes. The
/// relay reads each head itself, linearly and within `RequestHeadLimits`, answers 414, 431 or
/// 408 to what exceeds them, and passes everything else on with `Connection: close`, then pipes
/// bytes both ways (see `RelayConnection`, `BytePipe`).
final class FrontRelay: @unchecked Sendable {
    /// The port the relay listens on (the one `serve` announces).
    let port: UInt16
    /// FlyingFox's Unix socket.
    let backendPath: String
    let limits: RequestHeadLimits
    private let listener: Int32
    /// A pipe `stop()` writes to, to wake the accepting thread; closed with the listener.
    private let wake: (read: Int32, write: Int32)
    private let wakeLock = NSLock()
    private var closed = false
    private let sockets: RelayConnections
    private let finished = DispatchSemaphore(value: 0)
    private let onAcceptFailure: @Sendable (String) -> Void

    /// Most connections handled at once; more wait in the listen queue.
    static let connectionLimit = 1024

    /// Listens on `host`:`port`; call `start()` to accept. Throws `RelaySockets.Failure`.
    init(host: String, port: UInt16, backendPath: String, limits: RequestHeadLimits,
         onAcceptFailure: @escaping @Sendable (String) -> Void) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw RelaySockets.Failure(call: "pipe", code: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        do {
            (listener, self.port) = try RelaySockets.listen(host: host, port: port)
        } catch {
            close(ends[0])
            close(ends[1])
            throw error
        }
        wake = (ends[0], ends[1])
        self.backendPath = backendPath
        self.limits = limits
        self.onAcceptFailure = onAcceptFailure
        sockets = RelayConnections(limit: FrontRelay.connectionLimit)
    }

    /// Starts accepting on a thread of its own.
    func start() {
        Thread.detachNewThread { [self] in
            acceptConnections()
            // Closed under the lock `stop()` writes under: never a write to a reused number.
            wakeLock.withLock {
                close(listener)
                close(wake.read)
                close(wake.write)
                closed = true
            }
            finished.signal()
        }
    }

    /// Stops accepting, wakes every connection so that it closes, and waits (briefly) for the
    /// listening socket to be closed.
    func stop() {
        wakeLock.withLock {
            guard !closed else { return }
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
        }
        sockets.stopAll()
        _ = finished.wait(timeout: .now() + 1)
    }

    /// Connections being handled now.
    var connectionCount: Int { sockets.count }

    private func acceptConnections() {
        // Set while `accept` fails, so that a run of failures is reported once.
        var failing = false
        while sockets.waitForRoom() {
            var pollers = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&pollers, 2, -1)
            if ready < 0, errno != EINTR { return }
            if pollers[1].revents != 0 { return }
            let client = accept(listener, nil, nil)
            if client < 0 {
                let code = errno
                if [EAGAIN, EINTR, ECONNABORTED, EPROTO].contains(code) { continue }
                // Out of descriptors (or memory) under a flood of connections: the pending ones
                // stay queued; try again once some of the connections have closed.
                if !failing {
                    onAcceptFailure("the server stopped accepting connections (\(RelaySockets.Failure(call: "accept", code: code))); trying again every half second")
                }
                failing = true
                if pausedUntilWoken(for: .milliseconds(500)) { return }
                continue
            }
            failing = false
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            handle(client)
        }
    }

    /// Hands a connection to a thread of its own; closes it when no thread can be made.
    private func handle(_ client: Int32) {
        guard sockets.beginConnection(client) else {
            close(client)
            return
        }
        let connection = RelayConnection(client: client, backendPath: backendPath, limits: limits, sockets: sockets)
        let sockets = self.sockets
        let started = RelaySockets.detachThread {
            connection.run()
            sockets.endConnection()
        }
        if !started {
            sockets.close(client)
            sockets.endConnection()
        }
    }

    /// Sleeps for `duration` unless `stop()` is called first; true if it was.
    private func pausedUntilWoken(for duration: Duration) -> Bool {
        RelaySockets.wait(wake.read, for: Int16(POLLIN), until: .now + duration)
    }
}
