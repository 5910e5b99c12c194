/// What the front relay refuses in a request head it could otherwise pass on: the forms FlyingFox
/// cannot read (it closed such connections without a word) and the ones where its reading and the
/// relay's could differ.
///
/// The relay replaces the `Connection` header to allow one request per connection; that holds
/// only while both read the same header names. FlyingFox trims white space and line ends from
/// names, so a folded line (` Connection: keep-alive`) or `\rConnection:` is a `Connection`
/// header to it and not to a reader of the RFC. RFC 9112 lets a server refuse folded lines and
/// bare carriage returns with 400, and names are tokens (RFC 9110 §5.1), so such heads are refused.
enum RequestHeadCheck {
    /// Why the head is refused, or nil. `lines` are the request line and header lines, without
    /// line ends.
    static func problem(_ lines: [ArraySlice<UInt8>]) -> String? {
        guard let requestLine = lines.first else { return "The request has no request line." }
        if let problem = problem(requestLine: requestLine) { return problem }
        var names: Set<String> = []
        for line in lines.dropFirst() {
            if let first = line.first, first == space || first == tab {
                return "A header line is folded onto the next; send each header on one line."
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                return "A header line has no name followed by a colon."
            }
            guard line[..<colon].allSatisfy(isTokenByte) else { return "A header name has characters a name may not have." }
            // Bytes that are not UTF-8 are let through here: `ForwardedHead` drops such lines.
            guard line[line.index(after: colon)...].allSatisfy({ $0 == tab || ($0 >= space && $0 != delete) }) else {
                return "A header value has control characters."
            }
            names.insert(String(decoding: line[..<colon], as: UTF8.self).lowercased())
        }
        if names.contains("content-length") && names.contains("transfer-encoding") {
            return "The request has both Content-Length and Transfer-Encoding."
        }
        return nil
    }

    /// `METHOD SP target SP HTTP/d.d`.
    private static func problem(requestLine line: ArraySlice<UInt8>) -> String? {
        let parts = line.split(separator: space, omittingEmptySubsequences: false)
        let malformed = "The request line is not of the form METHOD /path HTTP/1.1."
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte), !parts[1].isEmpty,
              parts[1].allSatisfy({ $0 > space && $0 != delete }), isValidUTF8(parts[1]) else { return malformed }
        let version = Array(parts[2])
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), isDigit(version[5]),
              version[6] == UInt8(ascii: "."), isDigit(version[7]) else { return malformed }
        return nil
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let delete: UInt8 = 0x7F

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// RFC 9110 `tchar`: letters, digits and ``!#$%&'*+-.^_`|~``.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension RequestHeadCheck {
    /// Whether the bytes are valid UTF-8 (FlyingFox reads the head as text).
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
