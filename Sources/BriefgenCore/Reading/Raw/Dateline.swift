/// Datelines that open a wire-style lede: "MIAMI –", "Brussels –", "KYIV, Ukraine (AP) —".
enum Dateline {
    static let dashes: Set<String> = ["-", "–", "—", "--", "―"]

    /// Splits a lede into its dateline and the text after it, or returns nil when it has none.
    static func split(_ paragraph: String) -> (dateline: String, rest: String)? {
        // A dateline is short: only the first words can hold one, and only if a dash is among them.
        guard paragraph.utf8.prefix(80).contains(where: { $0 == 0x2D || $0 == 0xE2 }) else { return nil }
        let words = paragraph.split(separator: " ", maxSplits: 10, omittingEmptySubsequences: true)
        guard words.count >= 3 else { return nil }
        // The dash must come early: a dateline is at most a city, a region and an agency.
        for dashIndex in 1..<min(words.count - 1, 9) where dashes.contains(String(words[dashIndex])) {
            let head = words[..<dashIndex].joined(separator: " ")
            let rest = String(paragraph[words[dashIndex + 1].startIndex...])
            guard let next = rest.first, next.isUppercase || next.isNumber || "\"“'‘".contains(next) else { return nil }
            return isDateline(head) ? (head, rest) : nil
        }
        // "PORT AMSEL—Negotiators …": an unspaced dash after a place in capitals.
        let opening = paragraph.prefix(48)
        if let dash = opening.firstIndex(where: { $0 == "—" || $0 == "–" }), dash > opening.startIndex {
            let head = String(paragraph[..<dash]).trimmingWhitespace
            let rest = String(paragraph[paragraph.index(after: dash)...]).trimmingWhitespace
            if isAllCapsPlace(head.split(separator: ",").first.map(String.init) ?? head), isDateline(head),
               rest.first?.isUppercase == true {
                return (head, rest)
            }
        }
        return nil
    }

    /// "KYIV, Ukraine (AP)", "NEW YORK", "Brussels", "ST. PETERSBURG, Russia (Reuters)".
    static func isDateline(_ head: String) -> Bool {
        var text = head
        // An agency in brackets at the end.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let agency = text[text.index(after: open)..<text.index(before: text.endIndex)]
            guard !agency.isEmpty, agency.count <= 20, agency.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "/" }),
                  agency.first?.isUppercase == true else { return false }
            text = String(text[..<open]).trimmingWhitespace
        }
        let parts = text.split(separator: ",").map { $0.trimmingWhitespace }
        guard let place = parts.first, !place.isEmpty, parts.count <= 3 else { return false }
        let qualifiersAreNames = parts.dropFirst().allSatisfy { part in
            let words = part.split(separator: " ")
            return !words.isEmpty && words.count <= 3 && words.allSatisfy { $0.first?.isUppercase == true } || isDate(part)
        }
        guard qualifiersAreNames else { return false }
        if isAllCapsPlace(place) { return true }
        // A title-case city of one to three words: "Brussels", "The Hague", "Rio de Janeiro".
        let words = place.split(separator: " ")
        guard (1...3).contains(words.count), words.first?.first?.isUppercase == true else { return false }
        return words.allSatisfy { word in
            word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" } &&
                (word.first!.isUppercase || ["de", "da", "do", "la", "le", "am", "an", "upon", "on"].contains(word))
        } && parts.count <= 2
    }

    static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// The date Reuters-style datelines carry: "Feb 17", "Feb. 17", "17 February", "2026".
    static func isDate(_ part: String) -> Bool {
        let words = part.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: ["."]) }
        func isDay(_ word: String) -> Bool { word.count <= 2 && Int(word).map { (1...31).contains($0) } == true }
        switch words.count {
        case 1: return words[0].count == 4 && Int(words[0]) != nil
        case 2: return months.contains(words[0]) && isDay(words[1]) || isDay(words[0]) && months.contains(words[1])
        default: return false
        }
    }

    static func isAllCapsPlace(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard letters.count >= 2, text.count <= 40 else { return false }
        return letters.allSatisfy(\.isUppercase) &&
            text.allSatisfy { $0.isLetter || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }
    }
}
