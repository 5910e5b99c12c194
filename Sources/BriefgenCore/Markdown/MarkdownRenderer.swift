import CCmark
import Foundation

/// Renders Markdown with libcmark, in safe mode, through its node API.
///
/// One parse per document: a single walk over the tree rewrites root-relative URLs for the site's
/// base path, gathers each block's plain text, and the top-level blocks are then rendered one by
/// one so that each can carry a stable anchor.
public struct MarkdownRenderer: Sendable {
    /// Prefix for root-relative links and images (`/x` becomes `/briefings/x`); "" at the root.
    public var basePath: String

    public init(basePath: String = "") {
        var path = basePath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    /// Safe mode is cmark's default since 0.29: raw HTML is omitted and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` URLs are dropped. Smart punctuation turns
    /// straight quotes and dashes into typographic ones.
    static let options: Int32 = CMARK_OPT_SMART

    public func render(_ markdown: String, firstLine: Int = 1) -> RenderedMarkdown {
        var markdown = markdown
        let document: OpaquePointer? = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, MarkdownRenderer.options)
            }
        }
        guard let document else { return RenderedMarkdown(blocks: [], links: []) }
        defer { cmark_node_free(document) }

        let links = rewriteURLsAndCollectLinks(in: document, firstLine: firstLine)
        var blocks: [RenderedBlock] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
            blocks.append(RenderedBlock(kind: MarkdownRenderer.kind(of: node), id: nil, html: MarkdownRenderer.html(of: node),
                                        text: MarkdownRenderer.plainText(of: node), line: line))
        }
        MarkdownRenderer.assignIDs(to: &blocks)
        return RenderedMarkdown(blocks: blocks, links: links)
    }

    /// Headings get ids from their text first, so they keep clean slugs; then every paragraph,
    /// block quote and list gets `<section>-p<n>`, numbered within its section, so an anchor
    /// stays put when another section of the article is edited.
    static func assignIDs(to blocks: inout [RenderedBlock]) {
        var ids = UniqueIDs()
        for index in blocks.indices where blocks[index].isHeading {
            blocks[index].id = ids.claim(Slug.make(blocks[index].text))
        }
        var section = "intro"
        var number = 0
        for index in blocks.indices {
            switch blocks[index].kind {
            case .heading:
                if blocks[index].startsSection {
                    section = blocks[index].id!
                    number = 0
                }
            case .paragraph, .blockQuote, .list:
                number += 1
                blocks[index].id = ids.claim("\(section)-p\(number)")
            case .code, .other:
                continue
            }
            blocks[index].html = addingID(blocks[index].id!, to: blocks[index].html)
        }
    }

    static func kind(of node: OpaquePointer) -> RenderedBlock.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_CODE_BLOCK: return .code
        default: return .other
        }
    }

    static func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Puts `id="…"` into the block's opening tag (`<p>`, `<h2>`, `<blockquote>`, `<ul>`, `<ol start="3">`).
    static func addingID(_ id: String, to html: String) -> String {
        guard html.hasPrefix("<"), let end = html.utf8.firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ") }) else {
            return html
        }
        var result = String(html[..<end])
        result += " id=\"\(HTMLEscaping.attribute(id))\""
        result += html[end...]
        return result
    }

    /// The text a reader sees, without markup; soft and hard breaks become spaces.
    static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iterator) }
        var needsSpace = false
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let event = cmark_iter_get_event_type(iterator)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if needsSpace && !text.isEmpty { text += " " }
                needsSpace = false
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                needsSpace = true
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
                if event == CMARK_EVENT_EXIT { needsSpace = true }
                if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, event != CMARK_EVENT_EXIT,
                   let literal = cmark_node_get_literal(node) {
                    if !text.isEmpty { text += " " }
                    text += String(cString: literal)
                }
            default:
                break
            }
        }
        return text.contains("  ") || text.contains("\n") ? text.collapsingWhitespace : text
    }

    /// Prefixes root-relative URLs with the base path and records every link for the checker.
    private func rewriteURLsAndCollectLinks(in document: OpaquePointer, firstLine: Int) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        guard let iterator = cmark_iter_new(document) else { return links }
        defer { cmark_iter_free(iterator) }
        var blockLine = 1
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue {
                let start = Int(cmark_node_get_start_line(node))
                if start > 0 { blockLine = start }
                continue
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let raw = cmark_node_get_url(node) else { continue }
            let url = String(cString: raw)
            links.append(MarkdownLink(destination: url, line: blockLine + firstLine - 1, isImage: type == CMARK_NODE_IMAGE))
            if !basePath.isEmpty, url.hasPrefix("/"), !url.hasPrefix("//") {
                cmark_node_set_url(node, basePath + url)
            }
        }
        return links
    }
}
