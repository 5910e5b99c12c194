/// HTML escaping: `& < > " '` become entities. Templates escape every variable through
/// `append(escaping:to:)`; `text` is for the few values briefgen writes into HTML itself (ids).
public enum HTMLEscaping {
    public static func text(_ value: String) -> String {
        var probe = value
        let plain = probe.withUTF8 { ByteScan.nextHTMLSpecial(in: $0, from: 0) == $0.count }
        guard !plain else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        append(escaping: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func attribute(_ value: String) -> String { text(value) }

    /// Appends `text` escaped: the runs between special bytes are copied whole. The bytes are
    /// read in place (native and small strings always allow it); `withUTF8` needed a mutable
    /// copy, a retain and a release for every value a template writes.
    static func append(escaping text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ append(escaping: $0, to: &output) }) == nil {
            var copy = text
            copy.withUTF8 { append(escaping: $0, to: &output) }
        }
    }

    private static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        forEachPiece(escaping: bytes) { output.append(contentsOf: $0) }
    }

    /// `bytes` escaped, as the pieces to append in order: the runs between special bytes, whole,
    /// and the entity for each special byte. Every writer of escaped HTML (a byte array here, a
    /// page buffer in the template renderer) appends these.
    @inline(__always)
    static func forEachPiece(escaping bytes: UnsafeBufferPointer<UInt8>, _ append: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        var index = ByteScan.nextHTMLSpecial(in: bytes, from: 0)
        while index < bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: replacement = "&#39;"
            }
            if index > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = index + 1
            index = ByteScan.nextHTMLSpecial(in: bytes, from: runStart)
        }
        if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}
