import Foundation

/// Reads who is speaking from the words around a quotation: `said X`, `X said`,
/// `X wrote on Truth Social`, `– President Donald J. Trump`, `according to X`, and
/// `…, saying "…"` where the sentence's subject speaks.
enum Attribution {
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "added", "adds", "wrote", "writes", "told", "tells", "posted", "posts", "declared",
        "warned", "warns", "insisted", "insists", "stated", "states", "noted", "notes", "explained", "explains",
        "continued", "argued", "argues", "replied", "tweeted", "claimed", "claims", "admitted", "admits", "stressed",
        "stresses", "urged", "urges", "asked", "asks", "recalled", "remarked", "announced", "announces", "observed",
        "concluded", "commented", "cautioned", "acknowledged", "acknowledges", "predicted", "promised", "vowed",
        "conceded", "suggested", "insisted", "responded", "declared", "confirmed", "confirms", "described", "called",
    ]
    /// Participles that hand a quote to the subject of the sentence: "…, admitting that '…'".
    static let participles: Set<String> = [
        "saying", "adding", "admitting", "warning", "insisting", "noting", "arguing", "claiming", "writing", "telling",
        "stressing", "declaring", "explaining", "calling", "describing", "acknowledging", "conceding", "urging",
        "promising", "vowing", "suggesting", "posting",
    ]
    static let pronouns: Set<String> = ["he", "she", "He", "She"]
    static let groupPronouns: Set<String> = ["they", "They", "we", "We", "I", "it", "It"]
    /// Words that end a speaker phrase read forwards: "said Maria Kovac on Monday".
    static let stopWords: Set<String> = [
        "on", "in", "at", "during", "after", "before", "when", "while", "as", "to", "from", "who", "which", "that",
        "adding", "saying", "told", "referring", "speaking", "last", "this", "earlier", "later", "today", "yesterday",
        "tonight", "and", "but", "with", "via", "because", "if", "than",
    ]
    static let determiners: Set<String> = ["a", "an", "the", "one", "another", "two", "three", "several", "some", "A", "An", "The", "One", "Another"]
    static let nameParticles: Set<String> = ["de", "da", "van", "von", "der", "den", "al", "bin", "of", "la", "le", "du", "del"]

    /// Who the words after a closing quote attribute it to, or nil.
    /// `after` starts right after the quote mark: `, he said.` / ` – President Donald J. Trump`.
    static func speakerAfter(_ after: String) -> String? {
        var text = after.trimmingWhitespace
        while let first = text.first, first == "," || first == ";" { text = String(text.dropFirst()).trimmingWhitespace }
        guard !text.isEmpty else { return nil }
        if let first = text.first, "–—―".contains(first) || text.hasPrefix("- ") {
            let name = text.drop(while: { "–—―- ".contains($0) })
            let cleaned = signature(String(name))
            return cleaned
        }
        let words = clauseWords(text)
        guard !words.isEmpty else { return nil }
        if words[0].lowercased() == "according", words.count > 2, words[1] == "to" {
            return phraseForward(Array(words.dropFirst(2)))
        }
        // `said X`
        if speechVerbs.contains(words[0].lowercased()) {
            return phraseForward(Array(words.dropFirst()))
        }
        // `X said`
        if let verb = words.prefix(9).firstIndex(where: { speechVerbs.contains($0) }), verb > 0 {
            return phraseBackward(Array(words[..<verb]))
        }
        return nil
    }

    /// Who the words before an opening quote give it to: `Zelenskyy told reporters:`,
    /// `according to the BBC,`, `…, admitting that`.
    /// Returns `.subject` when a participle hands the quote to the sentence's subject.
    enum Before: Equatable {
        case speaker(String)
        case subject
    }

    static func speakerBefore(_ before: String) -> Before? {
        let words = clauseWords(before)
        guard !words.isEmpty else { return nil }
        // `according to X, "…"`
        if let according = words.lastIndex(where: { $0.lowercased() == "according" }), according + 2 < words.count,
           words[according + 1] == "to" {
            if let name = phraseForward(Array(words[(according + 2)...])) { return .speaker(name) }
        }
        // The last speech verb in the clause before the quote: `Zelenskyy said:`, `Trump wrote on Truth Social:`.
        if let verb = words.lastIndex(where: { speechVerbs.contains($0) }) {
            let tail = words[(verb + 1)...]
            // `X said that` / `X told reporters on Monday:` — the clause after the verb must stay short.
            if tail.count <= 6 {
                if verb > 0, let name = phraseBackward(Array(words[..<verb])) { return .speaker(name) }
                if verb + 1 < words.count, let name = phraseForward(Array(words[(verb + 1)...])), !name.isEmpty,
                   words[verb + 1].first?.isUppercase == true || determiners.contains(words[verb + 1]) {
                    return .speaker(name) // `Said Maria Kovac: "…"`
                }
            }
        }
        if let participle = words.lastIndex(where: { participles.contains($0.lowercased()) }), words.count - participle <= 4 {
            return .subject
        }
        return nil
    }

    /// The speaker phrase after a verb: capitalised words and titles, or an anonymous description.
    static func phraseForward(_ words: [String]) -> String? {
        var result: [String] = []
        for (index, rawWord) in words.enumerated() {
            let endsClause = rawWord.hasSuffix(",") || rawWord.hasSuffix(".") && !isInitial(rawWord) || rawWord.hasSuffix(":") || rawWord.hasSuffix(";")
            let word = isInitial(rawWord) ? rawWord : rawWord.strippingCharacters(",.;:!?\"“”‘’()")
            if word.isEmpty { break }
            if index > 0 && stopWords.contains(word) { break }
            if index == 0 && stopWords.contains(word) && !determiners.contains(word) { return nil }
            result.append(word)
            if endsClause || result.count >= 10 { break }
        }
        return finish(result)
    }

    /// The speaker phrase before a verb, read backwards from the verb: a name ("Maria Kovac"),
    /// a pronoun ("he"), or an anonymous description back to its determiner ("a senior official").
    static func phraseBackward(_ words: [String]) -> String? {
        var reversed: [String] = []
        for rawWord in words.reversed() {
            // Punctuation after a word means it belongs to an earlier clause.
            if rawWord.last.map({ ",:;\"”’".contains($0) }) == true { break }
            reversed.append(isInitial(rawWord) ? rawWord : rawWord.strippingCharacters(".!?\"“”‘’()"))
            if reversed.count >= 8 { break }
        }
        guard let nearest = reversed.first, !nearest.isEmpty else { return nil }
        if pronouns.contains(nearest) || groupPronouns.contains(nearest) { return nearest }
        var result: [String] = []
        if nearest.first?.isUppercase == true || nearest.first?.isNumber == true {
            // A name: capitalised words, initials and particles between them.
            for word in reversed {
                if word.first?.isUppercase == true || isInitial(word) {
                    result.insert(word, at: 0)
                } else if nameParticles.contains(word), !result.isEmpty {
                    result.insert(word, at: 0)
                } else {
                    if word == "the" || word == "The" { result.insert("the", at: 0) }
                    break
                }
            }
            while let first = result.first, nameParticles.contains(first) { result.removeFirst() }
            return finish(result)
        }
        // A description must reach a determiner within a few words.
        for word in reversed {
            result.insert(word, at: 0)
            if determiners.contains(word) { return finish(result) }
            if result.count >= 6 { break }
        }
        return nil
    }

    private static func finish(_ words: [String]) -> String? {
        var words = words
        while let last = words.last, determiners.contains(last) || nameParticles.contains(last) { words.removeLast() }
        guard !words.isEmpty else { return nil }
        var name = words.joined(separator: " ")
        if name.hasSuffix("'s") || name.hasSuffix("’s") { name.removeLast(2) }
        // A speaker starts with a capital, a determiner or a pronoun.
        guard let first = words.first, first.first?.isUppercase == true || determiners.contains(first) else { return nil }
        return name
    }

    static func isInitial(_ word: String) -> Bool {
        let bare = word.strippingCharacters(",")
        return bare.count == 2 && bare.first!.isUppercase && bare.last == "."
    }

    /// A signature after a dash: "President Donald J. Trump 🇺🇸🇺🇦" → "President Donald J. Trump".
    static func signature(_ text: String) -> String? {
        var cleaned = String(text.filter { !$0.isEmoji })
        if let link = cleaned.range(of: "pic.twitter.com") { cleaned = String(cleaned[..<link.lowerBound]) }
        if let link = cleaned.range(of: "http") { cleaned = String(cleaned[..<link.lowerBound]) }
        cleaned = cleaned.trimmingWhitespace.strippingCharacters(".,;")
        let words = cleaned.split(separator: " ")
        guard !words.isEmpty, words.count <= 10, cleaned.first?.isUppercase == true || determiners.contains(String(words[0])) else { return nil }
        return cleaned
    }

    /// Words of one clause: up to the end of the sentence.
    static func clauseWords(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\n" }).map(String.init)
    }
}
