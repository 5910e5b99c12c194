/// Plain text from Markdown without a full render, for one-line summaries of front matter bodies.
public enum MarkdownPlainText {
    /// Strips the common inline markers; good enough for a summary sentence.
    public static func approximate(_ markdown: String) -> String {
        let firstParagraph = markdown.trimmingWhitespace
            .components(separatedBy: "\n\n").first { !$0.trimmingWhitespace.hasPrefix("#") } ?? ""
        var text = ""
        var skippingURL = false
        for character in firstParagraph {
            if skippingURL { if character == ")" { skippingURL = false }; continue }
            switch character {
            case "*", "_", "`", "[", "#", ">": continue
            case "]": skippingURL = true; continue
            default: text.append(character)
            }
        }
        return text.collapsingWhitespace
    }
}
