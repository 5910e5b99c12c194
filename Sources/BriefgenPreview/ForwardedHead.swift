/// The request head the front relay passes to FlyingFox: the client's, with `Connection: close`
/// in place of its own `Connection` header, and without lines that are not UTF-8.
///
/// One request per relayed connection means the relay never has to find where the next request
/// of a keep-alive stream begins (that would take a parser of bodies and chunked encoding); it
/// only pipes bytes once the head is through. Browsers open new connections as they need them.
/// `Keep-Alive` goes too, since it only means something beside `Connection: keep-alive`. Lines
/// are sent with `\r\n`, whichever ending the client used.
enum ForwardedHead {
    static func bytes(requestLine: ArraySlice<UInt8>, headerLines: some Sequence<ArraySlice<UInt8>>) -> [UInt8] {
        var head = Array(requestLine)
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
