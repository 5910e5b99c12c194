/// A word of a text, where it starts, and hashes to look it up by.
public struct WordToken: Sendable, Equatable {
    public var text: Substring
    /// Offset of the word's first byte in the text's UTF-8.
    public var offset: Int
    /// Hash of the word as written, and of the word lower-cased.
    var exactHash: UInt64
    var foldedHash: UInt64
}

public enum Tokenizer {
    /// Runs of letters and digits. Hyphens and apostrophes split words, so "20-point" is two words
    /// and "Trump's" is "Trump" followed by "s": phrases then match across punctuation variants.
    /// ASCII is classified and folded byte by byte; other scripts through Unicode properties.
    public static func words(in text: some StringProtocol) -> [WordToken] {
        var tokens: [WordToken] = []
        let utf8 = text.utf8
        var index = utf8.startIndex
        var offset = 0
        var wordStart: String.Index?
        var wordOffset = 0
        var exact = Hashing.seed
        var folded = Hashing.seed
        var needsUnicodeFolding = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            var width = 1
            var isWord: Bool
            if byte < 0x80 {
                isWord = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            } else {
                // Decode one scalar to classify it.
                let scalarStart = index
                let scalar = text.unicodeScalars[scalarStart]
                width = UTF8.width(scalar)
                let properties = scalar.properties
                isWord = properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark && wordStart != nil
            }
            if isWord {
                if wordStart == nil {
                    wordStart = index
                    wordOffset = offset
                    exact = Hashing.seed
                    folded = Hashing.seed
                    needsUnicodeFolding = false
                }
                if byte < 0x80 {
                    exact = Hashing.mix(exact, byte)
                    folded = Hashing.mix(folded, (0x41...0x5A).contains(byte) ? byte + 32 : byte)
                } else {
                    needsUnicodeFolding = true
                    var cursor = index
                    for _ in 0..<width {
                        exact = Hashing.mix(exact, utf8[cursor])
                        cursor = utf8.index(after: cursor)
                    }
                }
            } else if let start = wordStart {
                tokens.append(token(Substring(text[start..<index]), wordOffset, exact, folded, needsUnicodeFolding))
                wordStart = nil
            }
            offset += width
            index = utf8.index(index, offsetBy: width)
        }
        if let start = wordStart {
            tokens.append(token(Substring(text[start..<utf8.endIndex]), wordOffset, exact, folded, needsUnicodeFolding))
        }
        return tokens
    }

    /// A finished word; words with non-ASCII letters are folded with Unicode's rules.
    /// (A static function, not a closure over the loop's variables: see `PlainTextCollector`.)
    private static func token(_ word: Substring, _ offset: Int, _ exact: UInt64, _ folded: UInt64, _ unicode: Bool) -> WordToken {
        var folded = folded
        if unicode {
            folded = Hashing.seed
            for byte in word.lowercased().utf8 { folded = Hashing.mix(folded, byte) }
        }
        return WordToken(text: word, offset: offset, exactHash: exact, foldedHash: folded)
    }
}

/// FNV-1a over bytes: the word hashes phrase matching looks words up by.
enum Hashing {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}

/// Finds many phrases in a text in one pass over its words.
///
/// Used for actor names and aliases (case-sensitive: "Trump" the name, not "trump" the verb) and
/// for sticking-point keywords (case-insensitive, with `*` for "any ending": `guarantee*`).
/// Words are compared by 64-bit hashes, so matching allocates nothing per word.
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
        var words: [UInt64]
        /// For `word*` endings: the lower-cased prefix the last word must start with.
        var lastPrefix: [UInt8]?
        var phrase: String
        var value: Value
    }

    let caseSensitive: Bool
    private var byFirstWord: [UInt64: [Entry]] = [:]
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
        let tokens = Tokenizer.words(in: body)
        guard !tokens.isEmpty else { return }
        var hashes = tokens.map { caseSensitive ? $0.exactHash : $0.foldedHash }
        var prefix: [UInt8]?
        if isPrefix {
            prefix = Array(tokens.last!.text.lowercased().utf8)
            hashes.removeLast()
        }
        let entry = Entry(words: hashes, lastPrefix: prefix, phrase: trimmed, value: value)
        if let first = hashes.first {
            byFirstWord[first, default: []].append(entry)
            byFirstWord[first]!.sort { $0.words.count + ($0.lastPrefix == nil ? 0 : 1) > $1.words.count + ($1.lastPrefix == nil ? 0 : 1) }
        } else {
            prefixEntries.append(entry)
        }
    }

    /// Every match, left to right; at one position only the longest phrase counts.
    public func matches(in tokens: [WordToken]) -> [Match] {
        var result: [Match] = []
        guard !isEmpty else { return result }
        var index = 0
        while index < tokens.count {
            var best: (Entry, Int)?
            let key = caseSensitive ? tokens[index].exactHash : tokens[index].foldedHash
            if let candidates = byFirstWord[key] {
                for entry in candidates {
                    if let length = length(of: entry, tokens, at: index) {
                        best = (entry, length)
                        break
                    }
                }
            }
            if best == nil {
                for entry in prefixEntries where PhraseMatcher.hasPrefix(tokens[index].text, entry.lastPrefix!) {
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

    /// How many words the entry covers at `index`, or nil when it does not match there.
    private func length(of entry: Entry, _ tokens: [WordToken], at index: Int) -> Int? {
        let total = entry.words.count + (entry.lastPrefix == nil ? 0 : 1)
        guard index + total <= tokens.count else { return nil }
        for (offset, word) in entry.words.enumerated() {
            let token = tokens[index + offset]
            if (caseSensitive ? token.exactHash : token.foldedHash) != word { return nil }
        }
        if let prefix = entry.lastPrefix, !PhraseMatcher.hasPrefix(tokens[index + entry.words.count].text, prefix) { return nil }
        return total
    }

    /// Case-insensitive prefix test without allocating for ASCII words.
    static func hasPrefix(_ word: Substring, _ prefix: [UInt8]) -> Bool {
        var iterator = word.utf8.makeIterator()
        for expected in prefix {
            guard var byte = iterator.next() else { return false }
            if byte >= 0x80 { return word.lowercased().utf8.starts(with: prefix) }
            if (0x41...0x5A).contains(byte) { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }
}
