/// Splits prose into sentences the way a sub-editor reads it: a full stop after "Mr" or an
/// initial ("Donald J. Trump") does not end a sentence, and neither does an ellipsis inside a quote.
public enum Sentences {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "sen", "rep", "gov", "lt", "col",
        "capt", "sgt", "maj", "adm", "vs", "etc", "no", "nos", "approx", "dept", "est", "inc", "ltd",
        "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "fig", "vol", "pp",
    ]

    /// The sentences of `text`, trimmed, in order.
    public static func split(_ text: String) -> [String] {
        let characters = Array(text)
        return ranges(in: characters).compactMap { range in
            let sentence = String(characters[range]).trimmingWhitespace
            return sentence.isEmpty ? nil : sentence
        }
    }

    /// Character ranges of the sentences; together they cover the whole text.
    static func ranges(in characters: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "?" || character == "!" || character == "…" {
                var end = index + 1
                // Swallow runs of terminal punctuation and closing quotes/brackets: `?!`, `."`, `.)`.
                while end < characters.count, "?!.…\"'”’)]".contains(characters[end]) { end += 1 }
                if end >= characters.count { break }
                if characters[end].isWhitespace, isSentenceEnd(characters, punctuation: index, after: end) {
                    result.append(start..<end)
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        if start < characters.count { result.append(start..<characters.count) }
        return result
    }

    private static func isSentenceEnd(_ characters: [Character], punctuation: Int, after end: Int) -> Bool {
        // The next word must start like a sentence: upper case, a digit or an opening quote.
        var next = end
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return true }
        let first = characters[next]
        guard first.isUppercase || first.isNumber || "\"'“‘(«".contains(first) else { return false }
        guard characters[punctuation] == "." else { return true }
        // Look at the word before the full stop.
        var wordStart = punctuation
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let word = String(characters[wordStart..<punctuation])
        if word.count == 1, word.first!.isUppercase { return false } // an initial: "Donald J. Trump"
        let bare = word.lowercased().strippingCharacters("\"'“‘(")
        return !abbreviations.contains(bare)
    }
}

extension StringProtocol {
    /// The text without the given characters at either end: `"(Hello)".strippingCharacters("()")`.
    func strippingCharacters(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
