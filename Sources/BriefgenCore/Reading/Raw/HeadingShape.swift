/// The shape of a line that a sub-editor would read as a section heading.
///
/// A heading is one short line without final punctuation (a question mark is allowed), in
/// Title Case ("Security Guarantees Remain a Sticking Point") or sentence case ("What the
/// plan says about Crimea?"). A line ending in "." or ":" is body text or a list intro.
enum HeadingShape {
    /// Words left in lower case inside a Title Case line.
    static let minorWords: Set<String> = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off",
        "on", "per", "to", "up", "via", "with", "from", "into", "onto", "over", "than", "vs", "amid", "after",
        "before", "about", "is", "are", "be", "its", "his", "her", "their", "not", "no", "out",
    ]

    static let maxCharacters = 120
    static let maxWords = 16
    static let maxSentenceCaseWords = 12

    static func words(_ line: String) -> [Substring] {
        asciiWords(line) ?? line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
    }

    /// The same split over the bytes, for ASCII lines: there every character is one byte (a
    /// carriage return and line feed, the one pair that is a single character, never meets a
    /// space). Splitting by characters cost about 11,000 instructions a heading. Nil otherwise:
    /// outside ASCII a space may carry a combining mark and then is not a separator.
    static func asciiWords(_ line: String) -> [Substring]? {
        var copy = line
        let isASCII = copy.withUTF8 { bytes in ByteScan.next(in: bytes, from: 0, 0x80, 0x80, 0x80, 0x80, highBytes: true) == bytes.count }
        guard isASCII else { return nil }
        var words: [Substring] = []
        let utf8 = line.utf8
        var wordStart: String.Index?
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x20 {
                if let start = wordStart { words.append(line[start..<index]) }
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            utf8.formIndex(after: &index)
        }
        if let start = wordStart { words.append(line[start...]) }
        return words
    }

    /// Shape alone, without looking at the neighbouring blocks.
    static func isHeadingLike(_ line: String) -> Bool {
        guard line.utf8.count <= maxCharacters * 4 else { return false }
        // A heading ends without a full stop: most paragraphs are dismissed by their last byte.
        if let last = line.utf8.last(where: { $0 != 0x20 }), last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3B { return false }
        let text = line.trimmingWhitespace
        guard text.count >= 2, text.count <= maxCharacters, let first = text.first, let last = text.last else { return false }
        guard first.isUppercase || first.isNumber else { return false }
        guard last.isLetter || last.isNumber || last == "?" || last == ")" || last.isEmoji else { return false }
        let words = words(text)
        guard words.count <= maxWords else { return false }
        // Two sentences are a paragraph, not a heading.
        if ByteSearch.contains(". ", in: text) || ByteSearch.contains("? ", in: text) || ByteSearch.contains("! ", in: text) {
            let sentences = Sentences.split(text)
            if sentences.count > 1 { return false }
        }
        return isTitleCase(words) || isSentenceCase(words)
    }

    /// Most significant words start with a capital (or are numbers: "20-Point").
    static func isTitleCase(_ words: [Substring]) -> Bool {
        var significant = 0
        var capitalised = 0
        for (index, word) in words.enumerated() {
            if let shape = asciiWordShape(word) {
                guard let shape else { continue }
                if index > 0, shape.isMinor { continue }
                significant += 1
                if shape.isCapitalised { capitalised += 1 }
                continue
            }
            let bare = word.strippingCharacters(.titleWordPunctuation)
            guard let first = bare.first, first.isLetter || first.isNumber else { continue }
            if index > 0, minorWords.contains(bare.lowercased()) { continue }
            significant += 1
            if first.isUppercase || first.isNumber { capitalised += 1 }
        }
        guard significant > 0 else { return false }
        return words.count == 1 ? capitalised == 1 : capitalised * 10 >= significant * 7 && significant >= 2
    }

    /// What `isTitleCase` asks of a word, read on its bytes when it is ASCII without a carriage
    /// return (where each byte is a character): nil when it is not such a word; `.some(nil)` when
    /// its bare form (title punctuation stripped) does not start with a letter or digit.
    /// The character code cost about 1,000 instructions a word (a copy, a lower-cased copy, a
    /// hashed lookup); `HeadingWordsTests` holds both to the same answers.
    static func asciiWordShape(_ word: Substring) -> (isMinor: Bool, isCapitalised: Bool)?? {
        var word = word
        return word.withUTF8 { bytes -> (isMinor: Bool, isCapitalised: Bool)?? in
            guard ByteScan.next(in: bytes, from: 0, 0x0D, 0x0D, 0x0D, 0x0D, highBytes: true) == bytes.count else { return nil }
            var lower = 0, upper = bytes.count
            while lower < upper, StripSet.titleWordPunctuation.contains(bytes[lower]) { lower += 1 }
            while upper > lower, StripSet.titleWordPunctuation.contains(bytes[upper - 1]) { upper -= 1 }
            guard lower < upper else { return .some(nil) }
            let first = bytes[lower]
            let isUpper = (0x41...0x5A).contains(first), isDigit = (0x30...0x39).contains(first)
            guard isUpper || isDigit || (0x61...0x7A).contains(first) else { return .some(nil) }
            var packed: UInt64 = 0
            if upper - lower <= 8 {
                for byte in bytes[lower..<upper] { packed = packed << 8 | UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
            }
            return .some((isMinor: packed != 0 && minorWordCodes.contains(packed), isCapitalised: isUpper || isDigit))
        }
    }

    /// `minorWords`, each packed as its bytes in a number (all are eight letters or fewer).
    static let minorWordCodes: Set<UInt64> = Set(minorWords.map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } })

    /// A short line starting with a capital: "Why the land question matters".
    static func isSentenceCase(_ words: [Substring]) -> Bool {
        guard (2...maxSentenceCaseWords).contains(words.count), let first = words.first?.first else { return false }
        return first.isUppercase || first.isNumber
    }
}

extension Character {
    /// Pictographs and flags, which some outlets put after a heading or an attribution.
    var isEmoji: Bool {
        unicodeScalars.contains { scalar in
            scalar.properties.isEmojiPresentation || (0x1F1E6...0x1F1FF).contains(scalar.value)
        }
    }
}
