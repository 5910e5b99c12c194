/// `Content/site.yml`: what the whole site is called and where it is published.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// Absolute URL with a trailing slash; may include a sub-path (`https://example.org/briefings/`).
    public var baseURL: String
    public var language: String
    public var description: String
    /// How many days before the newest article count as "What changed" on the home page.
    public var whatChangedDays: Int
    /// How many articles the home page and the feeds list.
    public var latestCount: Int

    public init(title: String, baseURL: String, language: String = "en", description: String = "",
                whatChangedDays: Int = 7, latestCount: Int = 10) {
        self.title = title
        self.baseURL = SiteConfig.normalisedBaseURL(baseURL)
        self.language = language
        self.description = description
        self.whatChangedDays = whatChangedDays
        self.latestCount = latestCount
    }

    /// The path part of the base URL without a trailing slash: "" or "/briefings".
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "" }
        var path = String(afterHost[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// `https://example.org` without the sub-path, for building absolute URLs from site paths.
    public var origin: String {
        let path = basePath
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return path.isEmpty ? url : String(url.dropLast(path.count))
    }

    /// With a trailing slash, the scheme and host in lower case (`HTTPS://Example.ORG/Briefings`
    /// → `https://example.org/Briefings/`): they are case-insensitive, and every link is built on
    /// them; and letters beyond ASCII in the path percent-encoded (`/café/` → `/caf%C3%A9/`), as
    /// sitemaps and feeds require.
    public static func normalisedBaseURL(_ url: String) -> String {
        var url = url.trimmingWhitespace
        if url.isEmpty { url = "/" }
        if !url.hasSuffix("/") { url += "/" }
        if let schemeEnd = url.range(of: "://") {
            let hostEnd = url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex
            url = url[..<hostEnd].lowercased() + percentEncodingNonASCII(url[hostEnd...])
        }
        return url
    }

    private static func percentEncodingNonASCII(_ path: Substring) -> String {
        guard !path.utf8.allSatisfy({ $0 < 0x80 }) else { return String(path) }
        let digits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte < 0x80 { bytes.append(byte) } else { bytes += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]] }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the base URL is something a browser can use as an absolute prefix, and that every
    /// link, feed and sitemap `<loc>` can be built on.
    public static func isValidBaseURL(_ url: String) -> Bool { baseURLProblem(url) == nil }

    /// What is wrong with a base URL, for the message; nil when it is fine: `http(s)://`, a host
    /// name or IP address with an optional port, and a path of the characters RFC 3986 allows
    /// there or percent-encoded (a `\`, `{` or `%zz` would reach the sitemap as written).
    /// Letters beyond ASCII in the path are fine: `normalisedBaseURL` encodes them.
    public static func baseURLProblem(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        let lower = url.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return "it should start with https:// or http://" }
        let authorityEnd = bytes[schemeLength...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        if let problem = authorityProblem(bytes[schemeLength..<authorityEnd]) { return problem }
        // Browsers resolve `.` and `..` segments and keep `//`: links built on such a path would
        // not lead where the sitemap says.
        let segments = bytes[authorityEnd...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
        if segments.dropLast().contains(where: \.isEmpty) { return "the path has an empty segment (//)" }
        // `%2e` is a dot to a browser resolving the path.
        func isDots(_ segment: ArraySlice<UInt8>) -> Bool {
            let text = String(decoding: segment, as: UTF8.self).lowercased().replacingOccurrences(of: "%2e", with: ".")
            return text == "." || text == ".."
        }
        if segments.contains(where: isDots) {
            return "the path has a '.' or '..' segment; write the path it stands for"
        }
        var index = authorityEnd
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return "'%' in the path should start a percent-encoding, two hexadecimal digits (%25 for '%' itself)"
                }
                index += 3
                continue
            }
            if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { return "a base URL has no query (?) or fragment (#)" }
            guard byte >= 0x80 || isUnreserved(byte) || subDelimiters.contains(byte) || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/") else {
                let shown = byte == 0x20 ? "a space" : "'\(Character(Unicode.Scalar(byte)))'"
                let hex = String(byte, radix: 16, uppercase: true)
                return "\(shown) in the path should be percent-encoded (%\(hex.count == 1 ? "0" + hex : hex))"
            }
            index += 1
        }
        return nil
    }

    /// A host name or IPv4 address (letters, digits, `-`, `.`, `_`), or an IPv6 address in
    /// brackets, then an optional `:port`.
    private static func authorityProblem(_ authority: ArraySlice<UInt8>) -> String? {
        if authority.contains(UInt8(ascii: "@")) { return "a user name or password (user@) would be published in every link" }
        var host = authority
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")), authority.last != UInt8(ascii: "]") {
            let port = authority[(colon + 1)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(isDigit), let number = Int(String(decoding: port, as: UTF8.self)),
                  (1...65535).contains(number) else { return "the port should be a number from 1 to 65535" }
            host = authority[..<colon]
        }
        if host.isEmpty { return "it has no host name" }
        if host.first == UInt8(ascii: "[") {
            guard host.count > 2, host.last == UInt8(ascii: "]"),
                  host.dropFirst().dropLast().allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) else {
                return "an IPv6 address should be written in brackets, [2001:db8::1]"
            }
            return nil
        }
        if host.contains(where: { $0 >= 0x80 }) { return "write an international host name in its ASCII form (xn--…)" }
        guard host.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") }) else {
            return "the host name may hold only letters, digits, '-', '.' and '_'"
        }
        // Labels between dots: none empty (a final dot is allowed), none starting or ending in '-'.
        var labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if labels.count > 1, labels.last?.isEmpty == true { labels.removeLast() }
        guard labels.allSatisfy({ !$0.isEmpty && $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-") }) else {
            return "the host name has an empty label or one that starts or ends with '-'"
        }
        return nil
    }

    private static let subDelimiters = Set("!$&'()*+,;=".utf8)
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x61...0x7A).contains(byte | 0x20) }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x61...0x66).contains(byte | 0x20) }
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }
}
