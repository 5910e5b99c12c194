/// A word of a text and where it starts.
public struct WordToken: Sendable, Equatable {
    public var text: Substring
    /// Offset of the word's first byte in the text's UTF-8.
    public var offset: Int
}

public enum Tokenizer {
    /// Runs of letters and digits. Hyphens and apostrophes split words, so "20-point" is two words
    /// and "Trump's" is "Trump" followed by "s": phrases then match across punctuation variants.
    /// Offsets are in UTF-8 bytes; ASCII is classified without Unicode tables, which is most text.
    public static func words(in text: some StringProtocol) -> [WordToken] {
        var tokens: [WordToken] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var startOffset = 0
        var offset = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let isWordScalar: Bool
            if scalar.isASCII {
                let value = scalar.value
                isWordScalar = (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
            } else {
                let properties = scalar.properties
                isWordScalar = properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark && start != nil
            }
            if isWordScalar {
                if start == nil { start = index; startOffset = offset }
            } else if let begun = start {
                tokens.append(WordToken(text: Substring(text[begun..<index]), offset: startOffset))
                start = nil
            }
            offset += UTF8.width(scalar)
            index = scalars.index(after: index)
        }
        if let begun = start { tokens.append(WordToken(text: Substring(text[begun..<text.endIndex]), offset: startOffset)) }
        return tokens
    }
}

/// Finds many phrases in a text in one pass over its words.
///
/// Used for actor names and aliases (case-sensitive: "Trump" the name, not "trump" the verb) and
/// for sticking-point keywords (case-insensitive, with `*` for "any ending": `guarantee*`).
public struct PhraseMatcher<Value: Sendable>: Sendable {
    public struct Match: Sendable {
        public var value: Value
        public var phrase: String
        /// Offset of the match in the text's UTF-8.
        public var offset: Int
        /// Index of the first word of the match.
        public var wordIndex: Int
        public var wordCount: Int
    }

    struct Entry: Sendable {
        var words: [String]
        var lastIsPrefix: Bool
        var phrase: String
        var value: Value
    }

    let caseSensitive: Bool
    private var byFirstWord: [String: [Entry]] = [:]
    /// Entries whose first word ends in `*`, which cannot be looked up by the whole word.
    private var prefixEntries: [Entry] = []

    public init(caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
    }

    public var isEmpty: Bool { byFirstWord.isEmpty && prefixEntries.isEmpty }

    public mutating func add(_ phrase: String, value: Value) {
        let trimmed = phrase.trimmingWhitespace
        let isPrefix = trimmed.hasSuffix("*")
        let body = isPrefix ? String(trimmed.dropLast()) : trimmed
        var words = Tokenizer.words(in: body).map { caseSensitive ? String($0.text) : $0.text.lowercased() }
        guard !words.isEmpty else { return }
        if !caseSensitive { words = words.map { $0.lowercased() } }
        let entry = Entry(words: words, lastIsPrefix: isPrefix, phrase: trimmed, value: value)
        if isPrefix && words.count == 1 {
            prefixEntries.append(entry)
        } else {
            byFirstWord[words[0], default: []].append(entry)
            byFirstWord[words[0]]!.sort { $0.words.count > $1.words.count }
        }
    }

    /// Every match, left to right; at one position only the longest phrase counts.
    public func matches(in tokens: [WordToken]) -> [Match] {
        var result: [Match] = []
        guard !isEmpty else { return result }
        let words = caseSensitive ? tokens.map { String($0.text) } : tokens.map { $0.text.lowercased() }
        var index = 0
        while index < words.count {
            var best: (Entry, Int)?
            if let candidates = byFirstWord[words[index]] {
                for entry in candidates where matches(entry, words, at: index) {
                    best = (entry, entry.words.count)
                    break
                }
            }
            if best == nil {
                for entry in prefixEntries where words[index].hasPrefix(entry.words[0]) {
                    best = (entry, 1)
                    break
                }
            }
            if let (entry, length) = best {
                result.append(Match(value: entry.value, phrase: entry.phrase, offset: tokens[index].offset,
                                    wordIndex: index, wordCount: length))
                index += length
            } else {
                index += 1
            }
        }
        return result
    }

    public func matches(in text: some StringProtocol) -> [Match] {
        matches(in: Tokenizer.words(in: text))
    }

    private func matches(_ entry: Entry, _ words: [String], at index: Int) -> Bool {
        guard index + entry.words.count <= words.count else { return false }
        for (offset, word) in entry.words.enumerated() {
            let candidate = words[index + offset]
            if offset == entry.words.count - 1 && entry.lastIsPrefix {
                if !candidate.hasPrefix(word) { return false }
            } else if candidate != word {
                return false
            }
        }
        return true
    }
}
