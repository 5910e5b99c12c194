/// The parts of a slash-separated path, read on its UTF-8 bytes.
///
/// NSString's path methods trap on some paths a user can type (`briefgen import 'notes//é'`
/// stops with "Fatal error" inside `lastPathComponent`). `/` and `.` are ASCII and never occur
/// inside a multi-byte UTF-8 sequence, so cutting at them always leaves valid text.
enum PathText {
    /// The last component, without trailing slashes: `a/b.md` → `b.md`, `a/b/` → `b`, `/` → `/`.
    static func lastComponent(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = endWithoutTrailingSlashes(bytes)
        if end == 0 { return bytes.isEmpty ? "" : "/" }
        let start = (bytes[..<end].lastIndex(of: slash)).map { $0 + 1 } ?? 0
        return text(bytes[start..<end])
    }

    /// The path without its last component: `a/b.md` → `a`, `a//b` → `a`, `b` → ``, `/b` → `/`.
    static func parent(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = endWithoutTrailingSlashes(bytes)
        if end == 0 { return bytes.isEmpty ? "" : "/" }
        guard let lastSlash = bytes[..<end].lastIndex(of: slash) else { return "" }
        let parentEnd = endWithoutTrailingSlashes(Array(bytes[..<lastSlash]))
        return parentEnd == 0 ? "/" : text(bytes[..<parentEnd])
    }

    /// The path without trailing slashes: `Content/` → `Content`, `a//` → `a`; `/` stays.
    static func withoutTrailingSlashes(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = endWithoutTrailingSlashes(bytes)
        if end == 0 { return bytes.isEmpty ? "" : "/" }
        return end == bytes.count ? path : text(bytes[..<end])
    }

    /// The extension of the last component, without its dot; empty when the name has none or
    /// only starts with a dot (`.hidden`).
    static func pathExtension(_ path: String) -> String {
        let name = Array(lastComponent(path).utf8)
        guard let dot = extensionDot(name) else { return "" }
        return text(name[(dot + 1)...])
    }

    /// The path with the last component's extension and its dot removed: `css/site.css` →
    /// `css/site`, `a.b.c` → `a.b`; a name that only starts with a dot keeps it.
    static func removingExtension(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = endWithoutTrailingSlashes(bytes)
        if end == 0 { return bytes.isEmpty ? "" : "/" }
        let start = (bytes[..<end].lastIndex(of: slash)).map { $0 + 1 } ?? 0
        guard let dot = extensionDot(Array(bytes[start..<end])) else { return text(bytes[..<end]) }
        return text(bytes[..<(start + dot)])
    }

    private static let slash = UInt8(ascii: "/")

    private static func endWithoutTrailingSlashes(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        return end
    }

    /// Where the extension's dot is in a file name: the last dot, unless it is the first byte.
    private static func extensionDot(_ name: [UInt8]) -> Int? {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return nil }
        return dot
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
