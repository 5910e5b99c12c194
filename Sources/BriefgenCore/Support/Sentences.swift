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
    public static func split(_ text: String, limit: Int = Int.max) -> [String] {
        var result: [String] = []
        var text = text
        var start = 0, index = 0, found = 0
        text.withUTF8 { bytes in
            _ = scan(bytes, start: &start, index: &index, found: &found, limit: limit, isWhole: true) { range in
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
        }
        return result
    }

    /// The first `limit` sentences of the non-empty `texts` joined with spaces: what
    /// `split(texts.filter { !$0.isEmpty }.joined(separator: " "), limit:)` returns, without
    /// joining the texts that come after them. A section's excerpt needs one to three sentences,
    /// nearly always all in its first paragraph, and joining every paragraph cost more than
    /// finding the sentences.
    ///
    /// The texts are joined one at a time, each only when the scan needs to look past the end of
    /// those joined so far, and the scan goes on where it stopped (see `scan` for why the
    /// sentences found so far are the same as in the whole text).
    static func split(joining texts: some Collection<String>, limit: Int) -> [String] {
        withSentences(joining: texts, limit: limit) { bytes, ranges in
            ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// `body` given the texts joined as far as `split(joining:limit:)` needs them and the byte
    /// ranges of its sentences in them, so that a caller can make one string of several
    /// sentences without making a string of each first.
    static func withSentences<Result>(joining texts: some Collection<String>, limit: Int,
                                      _ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Result) -> Result {
        var ranges: [Range<Int>] = []
        var start = 0, index = 0, found = 0
        guard var next = texts.firstIndex(where: { !$0.isEmpty }) else { return body(UnsafeBufferPointer(start: nil, count: 0), []) }
        var joined = texts[next]
        while true {
            next = texts[texts.index(after: next)...].firstIndex { !$0.isEmpty } ?? texts.endIndex
            let isWhole = next == texts.endIndex
            let done = joined.withUTF8 { bytes in
                scan(bytes, start: &start, index: &index, found: &found, limit: limit, isWhole: isWhole) { ranges.append($0) }
            }
            if done { return joined.withUTF8 { body($0, ranges) } }
            joined += " "
            joined += texts[next]
        }
    }

    /// Scans `bytes` from `index`, with the sentence being read starting at `start`, passing each
    /// sentence's trimmed range to `emit` until `found` is `limit`; true when the sentences are all found.
    ///
    /// When `bytes` is not the whole text (`isWhole` false) it is the text's first blocks, and the
    /// whole text goes on with a space and the next block. The scan then stops, returning false
    /// with `start` and `index` where it should go on, as soon as a decision could depend on what
    /// follows: at the end of the bytes with no sentence end since `start`, at terminal punctuation
    /// whose closing marks run to the end, or whose following white space does. Every other
    /// decision reads only bytes of the prefix, the same as in the whole text: the word before
    /// the full stop lies before it, and the first character after the white space lies whole in
    /// its block, because blocks are valid UTF-8 (so `index + 2 < count` after a lead byte 0xE2,
    /// and the like, are true in both). A lead byte 0xE2 is never a block's last or second-last byte.
    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, start: inout Int, index: inout Int, found: inout Int, limit: Int,
                             isWhole: Bool, _ emit: (Range<Int>) -> Void) -> Bool {
        /// Passes on the range without the white space at its ends, unless that is all it holds.
        func sentence(_ range: Range<Int>) {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x0A || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x09 { upper -= 1 }
            if upper > lower { found += 1; emit(lower..<upper) }
        }
        let count = bytes.count
        while index < count, found < limit {
            // Only full stops, question and exclamation marks and the lead byte of an ellipsis
            // can end a sentence: the bytes between them are skipped eight at a time.
            index = ByteScan.next(in: bytes, from: index, 0x2E, 0x3F, 0x21, 0xE2)
            guard index < count else { break }
            let punctuation = index
            let byte = bytes[index]
            var punctuationEnd = -1
            if byte == 0x2E || byte == 0x3F || byte == 0x21 {
                punctuationEnd = index + 1
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                punctuationEnd = index + 3 // …
            }
            guard punctuationEnd > 0 else { index += 1; continue }
            var end = punctuationEnd
            // Runs of terminal punctuation and closing quotes or brackets: `?!`, `."`, `.”`, `.)`.
            while end < count {
                let next = bytes[end]
                if next == 0x2E || next == 0x3F || next == 0x21 || next == 0x22 || next == 0x27 || next == 0x29 || next == 0x5D {
                    end += 1
                } else if next == 0xE2, end + 2 < count, bytes[end + 1] == 0x80, [0x9D, 0x99, 0xA6].contains(bytes[end + 2]) {
                    end += 3
                } else {
                    break
                }
            }
            if !isWhole {
                var next = end
                while next < count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x09 { next += 1 }
                if next == count { index = punctuation; return false }
            }
            if end < count, bytes[end] == 0x20 || bytes[end] == 0x0A || bytes[end] == 0x09,
               isSentenceEnd(bytes, punctuation: index, after: end) {
                sentence(start..<end)
                start = end
            }
            index = end
        }
        guard found < limit else { return true }
        guard isWhole else { return false }
        if start < count { sentence(start..<count) }
        return true
    }

    /// Whether the punctuation at `punctuation` ends a sentence, looking at the bytes around it.
    private static func isSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, punctuation: Int, after end: Int) -> Bool {
        var next = end
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return true }
        let first = bytes[next]
        let startsSentence: Bool
        switch first {
        case 0x41...0x5A, 0x30...0x39, 0x22, 0x27, 0x28: startsSentence = true
        case 0x61...0x7A: startsSentence = false
        case 0xE2: startsSentence = next + 2 < bytes.count && bytes[next + 1] == 0x80 && (bytes[next + 2] == 0x9C || bytes[next + 2] == 0x98)
        case 0xC2: startsSentence = next + 1 < bytes.count && bytes[next + 1] == 0xAB // «
        default:
            // Other scripts: decode the scalar and ask whether it is upper case.
            var decoder = UTF8()
            var iterator = bytes[next...].makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                startsSentence = scalar.properties.isUppercase || scalar.properties.numericType != nil
            } else {
                startsSentence = false
            }
        }
        guard startsSentence else { return false }
        guard bytes[punctuation] == 0x2E else { return true }
        // The word before the full stop: an initial or an abbreviation does not end a sentence.
        var wordStart = punctuation
        while wordStart > 0, bytes[wordStart - 1] != 0x20, bytes[wordStart - 1] != 0x28, bytes[wordStart - 1] != 0x0A { wordStart -= 1 }
        let length = punctuation - wordStart
        if length == 1, (0x41...0x5A).contains(bytes[wordStart]) { return false }
        guard length <= 5 else { return true }
        // The word lower-cased without quote marks and brackets, packed into a number: building
        // a string of it and hashing that cost more than the rest of the decision. A byte from
        // 0x80 became a Latin-1 character, and no string of those equals an ASCII abbreviation.
        var key = UInt64(0), keyLength = 0
        for byte in bytes[wordStart..<punctuation] {
            if byte == 0x22 || byte == 0x27 || byte == 0x28 { continue }
            guard byte < 0x80 else { return true }
            key |= UInt64((0x41...0x5A).contains(byte) ? byte + 32 : byte) << (8 * keyLength)
            keyLength += 1
        }
        return !packedAbbreviations.contains(key | UInt64(keyLength) << 56)
    }

    /// The abbreviations of up to seven bytes, each packed as `isSentenceEnd` packs a word:
    /// its bytes from the lowest, and its length in the top byte.
    private static let packedAbbreviations: Set<UInt64> = Set(abbreviations.compactMap { word in
        guard word.utf8.count <= 7 else { return nil }
        return word.utf8.enumerated().reduce(UInt64(word.utf8.count) << 56) { $0 | UInt64($1.element) << (8 * $1.offset) }
    })

    /// Character ranges of the sentences; together they cover the whole text.
    static func ranges(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // A quoted paragraph has a few sentences: one allocation instead of growing 1, 2, 4.
        result.reserveCapacity(8)
        var start = 0
        var index = 0
        while index < characters.count {
            index = nextTerminal(in: characters, from: index)
            guard index < characters.count else { break }
            var end = index + 1
            // Swallow runs of terminal punctuation and closing quotes/brackets: `?!`, `."`, `.)`.
            while end < characters.count, isClosing(characters[end]) { end += 1 }
            if end >= characters.count { break }
            if characters[end].isWhitespace, isSentenceEnd(characters, punctuation: index, after: end) {
                result.append(start..<end)
                start = end
            }
            index = end
        }
        if start < characters.count { result.append(start..<characters.count) }
        return result
    }

    /// The index of the first `.`, `?`, `!` or `…` from `index`, or the end. Every scalar of a
    /// quoted paragraph passes here: over the buffer, and letters and spaces, outside
    /// U+0021...U+003F, with two comparisons (the ASCII ones then looked up in a bit mask).
    static func nextTerminal(in characters: [Unicode.Scalar], from index: Int) -> Int {
        let terminals: UInt32 = 1 << (0x2E - 0x21) | 1 << (0x3F - 0x21) | 1 << (0x21 - 0x21)
        return characters.withUnsafeBufferPointer { buffer in
            var index = index
            while index < buffer.count {
                let value = buffer[index].value
                if value &- 0x21 < 0x1F {
                    if (terminals >> (value &- 0x21)) & 1 != 0 { break }
                } else if value == 0x2026 {
                    break
                }
                index += 1
            }
            return index
        }
    }

    private static func isSentenceEnd(_ characters: [Unicode.Scalar], punctuation: Int, after end: Int) -> Bool {
        // The next word must start like a sentence: upper case, a digit or an opening quote.
        var next = end
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return true }
        let first = characters[next]
        switch first.value {
        case 0x22, 0x27, 0x201C, 0x2018, 0x28, 0xAB: break // " ' “ ‘ ( «
        default: guard first.isUppercase || first.isNumber else { return false }
        }
        guard characters[punctuation] == "." else { return true }
        // Look at the word before the full stop.
        var wordStart = punctuation
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" { wordStart -= 1 }
        let length = punctuation - wordStart
        if length == 1, characters[wordStart].isUppercase { return false } // an initial: "Donald J. Trump"
        // Abbreviations are short ("approx" is the longest, with room for a quote mark before it).
        guard length <= 8 else { return true }
        if let isAbbreviation = asciiAbbreviation(characters, wordStart..<punctuation) { return !isAbbreviation }
        let word = String(scalars: characters[wordStart..<punctuation])
        let bare = word.lowercased().strippingCharacters(.openingMarks)
        return !abbreviations.contains(bare)
    }

    /// Whether an ASCII word is an abbreviation: `abbreviations.contains(asciiBareWord(…))`
    /// without building and hashing a string, which cost most of `isSentenceEnd`. The bare word
    /// is packed as `packedAbbreviations` holds them, which is one-to-one for up to seven bytes;
    /// a longer one is looked up as a string. Nil for a word with other scalars.
    static func asciiAbbreviation(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> Bool? {
        var lower = range.lowerBound, upper = range.upperBound
        for index in range where !characters[index].isASCII { return nil }
        func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == "\"" || scalar == "'" || scalar == "(" }
        while lower < upper, isMark(characters[lower]) { lower += 1 }
        while upper > lower, isMark(characters[upper - 1]) { upper -= 1 }
        guard upper - lower <= 7 else { return asciiBareWord(characters, range).map { abbreviations.contains($0) } }
        var key = UInt64(upper - lower) << 56
        for index in lower..<upper {
            let byte = UInt64(characters[index].value)
            key |= ((0x41...0x5A).contains(byte) ? byte + 32 : byte) << (8 * UInt64(index - lower))
        }
        return packedAbbreviations.contains(key)
    }

    /// An ASCII word lower-cased, without straight quote marks and brackets at either end: what
    /// `lowercased().strippingCharacters(.openingMarks)` makes of it, without building the word
    /// twice. In ASCII each scalar is a character (the word holds no white space, so no "\r\n"),
    /// and the curly marks of the set cannot occur. Nil for a word with other scalars.
    static func asciiBareWord(_ characters: [Unicode.Scalar], _ range: Range<Int>) -> String? {
        var lower = range.lowerBound, upper = range.upperBound
        for index in range where !characters[index].isASCII { return nil }
        func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == "\"" || scalar == "'" || scalar == "(" }
        while lower < upper, isMark(characters[lower]) { lower += 1 }
        while upper > lower, isMark(characters[upper - 1]) { upper -= 1 }
        return String(unsafeUninitializedCapacity: upper - lower) { buffer in
            for index in lower..<upper {
                let byte = UInt8(characters[index].value)
                buffer[index - lower] = (0x41...0x5A).contains(byte) ? byte + 32 : byte
            }
            return upper - lower
        }
    }

    /// Punctuation and closing marks that a sentence end swallows: `?!`, `."`, `.”`, `.)`.
    @inline(__always) private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3F, 0x21, 0x2E, 0x2026, 0x22, 0x27, 0x201D, 0x2019, 0x29, 0x5D: return true
        default: return false
        }
    }
}

