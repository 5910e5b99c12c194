@testable import BriefgenPreview
import Testing

@Suite("Request head scanner")
struct RequestHeadScannerTests {
    static let limits = RequestHeadLimits(requestLine: 20, headerLine: 12, head: 60)

    func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }

    @Test("a head fed one byte at a time ends at the blank line")
    func byteAtATime() {
        var scanner = RequestHeadScanner(limits: Self.limits)
        let input = Array("\r\nGET / HTTP/1.1\r\nHost: x\n\r\n".utf8)
        let outcomes = input.map { scanner.append([$0]) }
        #expect(outcomes.dropLast().allSatisfy { $0 == .needMore })
        #expect(outcomes.last == .complete)
        #expect(scanner.lines.map(text) == ["GET / HTTP/1.1", "Host: x"], "the empty line before the request line is skipped")
        #expect(scanner.rest.isEmpty)
    }

    @Test("bytes after the head, in the same chunk, are kept as the start of the body")
    func rest() {
        var scanner = RequestHeadScanner(limits: Self.limits)
        #expect(scanner.append(Array("POST / HTTP/1.1\r\n\r\nbody".utf8)) == .complete)
        #expect(text(scanner.rest) == "body")
    }

    @Test("bare line feeds end lines and the head")
    func bareLineFeeds() {
        var scanner = RequestHeadScanner(limits: Self.limits)
        #expect(scanner.append(Array("GET / HTTP/1.1\nA: b\n\n".utf8)) == .complete)
        #expect(scanner.lines.map(text) == ["GET / HTTP/1.1", "A: b"])
        #expect(scanner.rest.isEmpty)
    }

    @Test("a request line over the limit is refused before it ends; one at the limit is not")
    func requestLineLimit() {
        var atLimit = RequestHeadScanner(limits: Self.limits)
        #expect(atLimit.append(Array("GET /\(String(repeating: "a", count: 6)) HTTP/1.1\r".utf8)) == .needMore)
        #expect(atLimit.append(Array("\n\r\n".utf8)) == .complete)
        var over = RequestHeadScanner(limits: Self.limits)
        #expect(over.append(Array("GET /\(String(repeating: "a", count: 7)) HTTP/1.1".utf8)) == .requestLineTooLong)
        var unended = RequestHeadScanner(limits: Self.limits)
        #expect(unended.append(Array(repeating: UInt8(ascii: "a"), count: 1000)) == .requestLineTooLong)
    }

    @Test("a long header line, or a head over its size, is too large")
    func headerLimits() {
        var long = RequestHeadScanner(limits: Self.limits)
        #expect(long.append(Array("GET / HTTP/1.1\r\nA: 123456789\r\n".utf8)) == .needMore)
        #expect(long.append(Array("B: 1234567890".utf8)) == .headersTooLarge)
        // 16 bytes of request line, then 11-byte header lines: the head limit is 60.
        let start = "GET / HTTP/1.1\r\nAa: 12345\r\nAb: 12345\r\nAc: 12345\r\n"
        var many = RequestHeadScanner(limits: Self.limits)
        #expect(many.append(Array(start.utf8)) == .needMore)
        #expect(many.append(Array("Ad: 12345\r\n".utf8)) == .headersTooLarge, "60 bytes and no blank line yet")
        var exactly = RequestHeadScanner(limits: Self.limits)
        #expect(exactly.append(Array((start + "Ad: 123\r\n\r\n").utf8)) == .complete, "60 bytes with the blank line")
        var over = RequestHeadScanner(limits: Self.limits)
        #expect(over.append(Array((start + "Ad: 1234\r\n\r\n").utf8)) == .headersTooLarge, "61 bytes with the blank line")
    }
}

@Suite("Forwarded head")
struct ForwardedHeadTests {
    @Test("Connection and Keep-Alive give way to Connection: close; lines end with CRLF")
    func connectionClose() {
        let lines = ["GET / HTTP/1.1", "Host: x", "connection : keep-alive,", "\tUpgrade", "Keep-Alive: timeout=5", "Cookie: a", " b"]
            .map { Array($0.utf8)[...] }
        let head = String(decoding: ForwardedHead.bytes(requestLine: lines[0], headerLines: lines.dropFirst()), as: UTF8.self)
        #expect(head == "GET / HTTP/1.1\r\nHost: x\r\nCookie: a\r\n b\r\nConnection: close\r\n\r\n")
    }

    @Test("a header line that is not UTF-8 is dropped, not passed to FlyingFox, which cannot read it")
    func notUTF8Dropped() {
        let lines = [Array("GET / HTTP/1.1".utf8)[...], Array("Cookie: caf".utf8 + [0xE9])[...], Array("Host: x".utf8)[...]]
        let head = String(decoding: ForwardedHead.bytes(requestLine: lines[0], headerLines: lines.dropFirst()), as: UTF8.self)
        #expect(head == "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    }

    @Test("a target in absolute form goes on in origin form; other targets as they are",
          arguments: [
              ("GET http://localhost:1313/points/?page=2 HTTP/1.1", "GET /points/?page=2 HTTP/1.1"),
              ("GET HTTPS://[::1]:8080/a%20b HTTP/1.1", "GET /a%20b HTTP/1.1"),
              ("HEAD http://localhost:1313 HTTP/1.1", "HEAD / HTTP/1.1"),
              ("GET http://localhost?x=1 HTTP/1.1", "GET /?x=1 HTTP/1.1"),
              ("GET http://localhost/a#top HTTP/1.1", "GET /a HTTP/1.1"),
              ("GET /http://x/ HTTP/1.1", "GET /http://x/ HTTP/1.1"),
              ("GET / HTTP/1.1", "GET / HTTP/1.1"),
              ("OPTIONS * HTTP/1.1", "OPTIONS * HTTP/1.1"),
          ])
    func absoluteForm(line: String, forwarded: String) {
        #expect(String(decoding: ForwardedHead.originForm(Array(line.utf8)[...]), as: UTF8.self) == forwarded)
    }
}
