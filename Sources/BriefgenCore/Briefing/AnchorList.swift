/// An article's anchors (every id on its page) as one string, one per line.
///
/// Link checking asks only whether a page has an anchor, and a rebuild decodes the anchors of
/// every cached article: as an array they were some thirty strings an article, 200,000 objects
/// to allocate (and the kernel to zero pages for) at 10,000 articles, for a few lookups.
public struct AnchorList: Sendable, Equatable {
    /// The anchors, each followed by a line break: "intro-p1\nmeetings\n".
    public let joined: String

    public init(_ anchors: some Sequence<String>) {
        var joined = ""
        for anchor in anchors where !anchor.contains("\n") {
            joined += anchor
            joined += "\n"
        }
        self.joined = joined
    }

    public init(joined: String) {
        self.joined = joined
    }

    /// Whether `anchor` is one of them (ids have no line breaks, so a line is a whole anchor).
    public func contains(_ anchor: String) -> Bool {
        guard !anchor.isEmpty, !anchor.contains("\n") else { return false }
        if joined.utf8.starts(with: (anchor + "\n").utf8) { return true }
        return ByteSearch.contains("\n" + anchor + "\n", in: joined)
    }

    /// The anchors, for suggestions when a link misses.
    public var all: [String] {
        joined.split(separator: "\n").map(String.init)
    }
}
