/// Parses Mustache source into a node tree, following the spec's whitespace rules: a line that
/// holds nothing but a section, comment, partial, delimiter or block tag disappears entirely.
struct TemplateParser {
    let source: [UInt8]
    let text: String

    init(source: String) {
        text = source
        self.source = Array(source.utf8)
    }

    enum TagKind: Equatable {
        case variable, unescaped, section, inverted, close, comment, partial, delimiters, parent, block, pragma
    }

    struct Tag {
        var kind: TagKind
        var content: String
        /// Byte range of the whole tag, delimiters included.
        var start: Int
        var end: Int
    }

    enum Token {
        case text(Range<Int>)
        case tag(Tag, standalone: Bool, indentation: String)
    }

    // MARK: Tokens

    func tokens() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var index = 0
        var textStart = 0
        while index < source.count {
            guard matches(open, at: index) else { index += 1; continue }
            let tagStart = index
            var cursor = index + open.count
            var kind = TagKind.variable
            var closing = close
            if cursor < source.count {
                switch source[cursor] {
                case UInt8(ascii: "{") where open == Array("{{".utf8):
                    kind = .unescaped; cursor += 1; closing = Array("}".utf8) + close
                case UInt8(ascii: "&"): kind = .unescaped; cursor += 1
                case UInt8(ascii: "#"): kind = .section; cursor += 1
                case UInt8(ascii: "^"): kind = .inverted; cursor += 1
                case UInt8(ascii: "/"): kind = .close; cursor += 1
                case UInt8(ascii: "!"): kind = .comment; cursor += 1
                case UInt8(ascii: ">"): kind = .partial; cursor += 1
                case UInt8(ascii: "<"): kind = .parent; cursor += 1
                case UInt8(ascii: "$"): kind = .block; cursor += 1
                case UInt8(ascii: "%"): kind = .pragma; cursor += 1
                case UInt8(ascii: "="): kind = .delimiters; cursor += 1; closing = Array("=".utf8) + close
                default: break
                }
            }
            guard let end = find(closing, from: cursor) else {
                throw error(at: tagStart, "a tag is not finished: '\(String(decoding: open, as: UTF8.self))' without a matching '\(String(decoding: close, as: UTF8.self))'")
            }
            let content = String(decoding: source[cursor..<end], as: UTF8.self).trimmingWhitespace
            let tag = Tag(kind: kind, content: content, start: tagStart, end: end + closing.count)
            if tagStart > textStart { tokens.append(.text(textStart..<tagStart)) }
            tokens.append(.tag(tag, standalone: false, indentation: ""))
            textStart = tag.end
            index = tag.end
            if kind == .delimiters {
                let parts = content.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw error(at: tagStart, "the set-delimiter tag is malformed; write it as {{=<% %>=}}")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
        }
        if textStart < source.count { tokens.append(.text(textStart..<source.count)) }
        return markStandalone(tokens)
    }

    /// Applies the spec's standalone rule: the tag's line (its indentation and its newline) goes.
    private func markStandalone(_ tokens: [Token]) -> [Token] {
        var result = tokens
        for (position, token) in tokens.enumerated() {
            guard case .tag(let tag, _, _) = token, ![.variable, .unescaped].contains(tag.kind) else { continue }
            // Only whitespace between the start of the line and the tag...
            var lineStart = tag.start
            while lineStart > 0, source[lineStart - 1] == 0x20 || source[lineStart - 1] == 0x09 { lineStart -= 1 }
            guard lineStart == 0 || source[lineStart - 1] == 0x0A else { continue }
            // ...and between the tag and the end of the line.
            var lineEnd = tag.end
            while lineEnd < source.count, source[lineEnd] == 0x20 || source[lineEnd] == 0x09 { lineEnd += 1 }
            var afterNewline = lineEnd
            if lineEnd < source.count {
                if source[lineEnd] == 0x0A { afterNewline = lineEnd + 1 }
                else if source[lineEnd] == 0x0D, lineEnd + 1 < source.count, source[lineEnd + 1] == 0x0A { afterNewline = lineEnd + 2 }
                else { continue }
            }
            // No other tag may share the line.
            if position > 0, case .tag(let previous, _, _) = tokens[position - 1], previous.end > lineStart { continue }
            if position + 1 < tokens.count, case .tag(let next, _, _) = tokens[position + 1], next.start < afterNewline { continue }
            let indentation = String(decoding: source[lineStart..<tag.start], as: UTF8.self)
            result[position] = .tag(tag, standalone: true, indentation: indentation)
            if position > 0, case .text(let range) = result[position - 1] {
                result[position - 1] = .text(range.lowerBound..<max(range.lowerBound, lineStart))
            }
            if position + 1 < result.count, case .text(let range) = result[position + 1] {
                result[position + 1] = .text(min(afterNewline, range.upperBound)..<range.upperBound)
            }
        }
        return result
    }

    // MARK: Tree

    /// How deep sections, inverted sections, blocks and parent tags may nest. Parsing, compiling
    /// and rendering each recurse once per level, so 20,000 nested `{{#a}}` overflowed the stack
    /// (and each level copied its section's raw text: quadratic); no real theme comes near 100.
    static let nestingLimit = 100

