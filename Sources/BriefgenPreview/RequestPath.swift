/// Turns the raw request target into path segments under the site root, or refuses it.
///
/// Decoding happens exactly once, here, before any check: `%2e%2e` becomes `..` and is refused;
/// `%252e%252e` becomes the literal name `%2e%2e`, which is just a file that does not exist.
/// Dot segments, NUL bytes and backslashes are refused outright rather than normalised away, so
/// no spelling of "go up a folder" can reach the file system.
public enum RequestPath {
    public enum Refusal: Error, Equatable {
        case notAbsolute, badPercentEncoding, nulByte, backslash, dotSegment, notUTF8
    }

    /// The segments of a raw, still percent-encoded path (without its query). Empty segments from
    /// doubled slashes are dropped, so `//etc/passwd` is `etc/passwd` under the site root.
    public static func segments(ofRawPath raw: String) throws(Refusal) -> [String] {
        guard raw.hasPrefix("/") else { throw .notAbsolute }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    throw .badPercentEncoding
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        if bytes.contains(0) { throw .nulByte }
        if bytes.contains(UInt8(ascii: "\\")) { throw .backslash }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { throw .dotSegment }
        return segments
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
