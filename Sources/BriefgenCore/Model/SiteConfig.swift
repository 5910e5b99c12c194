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

    /// With a trailing slash, and the scheme and host in lower case (`HTTPS://Example.ORG/Briefings`
    /// → `https://example.org/Briefings/`): they are case-insensitive, and every link is built on them.
    public static func normalisedBaseURL(_ url: String) -> String {
        var url = url.trimmingWhitespace
        if url.isEmpty { url = "/" }
        if !url.hasSuffix("/") { url += "/" }
        if let schemeEnd = url.range(of: "://") {
            let hostEnd = url[schemeEnd.upperBound...].firstIndex(of: "/") ?? url.endIndex
            url = url[..<hostEnd].lowercased() + url[hostEnd...]
        }
        return url
    }

    /// Whether the base URL is something a browser can use as an absolute prefix, and that every
    /// link, feed and sitemap `<loc>` can be built on as it is: `http(s)://`, a host name or IP
    /// address with an optional port, and a path of the characters RFC 3986 allows there, anything
    /// else percent-encoded (a `\`, `{` or `%zz` would reach the sitemap as written).
    public static func isValidBaseURL(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        let lower = url.lowercased()
        let schemeLength = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0 else { return false }
        let authorityEnd = bytes[schemeLength...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        guard isValidAuthority(bytes[schemeLength..<authorityEnd]) else { return false }
        var index = authorityEnd
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isUnreserved(byte) || subDelimiters.contains(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
                    || byte == UInt8(ascii: "/") else { return false }
            index += 1
        }
        return true
    }

    /// A host name or IPv4 address (letters, digits, `-`, `.`), or an IPv6 address in brackets,
    /// then an optional `:port`.
    private static func isValidAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        var host = authority
        if let colon = authority.lastIndex(of: UInt8(ascii: ":")), authority.last != UInt8(ascii: "]") {
            let port = authority[(colon + 1)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(isDigit) else { return false }
            host = authority[..<colon]
        }
        if host.first == UInt8(ascii: "[") {
            guard host.count > 2, host.last == UInt8(ascii: "]") else { return false }
            return host.dropFirst().dropLast().allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
        }
        return !host.isEmpty && host.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static let subDelimiters = Set("!$&'()*+,;=".utf8)
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x61...0x7A).contains(byte | 0x20) }
    private static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (0x61...0x66).contains(byte | 0x20) }
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }
}