    func parse() throws(TemplateError) -> [TemplateNode] {
        let tokens = try tokens()
        var index = 0
        let nodes = try parseNodes(tokens, &index, closing: nil, depth: 0)
        return nodes
    }

    /// Parses until the close tag of `closing` (or the end); `depth` is how many sections enclose it.
    private func parseNodes(_ tokens: [Token], _ index: inout Int, closing: Tag?, depth: Int) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let range):
                if !range.isEmpty { nodes.append(.text(Array(source[range]))) }
            case .tag(let tag, let standalone, let indentation):
                switch tag.kind {
                case .comment, .delimiters:
                    continue
                case .pragma:
                    let setting = tag.content.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace }
                    guard setting.count == 2, setting[0] == "CONTENT_TYPE" else {
                        throw error(at: tag.start, "unknown pragma; only {{% CONTENT_TYPE: HTML }} and {{% CONTENT_TYPE: TEXT }} are understood")
                    }
                    switch setting[1] {
                    case "HTML": nodes.append(.escaping(true))
                    case "TEXT": nodes.append(.escaping(false))
                    default: throw error(at: tag.start, "unknown content type '\(setting[1])'; use HTML or TEXT")
                    }
                case .variable, .unescaped:
                    nodes.append(.variable(try name(tag), escaped: tag.kind == .variable))
                case .partial:
                    guard !tag.content.isEmpty else { throw error(at: tag.start, "a partial tag {{> }} needs the name of a template") }
                    let (line, column) = lineAndColumn(tag.start)
                    nodes.append(.partial(tag.content, indentation: standalone ? indentation : "", line: line, column: column))
                case .section, .inverted, .block, .parent:
                    let name = try self.name(tag)
                    guard depth < TemplateParser.nestingLimit else {
                        throw error(at: tag.start, "sections are nested more than \(TemplateParser.nestingLimit) deep here: "
                                        + "a {{#…}}, {{^…}}, {{$…}} or {{<…}} tag opens inside \(TemplateParser.nestingLimit) others that are still open")
                    }
                    let bodyStart = index
                    let children = try parseNodes(tokens, &index, closing: tag, depth: depth + 1)
                    let closeTag = closingTag(tokens, index - 1)
                    switch tag.kind {
                    case .section:
                        let rawStart = tag.end
                        let rawEnd = closeTag?.start ?? rawStart
                        let raw = String(decoding: source[rawStart..<max(rawStart, rawEnd)], as: UTF8.self)
                        nodes.append(.section(name, children, raw: raw))
                    case .inverted:
                        nodes.append(.inverted(name, children))
                    case .block:
                        nodes.append(.block(tag.content, children))
                    default:
                        // Inside a parent tag only block overrides count; anything else is ignored.
                        var blocks: [String: [TemplateNode]] = [:]
                        for child in children { if case .block(let blockName, let content) = child { blocks[blockName] = content } }
                        let (line, column) = lineAndColumn(tag.start)
                        nodes.append(.parent(tag.content, blocks: blocks, indentation: standalone ? indentation : "", line: line, column: column))
                    }
                    _ = bodyStart
                case .close:
                    guard let closing else {
                        throw error(at: tag.start, "the closing tag {{/\(tag.content)}} has no section to close")
                    }
                    guard tag.content == closing.content else {
                        throw error(at: tag.start, "the closing tag {{/\(tag.content)}} does not match the section {{\(sigil(closing.kind))\(closing.content)}} it closes")
                    }
                    return nodes
                }
            }
        }
        if let closing {
            throw error(at: closing.start, "the section {{\(sigil(closing.kind))\(closing.content)}} is never closed with {{/\(closing.content)}}")
        }
        return nodes
    }

    private func closingTag(_ tokens: [Token], _ index: Int) -> Tag? {
        guard index >= 0, index < tokens.count, case .tag(let tag, _, _) = tokens[index], tag.kind == .close else { return nil }
        return tag
    }

    private func name(_ tag: Tag) throws(TemplateError) -> TemplateName {
        guard var name = TemplateName(tag.content) else {
            // A tag left open runs on to the next closing braces, lines further: say that, not
            // quote the lines it swallowed as a name.
            if let lineEnd = tag.content.firstIndex(of: "\n") {
                throw error(at: tag.start, "a tag is not finished: '\(tag.content[..<lineEnd])' has no closing braces on its line")
            }
            throw error(at: tag.start, tag.content.isEmpty ? "a tag has no name" : "'\(tag.content)' is not a valid name")
        }
        let (line, column) = lineAndColumn(tag.start)
        name.position = SourcePosition(line: line, column: column)
        return name
    }

    private func sigil(_ kind: TagKind) -> String {
        switch kind {
        case .section: return "#"
        case .inverted: return "^"
        case .parent: return "<"
        case .block: return "$"
        default: return ""
        }
    }

    // MARK: Helpers

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= source.count else { return false }
        for offset in 0..<pattern.count where source[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= source.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    func lineAndColumn(_ offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, source.count) where source[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: source[lineStart..<min(offset, source.count)], as: UTF8.self).count + 1
        return (line, column)
    }

    private func error(at offset: Int, _ message: String) -> TemplateError {
        let (line, column) = lineAndColumn(offset)
        return TemplateError(line: line, column: column, message: message)
    }
}
