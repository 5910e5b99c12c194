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
        var bytesText = after
        if case .decided(let speaker) = bytesText.withUTF8({ ASCIIAttribution.speakerAfter($0) }) { return speaker }
        return speakerAfterByCharacters(after)
    }

    /// `speakerAfter` character by character: the rule itself, for text the byte way leaves undecided.
    static func speakerAfterByCharacters(_ after: String) -> String? {
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
        // A possessive written apart ("Borin Kest 's", and "’s", whose quote mark was stripped)
        // belongs to the name before it; no name ends in a word "s".
        if words.count > 1, let last = words.last, last == "s" || last == "'s" || last == "’s" { words.removeLast() }
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

/// `Attribution.speakerAfter` over bytes for its commonest case: ASCII text without carriage
/// returns that opens with a speech verb, `, said Borin Kest.`. There every byte is a character
/// of its own (only "\r\n" joins two ASCII scalars), `isUppercase` is `A`–`Z`, `isWhitespace` is
/// tab to carriage return and space, and an ASCII word equals a word of the sets only if their
/// bytes are equal; so each step reads the same over bytes as over characters. The character way
/// built a string per word and hashed it into four sets, about 13 k instructions a quote.
enum ASCIIAttribution {
    enum Answer {
        /// The byte way's answer, which the character way would give too.
        case decided(String?)
        /// Not ASCII, or not `verb phrase`: the character way decides.
        case undecided
    }

    /// A set of short ASCII words, compared as bytes packed into two integers.
    struct WordSet {
        /// Packed members, by length.
        private let byLength: [[Key]]

        struct Key: Equatable {
            var low: UInt64 = 0
            var high: UInt64 = 0
        }

        init(_ words: Set<String>) {
            var byLength = [[Key]](repeating: [], count: 17)
            for word in words {
                let bytes = Array(word.utf8)
                precondition(bytes.count <= 16 && bytes.allSatisfy { $0 < 0x80 && $0 != 0 }, "short ASCII words only")
                byLength[bytes.count].append(WordSet.key(bytes[...], lowercasing: false))
            }
            self.byLength = byLength
        }

        /// The bytes packed little-endian, zero after the end; `lowercasing` maps `A`–`Z` to `a`–`z`.
        @inline(__always) static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes, lowercasing: Bool) -> Key {
            var key = Key()
            for (offset, var byte) in bytes.enumerated() {
                if lowercasing, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
                if offset < 8 { key.low |= UInt64(byte) << UInt64(offset * 8) } else { key.high |= UInt64(byte) << UInt64((offset - 8) * 8) }
            }
            return key
        }

        func contains(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, lowercasing: Bool = false) -> Bool {
            guard bytes.count < byLength.count else { return false }
            let key = WordSet.key(bytes, lowercasing: lowercasing)
            return byLength[bytes.count].contains(key)
        }
    }

    static let speechVerbs = WordSet(Attribution.speechVerbs)
    static let stopWords = WordSet(Attribution.stopWords)
    static let determiners = WordSet(Attribution.determiners)
    static let nameParticles = WordSet(Attribution.nameParticles)

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    /// `,.;:!?"()`: `StripSet.wordPunctuation`'s ASCII characters.
    @inline(__always) static func isWordPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x28, 0x29: return true
        default: return false
        }
    }
    /// `,.;:`: `StripSet.clausePunctuation`.
    @inline(__always) static func isClausePunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A
    }

    /// The range without the bytes `strip` matches at either end.
    @inline(__always) static func stripping(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, _ strip: (UInt8) -> Bool) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while upper > lower, strip(bytes[upper - 1]) { upper -= 1 }
        while lower < upper, strip(bytes[lower]) { lower += 1 }
        return lower..<upper
    }

    static func speakerAfter(_ bytes: UnsafeBufferPointer<UInt8>) -> Answer {
        guard ByteScan.next(in: bytes, from: 0, 0x0D, 0x0D, 0x0D, 0x0D, highBytes: true) == bytes.count else { return .undecided }
        // `trimmingWhitespace`, then leading commas and semicolons each with the white space after them.
        var start = 0, end = bytes.count
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        while true {
            while start < end, isSpace(bytes[start]) { start += 1 }
            guard start < end else { return .decided(nil) }
            guard bytes[start] == 0x2C || bytes[start] == 0x3B else { break }
            start += 1
        }
        // A dash opens a signature, and `- ` one too: left to the character way.
        guard bytes[start] != 0x2D else { return .undecided }
        var cursor = start
        guard let verb = nextWord(bytes, &cursor, end) else { return .decided(nil) }
        let bareVerb = stripping(verb, bytes, isClausePunctuation)
        // `according to X` and `X said` ("according" is no speech verb) are left to the character way.
        guard speechVerbs.contains(bytes[bareVerb], lowercasing: true) else { return .undecided }
        return .decided(phraseForward(bytes, from: cursor, to: end))
    }

    /// The next word of `clauseWords` (split at spaces and line feeds) from `cursor`, which moves past it.
    @inline(__always) static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int, _ end: Int) -> Range<Int>? {
        while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x0A { cursor += 1 }
        guard cursor < end else { return nil }
        let wordStart = cursor
        while cursor < end, bytes[cursor] != 0x20, bytes[cursor] != 0x0A { cursor += 1 }
        return wordStart..<cursor
    }

    /// `isInitial`: "J." or "J.,".
    static func isInitial(_ word: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let bare = stripping(word, bytes, { $0 == 0x2C })
        return bare.count == 2 && isUpper(bytes[bare.lowerBound]) && bytes[bare.lowerBound + 1] == 0x2E
    }

    /// `Attribution.phraseForward` over the words from `cursor`, with `finish`.
    static func phraseForward(_ bytes: UnsafeBufferPointer<UInt8>, from cursor: Int, to end: Int) -> String? {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 10) { result -> String? in
            var count = 0, capitalised = 0, index = 0, cursor = cursor
            while count < 10, let rawWord = nextWord(bytes, &cursor, end) {
                defer { index += 1 }
                let last = bytes[rawWord.upperBound - 1]
                let initial = isInitial(rawWord, bytes)
                let endsClause = last == 0x2C || last == 0x2E && !initial || last == 0x3A || last == 0x3B
                let word = initial ? rawWord : stripping(rawWord, bytes, isWordPunctuation)
                if word.isEmpty { break }
                let isStopWord = stopWords.contains(bytes[word])
                if index > 0 && isStopWord { break }
                if word.count == 2, bytes[word.lowerBound] == 0x6F, bytes[word.lowerBound + 1] == 0x66, capitalised >= 2 { break }
                if index == 0 && isStopWord && !determiners.contains(bytes[word]) { return nil }
                result[count] = word
                count += 1
                if isUpper(bytes[word.lowerBound]) { capitalised += 1 }
                if endsClause { break }
            }
            return finish(bytes, UnsafeMutableBufferPointer(rebasing: result[..<count]))
        }
    }

    /// `s` or `'s`: as `Attribution.finish`, a possessive written apart.
    private static func isPossessiveWord(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        word.count == 1 && word.first == 0x73 || word.count == 2 && word.first == 0x27 && word.last == 0x73
    }

    /// `Attribution.finish` over word ranges.
    static func finish(_ bytes: UnsafeBufferPointer<UInt8>, _ words: UnsafeMutableBufferPointer<Range<Int>>) -> String? {
        var count = words.count
        if count > 1, isPossessiveWord(bytes[words[count - 1]]) { count -= 1 }
        while count > 0, determiners.contains(bytes[words[count - 1]]) || nameParticles.contains(bytes[words[count - 1]]) { count -= 1 }
        guard count > 0 else { return nil }
        let first = words[0]
        guard isUpper(bytes[first.lowerBound]) || determiners.contains(bytes[first]) else { return nil }
        var length = count - 1
        for word in words[..<count] { length += word.count }
        let last = words[count - 1]
        // A possessive "'s" ends the name only if it ends the last word: a space precedes that word.
        if last.count >= 2, bytes[last.upperBound - 1] == 0x73, bytes[last.upperBound - 2] == 0x27 { length -= 2 }
        return String(unsafeUninitializedCapacity: length) { name in
            var offset = 0
            for (position, word) in words[..<count].enumerated() {
                if position > 0 { name[offset] = 0x20; offset += 1 }
                for byte in bytes[word] where offset < length {
                    name[offset] = byte
                    offset += 1
                }
            }
            return length
        }
    }
}
