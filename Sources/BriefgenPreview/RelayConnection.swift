import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One client connection through the front relay, on a thread of its own: read the request head
/// within the limits, then either refuse it or pass it to FlyingFox and pipe the rest.
struct RelayConnection {
    let client: Int32
    let backendPath: String
    let limits: RequestHeadLimits
    let sockets: RelayConnections

    /// How long a refusal may take to send, and how long the client's further bytes are then
    /// read and dropped before closing: closing with unread bytes makes the kernel send a reset,
    /// which can destroy the refusal before the client reads it (nginx's "lingering close").
    static let lingering: Duration = .seconds(2)

    /// Handles the connection to its end and closes every socket it opened, on every path.
    func run() {
        defer { sockets.close(client) }
        var scanner = RequestHeadScanner(limits: limits)
        let deadline = ContinuousClock.now + limits.deadline
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        reading: while true {
            guard RelaySockets.wait(client, for: Int16(POLLIN), until: deadline) else {
                // A connection that never sent a byte (a browser's spare one) is closed quietly.
                if scanner.hasBytes { refuse(.requestTimeout) }
                return
            }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count == 0 { return }
            if count < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return
            }
            switch scanner.append(chunk[..<count]) {
            case .needMore: continue
            case .complete: break reading
            case .requestLineTooLong: refuse(.uriTooLong(limit: limits.requestLine)); return
            case .headersTooLarge: refuse(.headersTooLarge(limit: limits.headerLine, head: limits.head)); return
            }
        }
        if let reason = RequestHeadCheck.problem(scanner.lines) {
            refuse(.badRequest(reason: reason))
            return
        }
        guard let backend = RelaySockets.connectUnix(path: backendPath, timeout: .seconds(5)) else {
            refuse(.serviceUnavailable)
            return
        }
        guard sockets.add(backend) else { _ = close(backend); return }
        defer { sockets.close(backend) }
        let head = ForwardedHead.bytes(requestLine: scanner.lines[0], headerLines: scanner.lines.dropFirst())
        BytePipe(client: client, backend: backend, responseStart: limits.responseStart).run(request: head + scanner.rest)
    }

    /// Sends a refusal, says no more will be sent, and drops what the client still sends for a
    /// moment, so that it gets to read the refusal.
    func refuse(_ refusal: RelayRefusal) {
        let until = ContinuousClock.now + RelayConnection.lingering
        guard RelaySockets.send(client, refusal.response, until: until) else { return }
        _ = shutdown(client, Int32(SHUT_WR))
        var sink = [UInt8](repeating: 0, count: 64 * 1024)
        while RelaySockets.wait(client, for: Int16(POLLIN), until: until) {
            let count = sink.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EINTR) { return }
        }
    }
}
