/// Makes plain text safe to put into Markdown so that it renders as the same plain text.
///
/// Raw news text is full of characters Markdown reads as markup (`*`, `_`, `[`, `<`, `#` at the
/// start of a line, "1." at the start of a paragraph). Escaping them keeps an article's words
/// exactly as written; cmark's smart punctuation still curls the quotes.
public enum MarkdownEscaping {
    /// Escapes inline markup everywhere and block markup at the start of the text.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return escapeBlockStart(result)
    }

    /// Escapes what would start a heading, list, quote, rule or code block at the start of a line.
    static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "#" || first == "+" || first == "-" || first == "=" {
            return "\\" + text
        }
        if first.isNumber {
            let digits = text.prefix(while: \.isNumber)
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", digits.count <= 9 {
                return String(digits) + "\\" + rest
            }
        }
        return text
    }
}
