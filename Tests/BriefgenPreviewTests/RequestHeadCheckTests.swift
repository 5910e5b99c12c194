@testable import BriefgenPreview
import Testing

/// The heads the front relay refuses with 400 rather than pass to FlyingFox, which either closed
/// the connection without an answer or could read a header name differently from the relay.
@Suite("Request head check")
struct RequestHeadCheckTests {
    static func lines(_ head: [UInt8]) -> [ArraySlice<UInt8>] {
        head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }.filter { !$0.isEmpty }
    }

    static func problem(_ head: String) -> String? { RequestHeadCheck.problem(lines(Array(head.utf8))) }

    @Test("ordinary heads pass", arguments: [
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept: */*\r\n",
        "HEAD /articles/x/?a=b&c=%20d HTTP/1.0\r\n",
        "GET /points/ HTTP/1.1\r\nIf-None-Match: \"abc\"\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nX-Empty:\r\n",
        "GET / HTTP/1.1\r\nX-Name: Zelenskyy — Зеленський\r\nCookie: a=b; c=d\r\n",
    ])
    func ordinary(head: String) {
        #expect(Self.problem(head) == nil)
    }

    @Test("malformed request lines, folded or nameless lines, odd names and values, and two body framings are refused",
          arguments: [
              ("GET /\r\n", "The request line is not of the form METHOD /path HTTP/1.1."),
              ("GET  / HTTP/1.1\r\n", "The request line is not of the form METHOD /path HTTP/1.1."),
              ("GET / HTTP/1.1x\r\n", "The request line is not of the form METHOD /path HTTP/1.1."),
              ("GET / HTTP/1.1\r\nHost: x\r\n Connection: keep-alive\r\n", "A header line is folded onto the next; send each header on one line."),
              ("GET / HTTP/1.1\r\nno colon here\r\n", "A header line has no name followed by a colon."),
              ("GET / HTTP/1.1\r\nConnection : keep-alive\r\n", "A header name has characters a name may not have."),
              ("GET / HTTP/1.1\r\n\rConnection: keep-alive\r\n", "A header name has characters a name may not have."),
              ("GET / HTTP/1.1\r\n\u{85}Connection: keep-alive\r\n", "A header name has characters a name may not have."),
              ("GET / HTTP/1.1\r\nX: a\u{0}b\r\n", "A header value has control characters."),
              ("GET / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n", "The request has both Content-Length and Transfer-Encoding."),
          ])
    func refused(head: String, reason: String) {
        #expect(Self.problem(head) == reason)
    }

    @Test("a header value that is not UTF-8 passes the check: the forwarded head leaves the line out")
    func invalidUTF8() {
        let head = Array("GET / HTTP/1.1\r\nCookie: ".utf8) + [0xFF, 0xFE] + Array("\r\n".utf8)
        #expect(RequestHeadCheck.problem(Self.lines(head)) == nil)
    }
}
