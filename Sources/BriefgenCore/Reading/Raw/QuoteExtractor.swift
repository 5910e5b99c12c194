/// Finds the quotations in a run of paragraphs and who said them.
///
/// Works on plain paragraph text, so the raw reader and the Markdown reader share it. The rules
/// follow news style: attribution before or after the quote, split quotes joined, a quotation that
/// runs over a paragraph (no closing mark, next paragraph opens again) kept as one, "he"/"she"
/// resolved to the last named person, anonymous speakers kept as written, and titles of films,
/// documents and reports in quote marks not taken for quotations.
public struct QuoteExtractor: Sendable {
    public struct Found: Sendable, Equatable {
        public var quote: Quote
        /// Index of the paragraph the quotation starts in.
        public var paragraph: Int
    }

    /// Names (and aliases) of actors who are people, so that "Trump" alone is known to be a person.
    public let knownPeople: [String]
    /// The tracker with the known people learned, built once and copied for each article.
    private let people: PeopleTracker

    public init(knownPeople: [String] = []) {
        self.knownPeople = knownPeople
        people = PeopleTracker(knownPeople: knownPeople)
    }

    /// Nouns that, right before quote marks, announce the title of a work: `the documentary "…"`.
    static let titleNouns: Set<String> = [
        "film", "movie", "documentary", "book", "report", "series", "programme", "program", "album", "song", "headline",
        "column", "paper", "article", "novel", "play", "show", "podcast", "doctrine", "memo", "treaty", "exhibition",
        "magazine", "newspaper", "study", "essay", "poem", "letter", "document", "plan", "operation", "slogan", "motto",
        "hashtag", "campaign", "initiative", "strategy", "white paper", "communiqué", "declaration", "accords",
    ]
    /// Words that name something rather than report speech: `titled "…"`, `so-called "…"`.
    static let namingWords: Set<String> = ["titled", "entitled", "called", "dubbed", "named", "codenamed", "so-called", "nicknamed", "branded"]

    /// An interview transcript's answers (`A: …` after `Q: …` turns) are the words of the person
    /// the introduction names first ("Lena Ostrova has chaired every session… She spoke to …").
    /// Empty when the paragraphs are not a transcript.
    public func interviewAnswers(in paragraphs: [String]) -> [Found] {
        func answer(_ text: String) -> String? {
            for marker in ["A:", "Answer:"] where text.hasPrefix(marker) { return text.dropFirst(marker.count).trimmingWhitespace }
            return nil
        }
        // Every article asks this, and almost none is a transcript: a byte test rules most out
        // before the Unicode-aware `hasPrefix`.
        guard paragraphs.contains(where: QuoteExtractor.mayOpenWithQuestion) else { return [] }
        guard let firstQuestion = paragraphs.firstIndex(where: { $0.hasPrefix("Q:") || $0.hasPrefix("Question:") }),
              paragraphs.filter({ answer($0) != nil }).count >= 2 else { return [] }
        var tracker = people
        var interviewee: String?
        search: for paragraph in paragraphs[..<firstQuestion] {
            for sentence in Sentences.split(paragraph) {
                tracker.observe(sentence)
                if let person = tracker.lastPerson {
                    interviewee = tracker.fullName(person)
                    break search
                }
            }
        }
        return paragraphs.enumerated().dropFirst(firstQuestion).compactMap { index, text in
            guard let words = answer(text), words.contains(where: \.isLetter) else { return nil }
            return Found(quote: Quote(text: clean(words), speaker: interviewee), paragraph: index)
        }
    }

    /// Whether `text`'s bytes start with `Q:` or `Question:`. True whenever `hasPrefix` is: a
    /// Character equal to an ASCII letter or colon is that byte alone (none of them has another
    /// canonically equivalent form). It can be true where `hasPrefix` is not (`Q:` and a combining
    /// mark), so it only rules paragraphs out.
    static func mayOpenWithQuestion(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.starts(with: "Q:".utf8) || bytes.starts(with: "Question:".utf8)
    }

