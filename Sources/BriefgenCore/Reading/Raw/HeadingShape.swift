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
        line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
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
            let bare = word.strippingCharacters(.titleWordPunctuation)
            guard let first = bare.first, first.isLetter || first.isNumber else { continue }
            if index > 0, minorWords.contains(bare.lowercased()) { continue }
            significant += 1
            if first.isUppercase || first.isNumber { capitalised += 1 }
        }
        guard significant > 0 else { return false }
        return words.count == 1 ? capitalised == 1 : capitalised * 10 >= significant * 7 && significant >= 2
    }

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
