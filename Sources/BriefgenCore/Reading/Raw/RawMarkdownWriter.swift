/// Writes a raw article's recovered structure as Markdown: the body of its page, and what
/// `briefgen import` saves.
enum RawMarkdownWriter {
    static func markdown(for blocks: [RawBlock]) -> String {
        var output = ""
        for block in blocks {
            switch block {
            case .paragraph(let text):
                output += MarkdownEscaping.escape(text) + "\n\n"
            case .heading(let text):
                output += "## " + MarkdownEscaping.escape(text) + "\n\n"
            case .list(let items, let ordered, let start):
                for (offset, item) in items.enumerated() {
                    let marker = ordered ? "\(start + offset)." : "-"
                    output += marker + " " + MarkdownEscaping.escape(item) + "\n"
                }
                output += "\n"
            case .quotation(let paragraphs, let cite):
                output += paragraphs.map { "> " + RawMarkdownWriter.linkingPostLinks(MarkdownEscaping.escape($0)) }.joined(separator: "\n>\n")
                if let cite { output += "\n>\n> — " + MarkdownEscaping.escape(cite) }
                output += "\n\n"
            }
        }
        while output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }

    /// An embedded post's picture and short links (`pic.twitter.com/22j0LewxmX`, `https://t.co/x`),
    /// which the copied text shows bare, become links (`<https://pic.twitter.com/22j0LewxmX>`);
    /// only whole words of that exact shape, so nothing else in the text can turn into markup.
    static func linkingPostLinks(_ escaped: String) -> String {
        guard escaped.contains("pic.twitter.com/") || escaped.contains("t.co/") else { return escaped }
        return escaped.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            var address = Substring(word)
            for scheme in ["https://", "http://"] where address.hasPrefix(scheme) { address = address.dropFirst(scheme.count) }
            guard let slash = address.firstIndex(of: "/"), ["pic.twitter.com", "t.co"].contains(address[..<slash]) else { return String(word) }
            let id = address[address.index(after: slash)...]
            guard !id.isEmpty, id.utf8.allSatisfy({ $0 < 0x80 && (($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10) }) else { return String(word) }
            return "<https://" + address + ">"
        }.joined(separator: " ")
    }
}