    /// A pull quote repeats words the article quotes elsewhere: the same words without a speaker
    /// count once, and not at all when someone is named saying them. Two people named saying the
    /// same words are two quotes ("We are ready to talk," said one, and the other answered with
    /// the same words); the same person named twice (`Kovac`, then `Maria Kovac`) is one, kept
    /// where first named.
    public static func withoutRepeats(_ quotes: [Quote]) -> [Quote] {
        // Letters and digits, ASCII folded to lower case, over the bytes: every article pays for this.
        func key(_ quote: Quote) -> [UInt8] {
            var text = quote.text
            return text.withUTF8 { source in
                [UInt8](unsafeUninitializedCapacity: source.count) { bytes, count in
                    count = 0
                    for byte in source {
                        switch byte {
                        case 0x41...0x5A: bytes[count] = byte + 32
                        case 0x61...0x7A, 0x30...0x39, 0x80...: bytes[count] = byte
                        default: continue
                        }
                        count += 1
                    }
                }
            }
        }
        guard quotes.count > 1 else { return quotes }
        let keys = quotes.map(key)
        // Speakers' names as `sameSpeaker` compares them, made once for each quote that needs it.
        var speakerKeys = [String?](repeating: nil, count: quotes.count)
        func speakerKey(_ index: Int) -> String {
            if let known = speakerKeys[index] { return known }
            let made = QuoteExtractor.speakerKey(quotes[index].speaker ?? "")
            speakerKeys[index] = made
            return made
        }
        // For each words: the first quote kept, and (rarely) those of further speakers.
        var first: [ByteKey: Int] = [:]
        var further: [ByteKey: [Int]] = [:]
        first.reserveCapacity(quotes.count)
        var dropped = 0
        for (index, quote) in quotes.enumerated() {
            let text = ByteKey(bytes: keys[index])
            guard !text.bytes.isEmpty else { continue }
            guard let kept = first[text] else {
                first[text] = index
                continue
            }
            dropped += 1
            guard let speaker = quote.speaker else { continue }
            // Only a group's first can be without a speaker: one named later takes its place.
            guard let keptSpeaker = quotes[kept].speaker else {
                first[text] = index
                continue
            }
            if keptSpeaker == speaker { continue }
            let name = speakerKey(index)
            if sameSpeakerKeys(speakerKey(kept), name) || further[text]?.contains(where: { sameSpeakerKeys(speakerKey($0), name) }) == true { continue }
            further[text, default: []].append(index)
            dropped -= 1
        }
        guard dropped > 0 else { return quotes }
        var keptIndices = Set(first.values)
        for indices in further.values { keptIndices.formUnion(indices) }
        return quotes.indices.filter { keptIndices.contains($0) || keys[$0].isEmpty }.map { quotes[$0] }
    }

    /// Whether two names given for speakers are one person: the shorter one's words end the
    /// longer one (`Kovac`, `Maria Kovac` and `Foreign Minister Maria Kovac`), ignoring case.
    /// `President Zelenskyy` and `Volodymyr Zelenskyy` count as two, which keeps a quote twice
    /// rather than losing another person's.
    static func sameSpeaker(_ a: String, _ b: String) -> Bool {
        sameSpeakerKeys(speakerKey(a), speakerKey(b))
    }

