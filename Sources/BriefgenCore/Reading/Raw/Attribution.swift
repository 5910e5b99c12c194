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
        if let first = text.first, first == "–" || first == "—" || first == "―" || text.hasPrefix("- ") {
            let name = text.drop(while: { "–—―- ".contains($0) })
            let cleaned = signature(String(name))
            return cleaned
        }
        // At most a verb and a ten-word phrase are read after the quote (see `phraseForward`), or
        // a name and a verb within nine words: the rest of a long sentence is never looked at.
        let words = clauseWords(text, limit: 16)
        guard !words.isEmpty else { return nil }
        let firstWord = words[0].lowercased()
        if firstWord == "according", words.count > 2, words[1] == "to" {
            return phraseForward(Array(words.dropFirst(2)))
        }
        // `said X`
        if isSpeechVerb(firstWord) {
            return phraseForward(Array(words.dropFirst()))
        }
        // `X said`
        if let verb = words.prefix(9).firstIndex(where: isSpeechVerb), verb > 0 {
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
        // The last speech verb before the quote: `Zelenskyy said:`, `Trump wrote on Truth Social:`,
        // `Ilya Marek, Southland's chief negotiator, said the breakthrough came when … "in parallel"`.
        if let verb = words.lastIndex(where: isSpeechVerb) {
            if verb > 0, let name = subject(before: Array(words[..<verb])) { return .speaker(name) }
            // `Said Maria Kovac: "…"`: the speaker follows the verb and ends the clause.
            if verb + 1 < words.count, words.count - verb <= 6, words[verb + 1].first?.isUppercase == true,
               let name = phraseForward(Array(words[(verb + 1)...])) {
                return .speaker(name)
            }
        }
        if let participle = words.lastIndex(where: { participles.contains($0.lowercased().strippingCharacters(.commaSemicolonColon)) }),
           words.count - participle <= 4 {
            return .subject
        }
        return nil
    }

    /// Nouns for people, which anonymous attributions end in: "a senior official", "one diplomat".
    static let personNouns: Set<String> = [
        "official", "spokesman", "spokeswoman", "spokesperson", "diplomat", "source", "aide", "minister", "negotiator",
        "envoy", "analyst", "adviser", "advisor", "leader", "commander", "officer", "mediator", "member", "lawmaker",
        "senator", "delegate", "representative", "resident", "witness", "expert", "observer", "ambassador", "president",
        "chief", "head", "soldier", "father", "mother", "woman", "man", "person", "people", "worker", "journalist",
        "reporter", "correspondent", "insider", "strategist", "economist", "historian", "professor", "researcher",
        "general", "colonel", "politician", "mayor", "governor", "activist", "volunteer", "doctor", "nurse", "priest",
        "villager", "farmer", "veteran", "lawyer", "judge", "prosecutor", "secretary", "director", "manager",
        "counterpart", "colleague", "ally", "partner", "participant", "attendee", "statement", "ministry", "government",
    ]

    static func isPersonNoun(_ word: String) -> Bool {
        let lower = word.lowercased().strippingCharacters(.clausePunctuation)
        if personNouns.contains(lower) { return true }
        if lower.hasSuffix("s"), personNouns.contains(String(lower.dropLast())) { return true }
        if lower.hasSuffix("men") || lower.hasSuffix("women") { return true }
        return false
    }

    /// Words between a subject and its verb: "Zelenskyy has said", "Kovac later told".
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "also", "later", "then", "previously", "repeatedly", "again", "once", "publicly",
        "privately", "would", "will", "has", "is", "was", "earlier", "already", "often", "recently", "separately",
        "bluntly", "simply", "only", "has", "herself", "himself", "not",
    ]

    /// The subject of a speech verb, read backwards from it, past auxiliaries and an appositive:
    /// "Lena Ostrova, who leads the mediation team, said" → "Lena Ostrova";
    /// "The Calder mediator, Lena Ostrova, said" → "Lena Ostrova".
    static func subject(before words: [String]) -> String? {
        var words = words
        while let last = words.last, auxiliaries.contains(last.lowercased()) { words.removeLast() }
        guard let last = words.last else { return nil }
        guard last.hasSuffix(",") else { return phraseBackward(words) }
        // An appositive ends here; find where it starts.
        guard let open = words.dropLast().lastIndex(where: { $0.hasSuffix(",") }), words.count - open <= 12 else {
            return nil
        }
        let appositive = words[(open + 1)...].map { $0.strippingCharacters(.comma) }
        if appositive.allSatisfy({ $0.first?.isUppercase == true || isInitial($0) || nameParticles.contains($0) }),
           let name = phraseBackward(appositive) {
            return name
        }
        var head = Array(words[...open])
        head[head.count - 1] = head[head.count - 1].strippingCharacters(.comma)
        return phraseBackward(head)
    }

    /// "said", "said,", "said." and "said:" are all the verb.
    static func isSpeechVerb(_ word: String) -> Bool {
        speechVerbs.contains(word.strippingCharacters(.clausePunctuation))
    }

    /// The speaker phrase after a verb: capitalised words and titles, or an anonymous description.
    static func phraseForward(_ words: [String]) -> String? {
        var result: [String] = []
        for (index, rawWord) in words.enumerated() {
            // `last ==` is `hasSuffix` for one ASCII character, found once instead of four times.
            let last = rawWord.last
            let initial = isInitial(rawWord)
            let endsClause = last == "," || last == "." && !initial || last == ":" || last == ";"
            let word = initial ? rawWord : rawWord.strippingCharacters(.wordPunctuation)
            if word.isEmpty { break }
            if index > 0 && stopWords.contains(word) { break }
            // "Piet Sorel of Southland": "of" after a full name starts a place, not more of the name.
            if word == "of", result.filter({ $0.first?.isUppercase == true }).count >= 2 { break }
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
            reversed.append(isInitial(rawWord) ? rawWord : rawWord.strippingCharacters(.sentenceEndAndQuotes))
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
        // A description must name a person ("official", "diplomat") and reach a determiner within a few words.
        guard isPersonNoun(nearest) else { return nil }
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
        // Only a name whose last byte is an "s" can end in a possessive: most names skip both tests.
        if name.utf8.last == UInt8(ascii: "s"), name.hasSuffix("'s") || name.hasSuffix("’s") { name.removeLast(2) }
        // A speaker starts with a capital, a determiner or a pronoun.
        guard let first = words.first, first.first?.isUppercase == true || determiners.contains(first) else { return nil }
        return name
    }

    static func isInitial(_ word: String) -> Bool {
        let bare = word.strippingCharacters(.comma)
        return bare.count == 2 && bare.first!.isUppercase && bare.last == "."
    }

    /// A signature after a dash: "President Donald J. Trump 🇺🇸🇺🇦" → "President Donald J. Trump".
    static func signature(_ text: String) -> String? {
        var cleaned = String(text.filter { !$0.isEmoji })
        if let link = cleaned.range(of: "pic.twitter.com") { cleaned = String(cleaned[..<link.lowerBound]) }
        if let link = cleaned.range(of: "http") { cleaned = String(cleaned[..<link.lowerBound]) }
        cleaned = cleaned.trimmingWhitespace.strippingCharacters(.signatureEnd)
        let words = cleaned.split(separator: " ")
        guard !words.isEmpty, words.count <= 10, cleaned.first?.isUppercase == true || determiners.contains(String(words[0])) else { return nil }
        return cleaned
    }

    /// Words of one clause: up to the end of the sentence, or the first `limit` of them.
    static func clauseWords(_ text: String, limit: Int = Int.max) -> [String] {
        // ASCII text without carriage returns, the usual clause, splits over bytes: there every
        // space and line feed is a character of its own.
        var bytesText = text
        let plain: [String]? = bytesText.withUTF8 { bytes in
            guard ByteScan.next(in: bytes, from: 0, 0x0D, 0x0D, 0x0D, 0x0D, highBytes: true) == bytes.count else { return nil }
            var words: [String] = []
            var start = -1
            for index in 0...bytes.count {
                let separator = index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x0A
                if separator {
                    if start >= 0 {
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        start = -1
                        if words.count >= limit { break }
                    }
                } else if start < 0 {
                    start = index
                }
            }
            return words
        }
        if let plain { return plain }
        var words: [String] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\u{00A0}" || character == "\n" {
                if let wordStart = start {
                    words.append(String(text[wordStart..<index]))
                    start = nil
                    if words.count >= limit { return words }
                }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let wordStart = start { words.append(String(text[wordStart...])) }
        return words
    }
}
