/// A Markdown body after cmark has parsed and rendered it, split into its top-level blocks.
///
/// Keeping the blocks apart (rather than one HTML string) is what lets the briefing link a
/// development to its section and a quote to its paragraph: every block knows its anchor, its
/// plain text and the heading of the section it belongs to.
public struct RenderedMarkdown: Sendable, Equatable {
    public var blocks: [RenderedBlock]
    /// Links and images found in the body, for `briefgen check`.
    public var links: [MarkdownLink]

    public init(blocks: [RenderedBlock], links: [MarkdownLink]) {
        self.blocks = blocks
        self.links = links
    }

    /// The whole body as HTML.
    public var html: String {
        var result = ""
        result.reserveCapacity(blocks.reduce(0) { $0 + $1.html.utf8.count })
        for block in blocks { result += block.html }
        return result
    }

    /// Plain text of the first paragraph: the page's summary, meta description and feed excerpt.
    public var summary: String {
        blocks.first { $0.kind == .paragraph }?.text ?? ""
    }

    public var headings: [RenderedBlock] {
        blocks.filter { if case .heading = $0.kind { return true } else { return false } }
    }

    /// Every anchor on the page.
    public var anchors: Set<String> { Set(blocks.compactMap(\.id)) }
}

public struct RenderedBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case blockQuote
        case list
        case code
        case other
    }

    public var kind: Kind
    /// The anchor (`id` attribute) this block carries, if any.
    public var id: String?
    public var html: String
    /// Plain text, white space collapsed; what matching and excerpts work on.
    public var text: String
    /// Line in the source file, for messages.
    public var line: Int

    public init(kind: Kind, id: String?, html: String, text: String, line: Int) {
        self.kind = kind
        self.id = id
        self.html = html
        self.text = text
        self.line = line
    }

    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    /// Headings that start a new section: `#` and `##`. Deeper headings stay inside their section.
    public var startsSection: Bool {
        if case .heading(let level) = kind { return level <= 2 }
        return false
    }
}

public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
    public var isImage: Bool
}
