/// The ids a theme writes into its pages itself, so that ids made from an article's headings
/// can keep clear of them.
///
/// Themes are edited by their users, so the ids are read from the templates rather than listed
/// here: a heading "Main" must not take `main`, the skip link's target, nor a heading named like
/// `toc-heading` the id of the table of contents.
extension TemplateSet {
    /// The literal `id="…"` values in the templates a page rendered with `name` is made of: the
    /// template, its parents and partials, and theirs. Ids built from values (`id="day-{{…}}"`)
    /// are left out: which ones a page gets is not known before rendering.
    public func literalIDs(ofPage name: String) -> Set<String> {
        var ids: Set<String> = []
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            if let source = sources[next] { ids.formUnion(TemplateSet.literalIDs(in: source)) }
            for reference in templates[next]?.references ?? [] where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        return ids
    }

    /// The values of `id` attributes in `source`, in order: the attribute name after whitespace
    /// (so `data-id` is not one), in any case, then `=` and a quoted value without template tags.
    static func literalIDs(in source: String, from start: Int = 0) -> [String] {
        let bytes = Array(source.utf8)
        var result: [String] = []
        var index = start
        while index + 1 < bytes.count {
            defer { index += 1 }
            // Mustache and HTML comments and script bodies write no attributes: `{{! id="x" }}`
            // and `var id = 'x'` are not ids of the page.
            if let skipped = TemplateSet.skipped(bytes, at: index) {
                result += skipped.ids
                index = skipped.end - 1
                continue
            }
            guard index > 0, bytes[index] | 0x20 == UInt8(ascii: "i"), bytes[index + 1] | 0x20 == UInt8(ascii: "d"),
                  isSpace(bytes[index - 1]) else { continue }
            var cursor = index + 2
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else { continue }
            let quote = bytes[cursor]
            let start = cursor + 1
            guard let end = bytes[start...].firstIndex(of: quote) else { break }
            let value = String(decoding: bytes[start..<end], as: UTF8.self)
            if !value.isEmpty, !value.contains("{{") { result.append(value) }
            index = end
        }
        return result
    }

    /// A Mustache comment or a `<script>` element that starts at `index`: where it ends (the
    /// index after it, or the end of the text) and the ids in the script tag itself
    /// (`<script id="data">`); nil when neither starts there.
    static func skipped(_ bytes: [UInt8], at index: Int) -> (end: Int, ids: [String])? {
        // Letters in any case (`<SCRIPT`); other bytes as they are.
        func matches(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            return zip(bytes[position..<(position + pattern.count)], pattern).allSatisfy { actual, expected in
                actual == expected || (0x61...0x7A).contains(expected) && actual == expected - 0x20
            }
        }
        func end(after closing: String, from start: Int) -> Int {
            var cursor = start
            while cursor < bytes.count, !matches(closing, at: cursor) { cursor += 1 }
            return min(cursor + closing.utf8.count, bytes.count)
        }
        if bytes[index] == UInt8(ascii: "{"), matches("{{!", at: index) { return (end(after: "}}", from: index + 3), []) }
        guard bytes[index] == UInt8(ascii: "<") else { return nil }
        if matches("<!--", at: index) { return (end(after: "-->", from: index + 4), []) }
        // `<script` as a tag name, not `<scripts>` or text such as `"<script"` in an attribute.
        let nameEnd = index + "<script".utf8.count
        guard matches("<script", at: index), nameEnd < bytes.count,
              isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: ">") || bytes[nameEnd] == UInt8(ascii: "/") else { return nil }
        var tagEnd = index
        while tagEnd < bytes.count, bytes[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
        let tag = String(decoding: bytes[index..<min(tagEnd + 1, bytes.count)], as: UTF8.self)
        // Without its end tag, only the tag itself is skipped, not the rest of the template.
        var bodyEnd = end(after: "</script", from: tagEnd)
        if bodyEnd == bytes.count, !matches("</script", at: max(bytes.count - "</script".utf8.count, 0)) { bodyEnd = min(tagEnd + 1, bytes.count) }
        // Past its `<`, so the tag is read for attributes, not skipped again.
        return (bodyEnd, literalIDs(in: tag, from: 1))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