/// The characters `strippingCharacters` removes, read once: the set's one-scalar ASCII
/// characters as a bit mask, and whether it holds anything else. Reading the set took about as
/// long as stripping a word, and callers strip with the same few sets thousands of times, so
/// each keeps its set in a `static let`.
struct StripSet: Sendable {
    /// The set as written, for the character-by-character way.
    let characters: String
    /// ASCII characters of the set, bit `byte` of (low, high) for bytes below and from 64.
    private let mask: (UInt64, UInt64)
    /// The set has characters that are not ASCII.
    let hasOthers: Bool
    /// The set is compared character by character only. An ASCII scalar joined to another in
    /// one character ("\r\n", "e" and a combining accent, U+0600 and ",") is not a character of
    /// its own, and three non-ASCII characters equal ASCII ones (see `strippingCharacters`).
    let charactersOnly: Bool

    init(_ characters: String) {
        self.characters = characters
        var mask: (UInt64, UInt64) = (0, 0)
        var hasOthers = false
        var charactersOnly = false
        for character in characters {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.isASCII {
                let byte = UInt8(scalar.value)
                if byte < 64 { mask.0 |= 1 << UInt64(byte) } else { mask.1 |= 1 << UInt64(byte - 64) }
                continue
            }
            hasOthers = true
            if scalars.contains(where: { $0.isASCII || $0.value == 0x37E || $0.value == 0x1FEF || $0.value == 0x212A }) {
                charactersOnly = true
            }
        }
        self.mask = mask
        self.hasOthers = hasOthers
        self.charactersOnly = charactersOnly
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? (mask.0 >> UInt64(byte)) & 1 != 0 : (mask.1 >> UInt64(byte - 64)) & 1 != 0
    }
}

