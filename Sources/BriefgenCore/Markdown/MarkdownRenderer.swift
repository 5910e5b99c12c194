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
    /// Ids the page around the Markdown already has (the theme's `main`, `toc-heading`…):
    /// headings and paragraphs take other ids, suffixed as repeated headings are.
    public var reservedIDs: Set<String>

    public init(basePath: String = "", reservedIDs: Set<String> = []) {
        var path = basePath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
        self.reservedIDs = reservedIDs
    }

    /// Safe mode is cmark's default since 0.29: raw HTML is omitted and `javascript:`,
    /// `vbscript:`, `file:` and non-image `data:` URLs are dropped. Smart punctuation is applied
    /// by `SmartPunctuation` on the text nodes rather than by cmark, which is twice as fast.
    static let options: Int32 = 0

    public func render(_ markdown: String, firstLine: Int = 1) -> RenderedMarkdown {
        var markdown = markdown
        let document: OpaquePointer? = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, MarkdownRenderer.options)
            }
        }
        guard let document else { return RenderedMarkdown(blocks: [], links: []) }
        defer { cmark_node_free(document) }

        let walk = walkDocument(document, firstLine: firstLine)
        var blocks: [RenderedBlock] = []
        blocks.reserveCapacity(walk.texts.count)
        var nodes: [OpaquePointer] = []
        nodes.reserveCapacity(walk.texts.count)
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
            blocks.append(RenderedBlock(kind: MarkdownRenderer.kind(of: node), id: nil, html: "", text: walk.texts[nodes.count], line: line))
            nodes.append(node)
        }
        // Anchors first, so each block's HTML is made once, with its id already in place.
        MarkdownRenderer.assignIDs(to: &blocks, reserved: reservedIDs)
        for index in blocks.indices {
            blocks[index].html = MarkdownRenderer.html(of: nodes[index], id: blocks[index].id)
        }
        return RenderedMarkdown(blocks: blocks, links: walk.links)
    }

    /// One pass over every node: smart punctuation on text, plain text per top-level block,
    /// links collected and root-relative ones moved under the base path.
    private func walkDocument(_ document: OpaquePointer, firstLine: Int) -> (texts: [String], links: [MarkdownLink]) {
        var collector = PlainTextCollector()
        var links: [MarkdownLink] = []
        guard let iterator = cmark_iter_new(document) else { return ([], links) }
        defer { cmark_iter_free(iterator) }
        var blockLine = 1
        var inBlock = false
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let event = cmark_iter_get_event_type(iterator)
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_DOCUMENT { continue }
            if cmark_node_parent(node) == document {
                if event == CMARK_EVENT_ENTER {
                    inBlock = true
                    let start = Int(cmark_node_get_start_line(node))
                    if start > 0 { blockLine = start }
                    // Leaf top-level blocks (a thematic break, raw HTML, code) have no exit event.
                    if type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_HTML_BLOCK { collector.finishBlock(); inBlock = false; continue }
                    if type == CMARK_NODE_CODE_BLOCK {
                        if let literal = cmark_node_get_literal(node) { collector.append(literal) }
                        collector.finishBlock()
                        inBlock = false
                        continue
                    }
                } else {
                    collector.finishBlock()
                    inBlock = false
                    continue
                }
            }
            guard inBlock else { continue }
            switch type {
            case CMARK_NODE_TEXT:
                guard let literal = cmark_node_get_literal(node) else { continue }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                if var smart = SmartPunctuation.transform(bytes, previous: collector.lastByte) {
                    smart.withUnsafeBufferPointer { collector.append($0) }
                    smart.append(0)
                    smart.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
                    }
                } else {
                    collector.append(bytes)
                }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard let literal = cmark_node_get_literal(node) else { continue }
                if type == CMARK_NODE_CODE_BLOCK { collector.breakWord() }
                collector.append(literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                collector.breakWord()
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                if event == CMARK_EVENT_EXIT { collector.breakWord() }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard event == CMARK_EVENT_ENTER, let raw = cmark_node_get_url(node) else { continue }
                let url = String(cString: raw)
                links.append(MarkdownLink(destination: url, line: blockLine + firstLine - 1, isImage: type == CMARK_NODE_IMAGE))
                if !basePath.isEmpty, url.hasPrefix("/"), !url.hasPrefix("//") {
                    cmark_node_set_url(node, basePath + url)
                }
            default:
                if event == CMARK_EVENT_ENTER, type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue {
                    let start = Int(cmark_node_get_start_line(node))
                    if start > 0 { blockLine = start }
                }
            }
        }
        return (collector.texts, links)
    }

    /// Headings get ids from their text first, so they keep clean slugs; then every paragraph,
    /// block quote and list gets `<section>-p<n>`, numbered within its section, so an anchor
    /// stays put when another section of the article is edited.
    static func assignIDs(to blocks: inout [RenderedBlock], reserved: Set<String> = []) {
        var ids = UniqueIDs(reserved: reserved, expected: blocks.count)
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
                blocks[index].id = ids.claim(paragraphID(section, number))
            case .code, .other:
                continue
            }
        }
    }

    /// `<section>-p<number>`, written in one go: appending the parts one by one made a heap
    /// buffer (`reserveCapacity` even for ids short enough to be stored inline) and went through
    /// `String(number)`, and cost a tenth of the render for every paragraph of every article.
    static func paragraphID(_ section: String, _ number: Int) -> String {
        var section = section
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return section.withUTF8 { prefix in
            String(unsafeUninitializedCapacity: prefix.count + 2 + digits) { buffer in
                var position = 0
                for byte in prefix { buffer[position] = byte; position += 1 }
                buffer[position] = UInt8(ascii: "-")
                buffer[position + 1] = UInt8(ascii: "p")
                position += 2 + digits
                var value = number
                for offset in 1...digits {
                    buffer[position - offset] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                return position
            }
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

    /// The block's HTML, with `id="…"` put into its opening tag (`<p>`, `<h2>`, `<blockquote>`,
    /// `<ul>`, `<ol start="3">`) straight from cmark's buffer.
    static func html(of node: OpaquePointer, id: String?) -> String {
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
        guard let id, bytes.first == UInt8(ascii: "<"),
              let end = bytes.firstIndex(where: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: " ") }) else {
            return string(fromCmark: bytes)
        }
        // Ids are slugs, with nothing to escape but for a theme's own reserved ids.
        var value = HTMLEscaping.attribute(id)
        return value.withUTF8 { value in
            let open: StaticString = " id=\""
            let total = bytes.count + open.utf8CodeUnitCount + value.count + 1
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
                var position = 0
                func copy(_ from: UnsafeRawPointer?, _ count: Int) {
                    if let from, count > 0 { memcpy(buffer.baseAddress! + position, from, count) }
                    position += count
                }
                copy(bytes.baseAddress, end)
                copy(open.utf8Start, open.utf8CodeUnitCount)
                copy(value.baseAddress, value.count)
                buffer[position] = UInt8(ascii: "\"")
                position += 1
                copy(bytes.baseAddress.map { $0 + end }, bytes.count - end)
                return string(fromCmark: UnsafeBufferPointer(rebasing: buffer[..<position]))
            }
        }
    }

    /// A `String` of cmark's output (or of bytes put together from it and Swift strings) without
    /// checking that it is UTF-8, which it always is here: the input is a Swift `String`, so valid
    /// UTF-8; cmark replaces NUL and entities that name no character (`&#0;`, surrogates, past
    /// U+10FFFF) with U+FFFD, and splits and escapes text only at ASCII bytes; smart punctuation
    /// only puts whole characters in place of ASCII ones. Checking each block's HTML and plain
    /// text cost 19M of the render's 357M instructions on the benchmark, mostly byte by byte on
    /// the blocks a curly quote makes not pure ASCII. Where `UTF8Span` is missing (macOS before
    /// 26) it checks as before.
    static func string(fromCmark bytes: UnsafeBufferPointer<UInt8>) -> String {
        if #available(macOS 26, *) {
            return String(copying: unsafe UTF8Span(unchecked: bytes.span))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Gathers the plain text of each top-level block, white space collapsed, as bytes.
///
/// A struct with mutating methods rather than closures over local variables: closures that
/// capture `var`s pay for a dynamic exclusivity check on every access, which cost more than
/// cmark itself in this loop.
struct PlainTextCollector {
    private(set) var texts: [String] = []
    private var text: [UInt8] = []
    private var pendingSpace = false

    init() { text.reserveCapacity(2048) }

    /// The byte before the next text, as smart punctuation sees it (a space at a block's start).
    var lastByte: UInt8 { pendingSpace || text.isEmpty ? 0x20 : text[text.count - 1] }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Most text nodes are words with single spaces (cmark makes line breaks nodes of their
        // own): those are copied in one go instead of word by word.
        if let first = bytes.first, first != 0x20, first != 0x0A, first != 0x09, first != 0x0D, bytes.last != 0x20 {
            if !ByteScan.hasBreakOrDoubleSpace(bytes) {
                appendRun(bytes, 0..<bytes.count)
                return
            }
        }
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if index > runStart { appendRun(bytes, runStart..<index) }
                pendingSpace = !text.isEmpty
                runStart = index + 1
            }
            index += 1
        }
        if count > runStart { appendRun(bytes, runStart..<count) }
    }

    private mutating func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if pendingSpace {
            text.append(0x20)
            pendingSpace = false
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
    }

    mutating func append(_ literal: UnsafePointer<CChar>) {
        append(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }

    mutating func breakWord() { pendingSpace = !text.isEmpty }

    mutating func finishBlock() {
        texts.append(text.withUnsafeBufferPointer { MarkdownRenderer.string(fromCmark: $0) })
        text.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}
