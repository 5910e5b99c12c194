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
                output += paragraphs.map { "> " + MarkdownEscaping.escape($0) }.joined(separator: "\n>\n")
                if let cite { output += "\n>\n> — " + MarkdownEscaping.escape(cite) }
                output += "\n\n"
            }
        }
        while output.hasSuffix("\n\n") { output.removeLast() }
        return output
    }
}