extension StripSet {
    /// The sets the quotation and title readers strip words with, each read once.
    static let comma = StripSet(",")
    static let commaColon = StripSet(",:")
    static let commaSemicolonColon = StripSet(",;:")
    static let clausePunctuation = StripSet(",.;:")
    static let signatureEnd = StripSet(".,;")
    static let openingMarks = StripSet("\"'“‘(")
    static let sentenceEndAndQuotes = StripSet(".!?\"“”‘’()")
    static let wordPunctuation = StripSet(",.;:!?\"“”‘’()")
    static let wordPunctuationAndApostrophe = StripSet(",.;:!?\"'“”‘’()")
    static let titleWordPunctuation = StripSet("\"'“”‘’()[],:;?!")
}

extension StringProtocol {
    /// The text without the given characters at either end: `"(Hello)".strippingCharacters("()")`.
    func strippingCharacters(_ set: String) -> String {
        strippingCharacters(StripSet(set))
    }

    /// The text without the set's characters at either end; the set read once, beforehand.
    func strippingCharacters(_ set: StripSet) -> String {
        var text = String(self)
        // ASCII ends, nearly always, are stripped over bytes. An end that is not plain ASCII, or an
        // ASCII character that shares a character with its neighbour ("\r\n", a combining mark
        // after it), is left to the character-by-character loop.
        // Three non-ASCII characters are canonically equal to ASCII ones, and `Character`
        // comparison honours that: U+037E is ";", U+1FEF "`" and U+212A "K".
        func isASCIISingleton(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
            end >= 2 && bytes[end - 2] == 0xCD && bytes[end - 1] == 0xBE
                || end >= 3 && (bytes[end - 3] == 0xE1 && bytes[end - 2] == 0xBF && bytes[end - 1] == 0xAF
                    || bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x84 && bytes[end - 1] == 0xAA)
        }
        func isASCIISingleton(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Bool {
            let count = bytes.count
            return start + 2 <= count && bytes[start] == 0xCD && bytes[start + 1] == 0xBE
                || start + 3 <= count && (bytes[start] == 0xE1 && bytes[start + 1] == 0xBF && bytes[start + 2] == 0xAF
                    || bytes[start] == 0xE2 && bytes[start + 1] == 0x84 && bytes[start + 2] == 0xAA)
        }
        let setHasOthers = set.hasOthers
        let bounds: Range<Int>? = set.charactersOnly ? nil : text.withUTF8 { bytes in
            var lower = 0, upper = bytes.count
            while upper > lower {
                let byte = bytes[upper - 1]
                if byte >= 0x80 { if setHasOthers || isASCIISingleton(bytes, endingAt: upper) { return nil } else { break } }
                guard set.contains(byte) else { break }
                if upper - 2 >= lower, bytes[upper - 2] >= 0x80 || bytes[upper - 2] == 0x0D { return nil }
                upper -= 1
            }
            while lower < upper {
                let byte = bytes[lower]
                if byte >= 0x80 { if setHasOthers || isASCIISingleton(bytes, startingAt: lower) { return nil } else { break } }
                guard set.contains(byte) else { break }
                if lower + 1 < upper, bytes[lower + 1] >= 0x80 || byte == 0x0D { return nil }
                lower += 1
            }
            return lower..<upper
        }
        if let bounds {
            guard bounds.count != text.utf8.count else { return text }
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: bounds.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bounds.upperBound)])
        }
        let characters = set.characters
        var scalars = Substring(text)
        while let first = scalars.first, characters.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, characters.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
