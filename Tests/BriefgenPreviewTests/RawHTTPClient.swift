import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a raw socket, so tests can send request targets exactly as written
/// (`/%2e%2e/`, `/..%2f`, `\..\`) without a client library normalising them first.
enum RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error { case connect(Int32), send, timeout, malformed }

    static func connect(port: UInt16, timeout: TimeInterval = 5) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var interval = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw Failure.connect(errno) }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw Failure.send }
            offset += sent
        }
    }

    /// Sends one request with `Connection: close` and reads the whole response.
    static func request(port: UInt16, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        try send(fd, text + "\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw Failure.timeout }
            if count == 0 { break }
            data.append(contentsOf: buffer[..<count])
            if let response = parse(data, method: method), response.complete { return response.response }
        }
        guard let response = parse(data, method: method) else { throw Failure.malformed }
        return response.response
    }

    /// Runs blocking socket work on a thread of its own. Blocking Swift concurrency's cooperative
    /// threads, or Dispatch's shared workers (which FlyingFox's event loop needs), would starve the
    /// server under test when many requests wait at once.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    static func parse(_ data: Data, method: String) -> (response: Response, complete: Bool)? {
        guard let separator = data.firstRange(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<separator.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Data(data[separator.upperBound...])
        let length = Int(headers["content-length"] ?? "")
        let complete = method == "HEAD" || status == 304 || length.map { body.count >= $0 } ?? false
        return (Response(status: status, headers: headers, body: length.map { Data(body.prefix($0)) } ?? body), complete)
    }
}

extension RawHTTPClient {
    /// Sends `pieces` one `send` each, `pause` apart, then reads until the server closes the
    /// connection (the relay answers one request per connection) or `timeout` passes.
    static func exchange(port: UInt16, pieces: [[UInt8]], pause: useconds_t = 0, timeout: TimeInterval = 10) throws -> (response: Response?, closed: Bool) {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        for piece in pieces {
            var offset = 0
            while offset < piece.count {
                let sent = piece[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard sent > 0 else { throw Failure.send }
                offset += sent
            }
            if pause > 0 { usleep(pause) }
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 { return (parse(data, method: "GET")?.response, false) }
            if count == 0 { return (parse(data, method: "GET")?.response, true) }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// Connects and sends `bytes` from a thread of its own, which stops quietly when the server
    /// closes the connection (or a send waits 30 s) and then closes the socket itself.
    static func sendInBackground(port: UInt16, _ bytes: [UInt8]) throws {
        let fd = try connect(port: port, timeout: 30)
        Thread.detachNewThread {
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { return }
                offset += sent
            }
        }
    }
}
