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
        while !down.finished {
            let clientEvents = (up.open && !up.hasPending ? POLLIN : 0) | (down.hasPending ? POLLOUT : 0)
            let backendEvents = (down.open && !down.hasPending ? POLLIN : 0) | (up.hasPending ? POLLOUT : 0)
            // A socket with nothing to wait for is left out (-1): its hang-up would wake poll at
            // once, again and again.
            var pollers = [
                pollfd(fd: clientEvents == 0 ? -1 : client, events: Int16(clientEvents), revents: 0),
                pollfd(fd: backendEvents == 0 ? -1 : backend, events: Int16(backendEvents), revents: 0),
            ]
            let waiting = up.hasPending || down.hasPending
            let ready = poll(&pollers, 2, waiting ? RelaySockets.milliseconds(until: .now + stall) : -1)
            if ready == 0 { return } // a peer stopped reading
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            // Non-blocking: a side that is not ready answers EAGAIN, which costs one system call.
            guard up.step(buffer: &buffer), down.step(buffer: &buffer) else { return }
        }
    }
}