    /// A name's words, lower-cased, one space between them. On the bytes for ASCII names, which
    /// are most: splitting by characters was most of the time spent dropping repeats.
    static func speakerKey(_ name: String) -> String {
        var name = name
        let ascii: String? = name.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !key.isEmpty
                    continue
                }
                if pendingSpace { key.append(0x20); pendingSpace = false }
                key.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: key, as: UTF8.self)
        }
        return ascii ?? name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `sameSpeaker` on keys: equal, or the shorter ends the longer after a space.
    static func sameSpeakerKeys(_ a: String, _ b: String) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (shorter, longer) = a.utf8.count <= b.utf8.count ? (a, b) : (b, a)
        return shorter == longer || longer.utf8.count > shorter.utf8.count && longer.utf8.reversed().starts(with: (" " + shorter).utf8.reversed())
    }

    /// Bytes hashed in one call: `[UInt8]`'s own hashing feeds the hasher a byte at a time.
    private struct ByteKey: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public func extract(from paragraphs: [String]) -> [Found] {
        var people = LazyPeopleTracker(starting: self.people)
        var found: [Found] = []
        var pending: (text: String, speaker: String?, paragraph: Int)?
        var previousSpeaker: (name: String, paragraph: Int)?

        for (paragraphIndex, paragraph) in paragraphs.enumerated() {
            // Most paragraphs quote nobody: they only matter for who "he" and "she" are, later.
            if pending == nil, !QuoteMarks.mayContainQuotes(paragraph) {
                people.observe(paragraph: paragraph)
                continue
            }
            let characters = QuoteExtractor.scalars(of: paragraph)
            var spans = QuoteMarks.spans(in: characters)
            let maskedCharacters = masked(characters, spans)
            let sentences = Sentences.ranges(in: maskedCharacters)
            var observedUpTo = 0 // sentences before this index have been read by `people`
            func observeSentences(before offset: Int) {
                while observedUpTo < sentences.count, sentences[observedUpTo].upperBound <= offset {
                    people.observe(scalars: maskedCharacters[sentences[observedUpTo]])
                    observedUpTo += 1
                }
            }

            // A quotation carried over from the previous paragraph continues only if this one opens with a quote mark.
            if let carried = pending {
                pending = nil
                if let first = spans.first, first.start == leadingSpaceCount(characters) {
                    let text = carried.text + " " + first.inner
                    spans.removeFirst()
                    if first.closed {
                        let after = String(scalars: characters[first.end..<sentenceEnd(after: first.end, sentences, limit: spans.first?.start)])
                        var speaker = carried.speaker ?? Attribution.speakerAfter(after)
                        speaker = resolve(speaker, people: &people, sentenceStart: { "" })
                        if text.contains(where: \.isLetter) {
                            found.append(Found(quote: Quote(text: clean(text), speaker: speaker), paragraph: carried.paragraph))
                            remember(speaker, &people, &previousSpeaker, paragraphIndex)
                        }
                    } else {
                        pending = (text, carried.speaker, carried.paragraph)
                        continue
                    }
                } else if carried.text.contains(where: \.isLetter) {
                    found.append(Found(quote: Quote(text: clean(carried.text), speaker: carried.speaker), paragraph: carried.paragraph))
                }
            }

            var index = 0
            var previousEnd = 0
            while index < spans.count {
                var span = spans[index]
                var text = span.inner
                observeSentences(before: span.start)
                let sentenceStart = QuoteExtractor.sentence(containing: span.start, sentences).map { sentences[$0].lowerBound } ?? 0
                let beforeStart = max(previousEnd, sentenceStart)
                let before = String(scalars: characters[beforeStart..<span.start])
                // The sentence up to the quote, made only when a rule reads it: with many quotes in
                // one long sentence, making it for each quote cost time quadratic in the sentence.
                var madeSentenceText: String?
                func sentenceText() -> String {
                    if let made = madeSentenceText { return made }
                    let start = QuoteExtractor.lookbackStart(sentenceStart, quote: span.start, characters)
                    let made = String(scalars: characters[start..<span.start])
                    madeSentenceText = made
                    return made
                }
                var mergedSpeaker: String?

                // Split quote: `"…," he said, "…"` is one quotation.
                if index + 1 < spans.count, span.closed {
                    let next = spans[index + 1]
                    let between = String(scalars: characters[span.end..<next.start])
                    let trimmed = between.trimmingWhitespace
                    if let speaker = Attribution.speakerAfter(between), trimmed.hasSuffix(",") || trimmed.hasSuffix(":"),
                       QuoteExtractor.wordCount(trimmed) <= 10 {
                        mergedSpeaker = speaker
                        text = text + " " + next.inner
                        span = QuotedSpan(inner: text, start: span.start, end: next.end, isDouble: span.isDouble, closed: next.closed)
                        index += 1
                    }
                }

                let afterEnd = span.closed ? sentenceEnd(after: span.end, sentences, limit: index + 1 < spans.count ? spans[index + 1].start : nil) : characters.count
                let after = span.closed ? String(scalars: characters[span.end..<afterEnd]) : ""
                previousEnd = span.end

                if isTitle(span: span, before: before) {
                    index += 1
                    continue
                }

                var speaker = mergedSpeaker ?? Attribution.speakerAfter(after)
                let wordCount = QuoteExtractor.wordCount(text)
                // `described as "moving"`: one word reported inside a sentence is a label, not a quotation.
                if speaker == nil, wordCount == 1 {
                    index += 1
                    continue
                }
                if speaker == nil {
                    switch Attribution.speakerBefore(before) {
                    case .speaker(let name): speaker = name
                    case .subject:
                        speaker = subject(of: sentenceText(), people: &people)
                    case nil: break
                    }
                }
                // `Ostrova put it simply: "…"`: a colon hands the quote to the person the clause names.
                if speaker == nil, before.trimmingWhitespace.hasSuffix(":") {
                    speaker = people.firstPerson(in: sentenceText())
                }
                // A quotation that opens a sentence right after someone's quotation continues it, and a
                // second fragment in the sentence of an attributed one has the same speaker.
                let sameSentence = previousEnd > sentenceStart && index > 0
                if speaker == nil, before.trimmingWhitespace.isEmpty || sameSentence, let previous = previousSpeaker,
                   previous.paragraph >= paragraphIndex - 1, !found.isEmpty {
                    speaker = previous.name
                }
                speaker = resolve(speaker, people: &people, sentenceStart: sentenceText)

                let isQuotation = speaker != nil || wordCount >= 4
                if !span.closed {
                    pending = (text, speaker, paragraphIndex)
                    break
                }
                if isQuotation, text.contains(where: \.isLetter) {
                    found.append(Found(quote: Quote(text: clean(text), speaker: speaker), paragraph: paragraphIndex))
                    remember(speaker, &people, &previousSpeaker, paragraphIndex)
                }
                index += 1
            }
            observeSentences(before: Int.max)
        }
        // A quote mark left open at the end (`close."` with no opening, a stray `“`) quotes
        // nothing: like a closed quotation, a carried one needs a letter to be kept.
        if let carried = pending, carried.text.contains(where: \.isLetter) {
            found.append(Found(quote: Quote(text: clean(carried.text), speaker: carried.speaker), paragraph: carried.paragraph))
        }
        return found
    }

    private func remember(_ speaker: String?, _ people: inout LazyPeopleTracker, _ previous: inout (name: String, paragraph: Int)?, _ paragraph: Int) {
        guard let speaker else { previous = nil; return }
        previous = (speaker, paragraph)
        if speaker.first?.isUppercase == true, !speaker.hasPrefix("The ") {
            people.setLastPerson(speaker)
        }
    }

    /// "he"/"she" become the person last named; other pronouns are not guessed. `sentenceStart`
    /// is asked for only for a pronoun.
    private func resolve(_ speaker: String?, people: inout LazyPeopleTracker, sentenceStart: () -> String) -> String? {
        guard let speaker else { return nil }
        if Attribution.pronouns.contains(speaker) {
            guard let person = people.firstPerson(in: sentenceStart()) ?? people.lastPerson() else { return nil }
            return people.fullName(person)
        }
        if Attribution.groupPronouns.contains(speaker) { return nil }
        return speaker
    }

    /// The subject of a sentence that hands a quote over with "saying", "admitting that": the first
    /// person it names, or the person a leading "he"/"she" stands for.
    private func subject(of sentence: String, people: inout LazyPeopleTracker) -> String? {
        if let person = people.firstPerson(in: sentence) { return person }
        let words = sentence.split(separator: " ").prefix(4).map { $0.strippingCharacters(.comma) }
        if words.contains(where: { Attribution.pronouns.contains($0) }), let person = people.lastPerson() { return people.fullName(person) }
        return nil
    }

    /// Titles of works and scare quotes: `the documentary "The Long Road"`, `a plan called "Bridge"`,
    /// a Title Case phrase in quote marks.
    private func isTitle(span: QuotedSpan, before: String) -> Bool {
        let preceding = QuoteExtractor.lastWords(before, count: 2).map { $0.lowercased().strippingCharacters(.commaColon) }
        if let last = preceding.last {
            if QuoteExtractor.titleNouns.contains(last) || QuoteExtractor.namingWords.contains(last) { return true }
            if last == "as", preceding.first == "known" { return true }
        }
        // Titles are 2 to 10 words: longer quotations are dismissed before splitting them.
        guard span.inner.utf8.count < 200, QuoteExtractor.spaceCount(span.inner) <= 16 else { return false }
        if QuoteExtractor.hasLowerCaseWord(span.inner) { return false }
        let words = HeadingShape.words(span.inner)
        guard words.count >= 2, words.count <= 10 else { return false }
        let inner = span.inner.trimmingWhitespace
        if let last = inner.last, ".,!?;:…".contains(last) { return false }
        // Every significant word capitalised: the way titles are written, not speech.
        return words.enumerated().allSatisfy { index, word in
            let bare = word.strippingCharacters(.titleWordPunctuation)
            guard let first = bare.first else { return true }
            if index > 0, HeadingShape.minorWords.contains(bare.lowercased()) { return true }
            return first.isUppercase || first.isNumber
        }
    }

    /// Whether a word of `text` certainly keeps it from being a title (see `isTitle`): the first
    /// word, or a word longer than any minor word, starting in lower case. Read over bytes, and
    /// only for ASCII text with curly quotes; for anything else the answer is "not certain".
    static func hasLowerCaseWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            var wordIndex = 0
            let count = bytes.count
            // Quote marks, brackets and punctuation that `isTitle` strips from both ends of a word.
            func strippable(_ position: Int) -> Int {
                switch bytes[position] {
                case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x3A, 0x3B, 0x3F, 0x21: return 1
                case 0xE2 where position + 2 < count && bytes[position + 1] == 0x80 && [0x98, 0x99, 0x9C, 0x9D].contains(bytes[position + 2]): return 3
                default: return 0
                }
            }
            var found = false
            while index < count, !found {
                while index < count, bytes[index] == 0x20 { index += 1 }
                guard index < count else { break }
                var end = index
                while end < count, bytes[end] != 0x20 {
                    let width = strippable(end)
                    if bytes[end] >= 0x80, width == 0 { return false } // other scripts: not certain
                    end += max(width, 1)
                }
                var first = index
                while first < end {
                    let width = strippable(first)
                    guard width > 0 else { break }
                    first += width
                }
                if first < end, (0x61...0x7A).contains(bytes[first]) {
                    var last = end
                    // Strip from the end too, to measure the bare word.
                    while last > first {
                        if last - first >= 3, strippable(last - 3) == 3 { last -= 3 } else if strippable(last - 1) == 1 { last -= 1 } else { break }
                    }
                    let length = last - first
                    if wordIndex == 0 || length > 6 {
                        found = true
                    } else {
                        let bare = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
                        found = !HeadingShape.minorWords.contains(bare.lowercased())
                    }
                }
                wordIndex += 1
                index = end
            }
            return found
        }
    }

    /// The paragraph's scalars, in one pass over its bytes: an ASCII byte is its own scalar (a
    /// `Unicode.Scalar` is its value as a `UInt32`), and only other bytes go through the UTF-8
    /// decoder.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, written in
                var index = 0
                var count = 0
                while index < bytes.count {
                    // Sixteen ASCII bytes at a time become sixteen scalars in one widening store.
                    if index + 16 <= bytes.count {
                        let raw = UnsafeRawPointer(bytes.baseAddress! + index)
                        let high = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                        if high & 0x8080_8080_8080_8080 == 0 {
                            let wide = SIMD16<UInt32>(truncatingIfNeeded: raw.loadUnaligned(as: SIMD16<UInt8>.self))
                            UnsafeMutableRawPointer(buffer.baseAddress! + count).storeBytes(of: wide, as: SIMD16<UInt32>.self)
                            index += 16
                            count += 16
                            continue
                        }
                    }
                    let byte = bytes[index]
                    if byte < 0x80 {
                        (buffer.baseAddress! + count).initialize(to: Unicode.Scalar(byte))
                        index += 1
                    } else {
                        var decoder = UTF8()
                        var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
                        // The text is a Swift string: its UTF-8 is valid.
                        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
                        (buffer.baseAddress! + count).initialize(to: scalar)
                        index += UTF8.width(scalar)
                    }
                    count += 1
                }
                written = count
            }
        }
    }

    /// How many ASCII spaces `text` has, counted in a plain loop over its bytes (a lazy filter's
    /// count cost more than the rest of the title test).
    static func spaceCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte == 0x20 { count += 1 }
            return count
        }
    }

    /// `text.split(separator: " ").count`, over bytes when the text is ASCII.
    static func wordCount(_ text: String) -> Int {
        var text = text
        let ascii: Int? = text.withUTF8 { bytes in
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            return words
        }
        return ascii ?? text.split(separator: " ").count
    }

    /// The last `count` space-separated words of `text` (fewer if it has fewer), found from the
    /// end: `before` can be a long sentence, and only its last words matter.
    static func lastWords(_ text: String, count: Int) -> [Substring] {
        var words: [Substring] = []
        var end = text.endIndex
        var index = text.endIndex
        while index > text.startIndex, words.count < count {
            let previous = text.utf8.index(before: index)
            if text.utf8[previous] == 0x20 {
                if end > index { words.append(text[index..<end]) }
                end = previous
            }
            index = previous
        }
        if words.count < count, end > text.startIndex { words.append(text[text.startIndex..<end]) }
        return words.reversed()
    }

    private func clean(_ text: String) -> String {
        QuoteExtractor.droppingTrailingCommas(text.collapsingWhitespace).trimmingWhitespace
    }

    /// The text without the commas that end it, `"…next week,"` → `"…next week"`. Most quotes
    /// end in one, and `removeLast` walked the graphemes twice and copied the string. A "," byte
    /// after an ASCII byte is a character of its own, since only a Prepend scalar joins a "," to
    /// what comes before it, so those are cut over bytes; the characters decide the rest.
    static func droppingTrailingCommas(_ text: String) -> String {
        var result = text
        let end = result.withUTF8 { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x2C, end == 1 || bytes[end - 2] < 0x80 { end -= 1 }
            return end
        }
        if end < result.utf8.count { result = String(result[..<result.utf8.index(result.startIndex, offsetBy: end)]) }
        while let last = result.last, last == "," { result.removeLast() }
        return result
    }

    /// Replaces quoted words with placeholders, so sentence splitting and name spotting ignore them.
    private func masked(_ characters: [Unicode.Scalar], _ spans: [QuotedSpan]) -> [Unicode.Scalar] {
        guard !spans.isEmpty else { return characters }
        var result = characters
        // Over the buffer: every quoted scalar is written, and the array's checks for each cost
        // as much as the write.
        result.withUnsafeMutableBufferPointer { buffer in
            for span in spans {
                let upper = min(max(span.start + 1, span.end - 1), buffer.count)
                guard span.start + 1 < upper else { continue }
                for offset in (span.start + 1)..<upper {
                    buffer[offset] = buffer[offset].isWhitespace ? " " : "x"
                }
            }
        }
        return result
    }

    /// Where the sentence that `offset` sits in ends, but no later than `limit`.
    private func sentenceEnd(after offset: Int, _ sentences: [Range<Int>], limit: Int?) -> Int {
        let containing = QuoteExtractor.sentence(containing: offset, sentences) ?? QuoteExtractor.sentence(containing: offset - 1, sentences)
        var end = containing.map { sentences[$0].upperBound } ?? sentences.last?.upperBound ?? offset
        if let limit { end = min(end, limit) }
        return max(end, offset)
    }

    /// How many characters before a quote, at most, its sentence is read for who said it ("he",
    /// "the minister", a name before a colon). A news sentence is a few hundred characters; a
    /// paste without full stops made one sentence of a whole paragraph, and reading it again for
    /// each of its thousands of quotes took time quadratic in its length (170 KB: 24 s).
    static let sentenceLookback = 2_000

    /// Where the part of the sentence a quote at `quote` reads starts: the sentence's start, or,
    /// in a sentence longer than `sentenceLookback`, the first word that far back.
    static func lookbackStart(_ sentenceStart: Int, quote: Int, _ characters: [Unicode.Scalar]) -> Int {
        guard quote - sentenceStart > sentenceLookback else { return sentenceStart }
        var start = quote - sentenceLookback
        while start < quote, !characters[start - 1].properties.isWhitespace { start += 1 }
        return start
    }

    /// The index of the sentence that holds `offset`, by binary search: `Sentences.ranges` are
    /// in order and follow each other, and a paragraph of thousands of quotes made the linear
    /// search for each quote cost time quadratic in the paragraph. The same answer as
    /// `sentences.firstIndex { $0.contains(offset) }` (nil outside them).
    static func sentence(containing offset: Int, _ sentences: [Range<Int>]) -> Int? {
        var low = 0
        var high = sentences.count
        // The first sentence that ends after `offset`.
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low < sentences.count, sentences[low].contains(offset) else { return nil }
        return low
    }

    private func leadingSpaceCount(_ characters: [Unicode.Scalar]) -> Int {
        characters.prefix(while: \.isWhitespace).count
    }
}
