/// One item of a list as outlets type them: `• item`, `- item`, `* item`, `1. item`, `1) item`.
struct ListItem: Equatable {
    var text: String
    var ordered: Bool
    var number: Int

    static let bullets: Set<Character> = ["•", "-", "*", "·", "▪", "◦", "‣", "●"]

    static func parse(_ line: String) -> ListItem? {
        // A character that starts with an ASCII letter is neither a bullet nor a number: most
        // paragraphs are dismissed on their first visible byte, before any character is made.
        if let lead = line.utf8.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }),
           (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) {
            return nil
        }
        let text = line.trimmingWhitespace
        guard let first = text.first else { return nil }
        if bullets.contains(first) {
            let rest = text.dropFirst()
            guard let space = rest.first, space == " " || space == "\t" || space == "\u{00A0}" else { return nil }
            let item = rest.trimmingWhitespace
            return item.isEmpty ? nil : ListItem(text: item, ordered: false, number: 0)
        }
        let digits = text.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        let afterDigits = text.dropFirst(digits.count)
        guard let marker = afterDigits.first, marker == "." || marker == ")" else { return nil }
        let rest = afterDigits.dropFirst()
        guard let space = rest.first, space == " " || space == "\t" || space == "\u{00A0}" else { return nil }
        let item = rest.trimmingWhitespace
        return item.isEmpty ? nil : ListItem(text: item, ordered: true, number: number)
    }
}
