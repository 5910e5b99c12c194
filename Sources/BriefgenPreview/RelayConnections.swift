import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The sockets the front relay's connection threads hold, so that stopping can wake them all
/// (`shutdown` ends their waits at once; each thread still closes its own sockets), and a cap on
/// how many connections are handled at once.
///
/// Each connection has a thread of its own; past the cap, new connections wait in the kernel's
/// listen queue instead of making thousands of threads.
final class RelayConnections: @unchecked Sendable {
    let limit: Int
    private let condition = NSCondition()
    private var sockets: Set<Int32> = []
    private var connections = 0
    private var stopped = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Waits until fewer than `limit` connections are being handled (only the accepting thread
    /// adds any, so there is then room for the next). False once stopping.
    func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, connections >= limit { condition.wait() }
        return !stopped
    }

    /// Records a new connection and its socket; false (and nothing recorded) once stopping, when
    /// the socket should be closed.
    func beginConnection(_ socket: Int32) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if stopped { return false }
        connections += 1
        sockets.insert(socket)
        return true
    }

    func endConnection() {
        condition.lock()
        connections -= 1
        condition.signal()
        condition.unlock()
    }

    /// Records a socket; false (and it is not recorded) once stopping, when it should be closed.
    func add(_ socket: Int32) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if stopped { return false }
        sockets.insert(socket)
        return true
    }

    /// Forgets a socket and closes it. Forgotten under the lock first, so stopping never shuts
    /// down a descriptor number that has meanwhile been reused for another file.
    func close(_ socket: Int32) {
        condition.lock()
        sockets.remove(socket)
        condition.unlock()
        _ = Glibc.close(socket)
    }

    /// Refuses further sockets and shuts down every recorded one, which wakes their threads.
    func stopAll() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        for socket in sockets { _ = shutdown(socket, Int32(SHUT_RDWR)) }
        condition.broadcast()
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return connections
    }
}
