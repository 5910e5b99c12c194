import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Copies bytes both ways between a client and FlyingFox, on non-blocking sockets with `poll`,
/// until FlyingFox has closed its side and everything it sent has reached the client.
///
/// Each direction holds at most one chunk and reads again only once it is written, so a peer
/// that stops reading stops the other one too, instead of filling memory. A client that closes
/// its sending side is passed on as such (`shutdown`), and the response still flows: the
/// live-reload stream stays open until the server ends it or a write to the client fails.
struct BytePipe {
    let client: Int32
    let backend: Int32
    /// How long bytes may wait for a peer that does not read them before the connection is
    /// dropped. There is no limit while nothing waits: the live-reload stream is idle for as long
    /// as nobody edits the site.
    var stall: Duration = .seconds(60)
    /// How long FlyingFox may take to start its response (`RequestHeadLimits.responseStart`). A
    /// head that promises a body and never sends it (`Content-Length: 100`, then two bytes) left
    /// FlyingFox waiting for ever, and the connection with it; the preview server's responses
    /// start at once.
    var responseStart: Duration = .seconds(30)
    /// How long the response may pause once the client has closed its side. A browser closing a
    /// tab closes its live-reload stream, which sends nothing until the next rebuild, so the
    /// relay would not notice the client had gone and kept the connection (a thread and three
    /// descriptors) until then; a thousand page views without an edit filled every slot. A
    /// client that only half-closes after its request still gets any ordinary response, which
    /// does not pause this long.
    var afterClientClosed: Duration = .seconds(5)

    private struct Direction {
        let from: Int32
        let to: Int32
        var pending: [UInt8]
        var sent = 0
        var open = true

        var hasPending: Bool { sent < pending.count }
        var finished: Bool { !open && !hasPending }

        /// Writes what is pending, or reads the next chunk; false when the connection is broken.
        mutating func step(buffer: inout [UInt8]) -> Bool {
            if hasPending {
                let count = pending[sent...].withUnsafeBytes { send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if count >= 0 { sent += count; return true }
                return errno == EAGAIN || errno == EINTR
            }
            guard open else { return true }
            let count = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                pending = Array(buffer[..<count])
                sent = 0
            } else if count == 0 {
                open = false
                _ = shutdown(to, Int32(SHUT_WR))
            } else {
                return errno == EAGAIN || errno == EINTR
            }
            return true
        }
    }

    /// Pipes until the response is through or either side fails; `request` is what goes to
    /// FlyingFox first (the head, and any body bytes that came with it).
    func run(request: [UInt8]) {
        var up = Direction(from: client, to: backend, pending: request)
        var down = Direction(from: backend, to: client, pending: [])
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let started = ContinuousClock.now
        var responded = false
        var clientClosed = false
        while !down.finished {
            let clientEvents = (up.open && !up.hasPending ? POLLIN : 0) | (down.hasPending ? POLLOUT : 0)
            let backendEvents = (down.open && !down.hasPending ? POLLIN : 0) | (up.hasPending ? POLLOUT : 0)
            // A socket with nothing to wait for is left out (-1): its hang-up would wake poll at
            // once, again and again.
            var pollers = [
                pollfd(fd: clientEvents == 0 ? -1 : client, events: Int16(clientEvents), revents: 0),
                pollfd(fd: backendEvents == 0 ? -1 : backend, events: Int16(backendEvents), revents: 0),
            ]
            // The earliest of the deadlines that apply; none while the stream is merely idle.
            var deadline: ContinuousClock.Instant?
            func limit(_ instant: ContinuousClock.Instant) { deadline = Swift.min(deadline ?? instant, instant) }
            if up.hasPending || down.hasPending { limit(.now + stall) }
            if !responded { limit(started + responseStart) }
            // Once the client has closed its side: five seconds without anything from FlyingFox.
            if clientClosed, !down.hasPending { limit(.now + afterClientClosed) }
            let ready = poll(&pollers, 2, deadline.map(RelaySockets.milliseconds(until:)) ?? -1)
            if ready == 0 { return } // a peer stopped reading, the response never started, or the client is gone
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            // Non-blocking: a side that is not ready answers EAGAIN, which costs one system call.
            guard up.step(buffer: &buffer), down.step(buffer: &buffer) else { return }
            if down.hasPending || !down.open { responded = true }
            if !up.open { clientClosed = true }
        }
    }
}
