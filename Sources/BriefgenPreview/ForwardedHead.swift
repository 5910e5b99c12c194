/// The request head the front relay passes to FlyingFox: the client's, with `Connection: close`
/// in place of its own `Connection` header, and without lines that are not UTF-8.
///
/// One request per relayed connection means the relay never has to find where the next request
/// of a keep-alive stream begins (that would take a parser of bodies and chunked encoding); it
/// only pipes bytes once the head is through. Browsers open new connections as they need them.
/// `Keep-Alive` goes too, since it only means something beside `Connection: keep-alive`. Lines
/// are sent with `\r\n`, whichever ending the client used. A target in absolute form
/// (`GET http://localhost:1313/points/ HTTP/1.1`, which proxies send) goes on in origin form.
enum ForwardedHead {
    static func bytes(requestLine: ArraySlice<UInt8>, headerLines: some Sequence<ArraySlice<UInt8>>) -> [UInt8] {
        var head = originForm(requestLine)
        head += crlf
        var droppingContinuation = false
        for line in headerLines {
            // A line that starts with a space or tab continues the previous header (obs-fold).
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                if !droppingContinuation { head += line; head += crlf }
                continue
            }
            // A line that is not UTF-8 (a Latin-1 cookie another app on localhost set) is dropped:
            // FlyingFox cannot read it, and the preview server reads no such header.
            droppingContinuation = isHopByHop(line) || !RequestHeadCheck.isValidUTF8(line)
            if !droppingContinuation { head += line; head += crlf }
        }
        head += Array("Connection: close".utf8) + crlf + crlf
        return head
    }

    /// The request line with an absolute-form target (`http://host:port/path?query`) replaced by
    /// its path and query: RFC 9112 §3.2.2 has servers accept the absolute form, and FlyingFox
    /// reads only the origin form (it took the whole URL for a path and the page was refused).
    /// Any other line is returned as it is.
    static func originForm(_ requestLine: ArraySlice<UInt8>) -> [UInt8] {
        let space = UInt8(ascii: " ")
        guard let firstSpace = requestLine.firstIndex(of: space),
              let lastSpace = requestLine.lastIndex(of: space), firstSpace < lastSpace else { return Array(requestLine) }
        let target = requestLine[requestLine.index(after: firstSpace)..<lastSpace]
        let lowered = target.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let schemeLength: Int
        if lowered.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else if lowered.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else {
            return Array(requestLine)
        }
        let authorityAndRest = target.dropFirst(schemeLength)
        // The path starts at the first `/`; a target with none (`http://host?x`) has the path `/`.
        let pathStart = authorityAndRest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        var path = pathStart.map { Array(authorityAndRest[$0...]) } ?? []
        if let fragment = path.firstIndex(of: UInt8(ascii: "#")) { path.removeSubrange(fragment...) }
        if path.first != UInt8(ascii: "/") { path.insert(UInt8(ascii: "/"), at: 0) }
        return Array(requestLine[...firstSpace]) + path + Array(requestLine[lastSpace...])
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let dropped = ["connection", "keep-alive"]

    /// Whether a header line is `Connection` or `Keep-Alive`, in any case.
    static func isHopByHop(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return false }
        var name = line[..<colon]
        while let last = name.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { name = name.dropLast() }
        let lowered = String(decoding: name, as: UTF8.self).lowercased()
        return dropped.contains(lowered)
    }
}
