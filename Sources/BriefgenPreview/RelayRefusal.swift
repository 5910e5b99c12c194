/// The answers the front relay gives itself, without asking FlyingFox: a request head it will not
/// pass on, or a server behind it that cannot be reached. Each closes the connection.
enum RelayRefusal: Equatable {
    case requestTimeout
    case uriTooLong(limit: Int)
    case headersTooLarge(limit: Int, head: Int)
    case serviceUnavailable
    case badRequest(reason: String)

    var status: String {
        switch self {
        case .requestTimeout: return "408 Request Timeout"
        case .uriTooLong: return "414 URI Too Long"
        case .headersTooLarge: return "431 Request Header Fields Too Large"
        case .serviceUnavailable: return "503 Service Unavailable"
        case .badRequest: return "400 Bad Request"
        }
    }

    var text: String {
        switch self {
        case .requestTimeout:
            return "The request head did not arrive in time.\n"
        case .uriTooLong(let limit):
            return "The request line is longer than \(limit) bytes.\n"
        case .headersTooLarge(let limit, let head):
            return "A header line is longer than \(limit) bytes, or the request head larger than \(head) bytes.\n"
        case .serviceUnavailable:
            return "The server is not ready; try again in a moment.\n"
        case .badRequest(let reason):
            return reason + "\n"
        }
    }

    /// The whole response: `Connection: close`, a plain-text body.
    var response: [UInt8] {
        let body = Array(text.utf8)
        var head = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
        if self == .serviceUnavailable { head += "Retry-After: 1\r\n" }
        head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }
}
