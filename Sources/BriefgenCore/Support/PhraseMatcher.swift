/// A word of a text: where it starts, and what phrase matching compares it by.
///
/// A plain value without references: tokenizing an article allocates one array and nothing per word.
public struct WordToken: Sendable, Equatable {
    /// Offset of the word's first byte in the text's UTF-8.
    public var offset: Int
    /// Length in UTF-8 bytes.
    public var length: Int
    /// Hash of the word as written, and of the word lower-cased.
    var exactHash: UInt64
    var foldedHash: UInt64
    /// The first 16 lower-cased bytes, for `word*` prefix tests.
    var head: (UInt64, UInt64)

    public static func == (lhs: WordToken, rhs: WordToken) -> Bool {
        lhs.offset == rhs.offset && lhs.length == rhs.length && lhs.exactHash == rhs.exactHash
    }
}

public enum Tokenizer {
    /// Runs of letters and digits. Hyphens and apostrophes split words, so "20-point" is two words
    /// and "Trump's" is "Trump" followed by "s": phrases then match across punctuation variants.
    /// ASCII is classified and folded byte by byte; other scripts through Unicode properties.
    public static func words(in text: String) -> [WordToken] {
        var text = text
        return text.withUTF8 { words(inUTF8: $0) }
    }

    public static func words(in text: Substring) -> [WordToken] {
        words(in: String(text))
    }

    /// The words as strings (for the few callers that need their text).
    public static func strings(in text: String) -> [Substring] {
        let utf8 = Array(text.utf8)
        return words(in: text).map { token in
            Substring(String(decoding: utf8[token.offset..<(token.offset + token.length)], as: UTF8.self))
        }
    }

    static func words(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [WordToken] {
        var tokens: [WordToken] = []
        // A short text (a heading, a title, a speaker) gets room for every word it could hold,
        // still under a kilobyte, and is scanned straight into it; a longer one gets room for
        // a word per five bytes, which is about what prose holds, rather than twice as much.
        tokens.reserveCapacity(bytes.count <= 40 ? (bytes.count + 1) / 2 : bytes.count / 5)
        append(wordsInUTF8: bytes, to: &tokens)
        return tokens
    }

    /// Appends the words of `text` to `tokens` (offsets within `text`): an article's blocks are
    /// tokenized into one array, and sections are slices of it.
    public static func append(wordsIn text: String, to tokens: inout [WordToken]) {
        var text = text
        text.withUTF8 { append(wordsInUTF8: $0, to: &tokens) }
    }

    static func append(wordsInUTF8 bytes: UnsafeBufferPointer<UInt8>, to tokens: inout [WordToken]) {
        // A text of n bytes has at most (n + 1) / 2 words. When the array has room for that many
        // more, they are scanned straight into it; else into a scratch buffer, appended in one
        // copy (appending word by word cost a call and a uniqueness check per word).
        let capacity = (bytes.count + 1) / 2
        guard capacity > 0 else { return }
        if tokens.capacity - tokens.count >= capacity {
            return tokens.append(contentsOf: ScannedWords(bytes: bytes))
        }
        withUnsafeTemporaryAllocation(of: WordToken.self, capacity: capacity) { scratch in
            let found = scan(bytes, into: scratch)
            tokens.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<found]))
            _ = scratch.baseAddress.map { $0.deinitialize(count: found) }
        }
    }

    /// The words of a text as a sequence that scans them straight into the spare room of the
    /// array appending it: `Array.append(contentsOf:)` hands that room to the sequence's
    /// `_copyContents(initializing:)`. It saves the scratch buffer (on the heap for most blocks)
    /// and the copy of every word out of it.
    struct ScannedWords: Sequence {
        let bytes: UnsafeBufferPointer<UInt8>

        func makeIterator() -> IndexingIterator<[WordToken]> { Tokenizer.words(inUTF8: bytes).makeIterator() }

        func _copyContents(initializing buffer: UnsafeMutableBufferPointer<WordToken>) -> (IndexingIterator<[WordToken]>, Int) {
            guard buffer.count >= (bytes.count + 1) / 2 else {
                // Less room than words there may be: copy what fits, and the array appends the
                // rest from the iterator.
                let words = Tokenizer.words(inUTF8: bytes)
                let copied = Swift.min(words.count, buffer.count)
                _ = UnsafeMutableBufferPointer(rebasing: buffer[..<copied]).initialize(from: words[..<copied])
                return (Array(words[copied...]).makeIterator(), copied)
            }
            return ([WordToken]().makeIterator(), scan(bytes, into: buffer))
        }
    }

    /// Finds the words of `bytes` and initialises `scratch` with them; returns how many.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<WordToken>) -> Int {
        guard let base = bytes.baseAddress, let first = scratch.baseAddress else { return 0 }
        var out = first
        var index = 0
        let count = bytes.count
        var start = -1
        var unicode = false
        while index < count {
            // 32, 16 or 8 ASCII bytes at a time, the common case: which of them are letters or
            // digits is worked out for all of them at once, and only the bytes where a word starts
            // or ends are visited. A word's hashes and prefix are worked out when it ends.
            if index &+ 32 <= count, let inWord = asciiWordBits(base + index, chunks: 4) {
                visitChanges(inWord, width: 32, at: index, bytes, &start, &unicode, &out)
                index &+= 32
                continue
            }
            if index &+ 16 <= count, let inWord = asciiWordBits(base + index, chunks: 2) {
                visitChanges(inWord, width: 16, at: index, bytes, &start, &unicode, &out)
                index &+= 16
                continue
            }
            if index &+ 8 <= count, let inWord = asciiWordBits(base + index, chunks: 1) {
                visitChanges(inWord, width: 8, at: index, bytes, &start, &unicode, &out)
                index &+= 8
                continue
            }
            let byte = bytes[index]
            if byte < 0x80 {
                // Letters and digits by a bit table.
                let table: UInt64 = byte < 0x40 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
                if (table >> UInt64(byte & 0x3F)) & 1 != 0 {
                    if start < 0 {
                        start = index
                        unicode = false
                    }
                } else if start >= 0 {
                    emit(bytes, start, index, unicode, into: out)
                    out += 1
                    start = -1
                }
                index &+= 1
                continue
            }
            var width = 1
            var isWord = false
            var decoder = UTF8()
            var iterator = UnsafeBufferPointer(rebasing: bytes[index...]).makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                width = UTF8.width(scalar)
                let properties = scalar.properties
                isWord = properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark && start >= 0
            }
            if isWord {
                if start < 0 { start = index }
                unicode = true
            } else if start >= 0 {
                emit(bytes, start, index, unicode, into: out)
                out += 1
                start = -1
            }
            index &+= width
        }
        if start >= 0 {
            emit(bytes, start, count, unicode, into: out)
            out += 1
        }
        return out - first
    }

    /// Starts and ends the words of `width` bytes from `index`, given which bytes are in a word
    /// (bit k for byte k): a change from the byte before is where a word starts or ends, and
    /// starts and ends take turns.
    @inline(__always)
    private static func visitChanges(_ inWord: UInt64, width: UInt64, at index: Int, _ bytes: UnsafeBufferPointer<UInt8>,
                                     _ start: inout Int, _ unicode: inout Bool, _ out: inout UnsafeMutablePointer<WordToken>) {
        var changes = (inWord ^ (inWord << 1 | (start >= 0 ? 1 : 0))) & ((1 << width) &- 1)
        while changes != 0 {
            let position = index &+ changes.trailingZeroBitCount
            if start < 0 {
                start = position
                unicode = false
            } else {
                emit(bytes, start, position, unicode, into: out)
                out += 1
                start = -1
            }
            changes &= changes &- 1
        }
    }

    /// Bit k set when byte k of the `chunks` eight-byte chunks at `bytes` is a letter or a digit;
    /// nil when a byte is not ASCII.
    @inline(__always)
    private static func asciiWordBits(_ bytes: UnsafePointer<UInt8>, chunks: Int) -> UInt64? {
        let raw = UnsafeRawPointer(bytes)
        func load(_ chunk: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: chunk &* 8, as: UInt64.self)) }
        var any: UInt64 = 0
        for chunk in 0..<chunks { any |= load(chunk) }
        guard any & 0x8080_8080_8080_8080 == 0 else { return nil }
        var inWord: UInt64 = 0
        for chunk in 0..<chunks { inWord |= wordBits(load(chunk)) << (8 &* UInt64(truncatingIfNeeded: chunk)) }
        return inWord
    }

    /// Bit k set when byte k of eight ASCII bytes is a letter or a digit.
    @inline(__always)
    static func wordBits(_ chunk: UInt64) -> UInt64 {
        // Per byte, without carries between bytes: `| 0x20` folds letters to lower case, and
        // adding a constant sets the top bit from a threshold on.
        let folded = chunk | 0x2020_2020_2020_2020
        let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) // 0x61…0x7A
        let digits = (chunk &+ 0x5050_5050_5050_5050) & ~(chunk &+ 0x4646_4646_4646_4646) // 0x30…0x39
        let tops = (letters | digits) & 0x8080_8080_8080_8080
        return ((tops >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// Writes a finished word to `target`. An ASCII word is letters and digits only, so `| 0x20`
    /// on every byte lower-cases it; words with other letters are lower-cased with Unicode's rules.
    ///
    /// Written in place rather than returned: returning the 48-byte value and copying it stalled
    /// on store forwarding, which cost more than working the word out. Only the common case is
    /// inlined into the scan: an ASCII word of up to 16 bytes with 16 bytes of text from its
    /// start, loaded as two eight-byte numbers and masked to the word.
    @inline(__always)
    private static func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ unicode: Bool,
                             into target: UnsafeMutablePointer<WordToken>) {
        let length = end &- start
        guard !unicode, length <= 16, start &+ 16 <= bytes.count, let base = bytes.baseAddress else {
            return emitOther(bytes, start, end, unicode, into: target)
        }
        let raw = UnsafeRawPointer(base + start)
        let bits = UInt64(truncatingIfNeeded: length) &* 8
        let firstMask = UInt64.max >> ((64 &- min(bits, 64)) & 63)
        let secondMask = bits > 64 ? UInt64.max >> ((128 &- bits) & 63) : 0
        let first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) & firstMask
        let second = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & secondMask
        let lowerCase: UInt64 = 0x2020_2020_2020_2020
        let head = ((first | lowerCase) & firstMask, (second | lowerCase) & secondMask)
        let folded = Hashing.wordHash(length: length, head.0, head.1)
        let exact = first == head.0 && second == head.1 ? folded : Hashing.wordHash(length: length, first, second)
        target.initialize(to: WordToken(offset: start, length: length, exactHash: exact, foldedHash: folded, head: head))
    }

    /// The other words: ASCII words near the end of the text, loaded from their end backwards,
    /// and the rest through `slowToken`.
    @inline(never)
    private static func emitOther(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ unicode: Bool,
                                  into target: UnsafeMutablePointer<WordToken>) {
        let length = end &- start
        guard !unicode, length <= 16, let (first, second) = tailChunks(bytes, start, end) else {
            return target.initialize(to: slowToken(bytes, start, end, unicode))
        }
        let lowerCase: UInt64 = 0x2020_2020_2020_2020
        let head = ((first | lowerCase) & Hashing.mask(bytes: min(length, 8)), length > 8 ? (second | lowerCase) & Hashing.mask(bytes: length &- 8) : 0)
        let folded = Hashing.wordHash(length: length, head.0, head.1)
        let exact = first == head.0 && second == head.1 ? folded : Hashing.wordHash(length: length, first, second)
        target.initialize(to: WordToken(offset: start, length: length, exactHash: exact, foldedHash: folded, head: head))
    }

    /// The bytes of the word at `start..<end` (1 to 16 bytes) in two little-endian numbers, the
    /// second zero for words of up to eight bytes, by eight-byte loads that stay within `bytes`:
    /// from the word's start where the text goes on far enough, else ending at the word's end
    /// and shifted down. Nil when the text has fewer than eight bytes up to the word's end.
    static func tailChunks(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64)? {
        guard end >= 8, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let length = end &- start
        func load(_ offset: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        if length <= 8 {
            if start &+ 8 <= bytes.count { return (load(start) & Hashing.mask(bytes: length), 0) }
            return (load(end &- 8) >> (64 &- 8 &* UInt64(length)), 0)
        }
        return (load(start), load(end &- 8) >> (128 &- 8 &* UInt64(length)))
    }

    /// Words with letters beyond ASCII, longer than 16 bytes, or at the very end of the text.
    @inline(never)
    private static func slowToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ unicode: Bool) -> WordToken {
        let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let length = end - start
        if unicode {
            let exact = Hashing.wordHash(word)
            var lowered = String(decoding: word, as: UTF8.self).lowercased()
            return lowered.withUTF8 { folded in
                var head = (UInt64(0), UInt64(0))
                for position in 0..<min(16, folded.count) { setHead(&head, position, folded[position]) }
                return WordToken(offset: start, length: length, exactHash: exact, foldedHash: Hashing.wordHash(folded), head: head)
            }
        }
        let canOverread = end + 8 <= bytes.count
        let folded = Hashing.wordHash(word, orBits: 0x2020_2020_2020_2020, canOverread: canOverread)
        var head = (Hashing.chunk(word, at: 0, orBits: 0x2020_2020_2020_2020, canOverread: canOverread), UInt64(0))
        if word.count > 8 { head.1 = Hashing.chunk(word, at: 8, orBits: 0x2020_2020_2020_2020, canOverread: canOverread) }
        // Lower-case letters and digits all have the 0x20 bit: without a capital, the word as
        // written is its lower-cased form.
        var hasCapital = false
        var offset = 0
        while offset < word.count, !hasCapital {
            let raw = Hashing.chunk(word, at: offset, orBits: 0, canOverread: canOverread)
            hasCapital = raw != Hashing.chunk(word, at: offset, orBits: 0x2020_2020_2020_2020, canOverread: canOverread)
            offset += 8
        }
        let exact = hasCapital ? Hashing.wordHash(word) : folded
        return WordToken(offset: start, length: length, exactHash: exact, foldedHash: folded, head: head)
    }

    @inline(__always) private static func setHead(_ head: inout (UInt64, UInt64), _ position: Int, _ byte: UInt8) {
        if position < 8 { head.0 |= UInt64(byte) << (8 * UInt64(position)) } else { head.1 |= UInt64(byte) << (8 * UInt64(position - 8)) }
    }
}

/// The word hashes phrase matching looks words up by: the length, then the bytes eight at a time,
/// each step a bijection, so words of up to eight bytes never collide.
///
/// `hash` ends with Murmur's finaliser, so that every bit of the input reaches the low bits a
/// table indexes by. Words are compared by `wordHash`, the same without it: the finaliser is a
/// bijection, so two words share a `wordHash` exactly when they share a `hash`, and matching
/// gives the same matches either way; the phrase tables and filters mix the bits they use
/// themselves (`HashTable` folds the high bits in; the filter takes the top bits, which the
/// multiplications fill), and a word then costs two multiplications less to hash.
enum Hashing {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        finalize(wordHash(bytes, orBits: 0, canOverread: false))
    }

    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        wordHash(bytes, orBits: 0, canOverread: false)
    }

    /// The word hash of a word of at most 16 bytes given as its two chunks (the second zero when
    /// it has eight bytes or fewer): the same value `wordHash(_:)` gives for its bytes.
    @inline(__always)
    static func wordHash(length: Int, _ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = (seed ^ UInt64(truncatingIfNeeded: length)) &* prime
        if length > 0 {
            hash = (hash ^ first) &* prime
            hash ^= hash >> 31
        }
        if length > 8 {
            hash = (hash ^ second) &* prime
            hash ^= hash >> 31
        }
        return hash
    }

    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }

    /// `orBits` is or-ed into every eight-byte chunk (`0x2020…` lower-cases ASCII letters);
    /// `canOverread` says eight bytes past the end may be loaded (and masked off).
    @inline(__always)
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>, orBits: UInt64, canOverread: Bool) -> UInt64 {
        var hash = (seed ^ UInt64(bytes.count)) &* prime
        var offset = 0
        while offset < bytes.count {
            hash = (hash ^ chunk(bytes, at: offset, orBits: orBits, canOverread: canOverread)) &* prime
            hash ^= hash >> 31
            offset += 8
        }
        return hash
    }

    /// The low `bytes` bytes of a chunk set (`bytes` from 1 to 8).
    @inline(__always)
    static func mask(bytes: Int) -> UInt64 {
        bytes >= 8 ? ~0 : (1 << (8 * UInt64(bytes))) &- 1
    }

    /// Up to eight bytes from `offset`, little-endian, `orBits` applied, bytes past the end zero.
    @inline(__always)
    static func chunk(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, orBits: UInt64, canOverread: Bool) -> UInt64 {
        let length = min(8, bytes.count - offset)
        guard length > 0, let base = bytes.baseAddress else { return 0 }
        let mask: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
        if canOverread || length == 8 {
            return (UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) | orBits) & mask
        }
        var value: UInt64 = 0
        for position in 0..<length { value |= UInt64(bytes[offset + position]) << (8 * UInt64(position)) }
        return (value | orBits) & mask
    }
}

/// Finds many phrases in a text in one pass over its words.
///
/// Used for actor names and aliases (case-sensitive: "Trump" the name, not "trump" the verb) and
/// for sticking-point keywords (case-insensitive, with `*` for "any ending": `guarantee*`).
/// Words are compared by 64-bit hashes in an open-addressing table; matching allocates nothing
/// per word.
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

    /// A phrase: its words' hashes live in `words[wordStart..<wordStart+wordCount]`.
    struct Entry: Sendable {
        var wordStart: Int
        var wordCount: Int
        /// For `word*`: the lower-cased prefix (up to 16 bytes) the next word must start with.
        var prefix: (UInt64, UInt64)
        var prefixLength: Int
        var hasPrefix: Bool
        var valueIndex: Int
        var totalWords: Int { wordCount + (hasPrefix ? 1 : 0) }
    }

    let caseSensitive: Bool
    private var words: [UInt64] = []
    private var entries: [Entry] = []
    /// The value of each phrase, by the phrase's number (the order phrases were added in, not
    /// counting those without words).
    private(set) var values: [Value] = []
    private var phrases: [String] = []
    /// First-word hash → entries starting with that word, longest first.
    private var table = HashTable()
    private var buckets: [[Int]] = []
    /// Entries that are a single `prefix*` word, by the prefix's first byte.
    private var prefixOnly: [[Int]] = []
    /// For single `prefix*` words, a bit per the low six bits of a prefix's first two bytes (all
    /// 64 bits of the first byte's number when the prefix is one byte): a word's own first two
    /// bytes must then have their bit set. Most words start no prefix, and this turns them away
    /// before `prefixOnly` is looked at.
    private var prefixFilter = [UInt64](repeating: 0, count: 64)
    /// One bit per top-10-bits of the first words' hashes: most words of a text start no phrase,
    /// and this turns them away before the table is probed.
    private var firstWordFilter = [UInt64](repeating: 0, count: 16)

    public init(caseSensitive: Bool) {
        self.caseSensitive = caseSensitive
    }

    public var isEmpty: Bool { entries.isEmpty }

    public mutating func add(_ phrase: String, value: Value) {
        let trimmed = phrase.trimmingWhitespace
        let isPrefix = trimmed.hasSuffix("*")
        let body = isPrefix ? String(trimmed.dropLast()) : trimmed
        var tokens = Tokenizer.words(in: body)
        guard !tokens.isEmpty else { return }
        var entry = Entry(wordStart: words.count, wordCount: 0, prefix: (0, 0), prefixLength: 0, hasPrefix: false, valueIndex: values.count)
        if isPrefix {
            let last = tokens.removeLast()
            // Prefixes are compared on their first 16 lower-cased bytes; a longer one still
            // narrows enough. Lower-casing can change a word's length in bytes (İ, two bytes,
            // becomes i and a combining dot, three), so the length is that of the folded head,
            // whose unused bytes are zero (a word has no NUL).
            entry.prefix = last.head
            entry.prefixLength = PhraseMatcher.byteCount(of: last.head)
            entry.hasPrefix = true
        }
        for token in tokens { words.append(caseSensitive ? token.exactHash : token.foldedHash) }
        entry.wordCount = tokens.count
        values.append(value)
        phrases.append(trimmed)
        let id = entries.count
        entries.append(entry)
        if tokens.isEmpty {
            if prefixOnly.isEmpty { prefixOnly = Array(repeating: [], count: 256) }
            let firstByte = Int(entry.prefix.0 & 0xFF)
            prefixOnly[firstByte].append(id)
            prefixFilter[firstByte & 0x3F] |= entry.prefixLength == 1 ? ~0 : 1 << ((entry.prefix.0 >> 8) & 63)
        } else {
            let key = words[entry.wordStart]
            firstWordFilter[Int(key >> 60)] |= 1 << ((key >> 54) & 63)
            if let bucket = table.find(key) {
                buckets[bucket].append(id)
                buckets[bucket].sort { entries[$0].totalWords > entries[$1].totalWords }
            } else {
                table.insert(key, buckets.count)
                buckets.append([id])
            }
        }
    }

    /// Every match, left to right; at one position only the longest phrase counts.
    public func matches(in tokens: [WordToken]) -> [Match] {
        tokens.withUnsafeBufferPointer { matches(in: $0) }
    }

    /// Matches in part of a longer list of words (a section of an article), without copying it.
    public func matches(in tokens: ArraySlice<WordToken>) -> [Match] {
        tokens.withUnsafeBufferPointer { matches(in: $0) }
    }

    func matches(in tokens: UnsafeBufferPointer<WordToken>) -> [Match] {
        var result: [Match] = []
        forEachMatch(in: tokens) { phrase, wordIndex, wordCount in
            result.append(Match(value: values[phrase], phrase: phrases[phrase], offset: tokens[wordIndex].offset,
                                wordIndex: wordIndex, wordCount: wordCount))
        }
        return result
    }

    /// Calls `body` with every match, left to right, as the phrase's number (see `values`), the
    /// index of its first word and its number of words: the matches without making a `Match`
    /// of each, which holds two strings to retain and release.
    ///
    /// Most words start no phrase: bit tests turn them away in a loop of their own, which keeps
    /// little in registers, and only the rest go to `longestMatch`.
    @inline(__always)
    func forEachMatch(in tokens: UnsafeBufferPointer<WordToken>, _ body: (_ phrase: Int, _ wordIndex: Int, _ wordCount: Int) -> Void) {
        guard !entries.isEmpty else { return }
        firstWordFilter.withUnsafeBufferPointer { filter in
            prefixFilter.withUnsafeBufferPointer { prefixes in
                var index = 0
                let count = tokens.count
                while true {
                    // Each case its own loop, without tests it does not need (names have no prefixes).
                    switch (caseSensitive, prefixOnly.isEmpty) {
                    case (true, true): index = nextCandidate(tokens, from: index, filter, prefixes, caseSensitive: true, prefixes: false)
                    case (true, false): index = nextCandidate(tokens, from: index, filter, prefixes, caseSensitive: true, prefixes: true)
                    case (false, true): index = nextCandidate(tokens, from: index, filter, prefixes, caseSensitive: false, prefixes: false)
                    case (false, false): index = nextCandidate(tokens, from: index, filter, prefixes, caseSensitive: false, prefixes: true)
                    }
                    guard index < count else { return }
                    if let found = longestMatch(tokens, at: index) {
                        let wordCount = entries[found].totalWords
                        body(found, index, wordCount)
                        index += wordCount
                    } else {
                        index += 1
                    }
                }
            }
        }
    }

    /// The first word from `index` on that may start a phrase, by the bit of its hash in the
    /// first words' filter or (when `prefixes`) the bit of its first two bytes in `prefixFilter`;
    /// `tokens.count` when there is none.
    @inline(__always)
    private func nextCandidate(_ tokens: UnsafeBufferPointer<WordToken>, from index: Int, _ filter: UnsafeBufferPointer<UInt64>,
                               _ prefixFilter: UnsafeBufferPointer<UInt64>, caseSensitive: Bool, prefixes: Bool) -> Int {
        var index = index
        let count = tokens.count
        while index < count {
            let token = tokens[index]
            let key = caseSensitive ? token.exactHash : token.foldedHash
            let startsPhrase = filter[Int(key >> 60)] & (1 << ((key >> 54) & 63)) != 0
            let startsPrefix = prefixes && prefixFilter[Int(token.head.0 & 0x3F)] & (1 << ((token.head.0 >> 8) & 63)) != 0
            if startsPhrase || startsPrefix { return index }
            index &+= 1
        }
        return count
    }

    /// The phrase matched at `index`: the longest phrase starting with the word, else the first
    /// single `prefix*` word the word starts with.
    private func longestMatch(_ tokens: UnsafeBufferPointer<WordToken>, at index: Int) -> Int? {
        if let bucket = table.find(caseSensitive ? tokens[index].exactHash : tokens[index].foldedHash) {
            for id in buckets[bucket] where covers(entries[id], tokens, at: index) { return id }
        }
        if !prefixOnly.isEmpty {
            for id in prefixOnly[Int(tokens[index].head.0 & 0xFF)] where PhraseMatcher.startsWith(tokens[index], entries[id]) { return id }
        }
        return nil
    }

    public func matches(in text: String) -> [Match] {
        matches(in: Tokenizer.words(in: text))
    }

    private func covers(_ entry: Entry, _ tokens: UnsafeBufferPointer<WordToken>, at index: Int) -> Bool {
        guard index + entry.totalWords <= tokens.count else { return false }
        for offset in 0..<entry.wordCount {
            let token = tokens[index + offset]
            if (caseSensitive ? token.exactHash : token.foldedHash) != words[entry.wordStart + offset] { return false }
        }
        return !entry.hasPrefix || PhraseMatcher.startsWith(tokens[index + entry.wordCount], entry)
    }

    /// Equal heads under the prefix's mask mean the token's folded word has the prefix's bytes,
    /// none of them zero, so it is at least as long: its length as written is not compared, as
    /// lower-casing may have changed it.
    @inline(__always) static func startsWith(_ token: WordToken, _ entry: Entry) -> Bool {
        let length = entry.prefixLength
        let mask0: UInt64 = length >= 8 ? ~0 : (1 << (8 * UInt64(length))) &- 1
        if token.head.0 & mask0 != entry.prefix.0 { return false }
        guard length > 8 else { return true }
        let mask1: UInt64 = length >= 16 ? ~0 : (1 << (8 * UInt64(length - 8))) &- 1
        return token.head.1 & mask1 == entry.prefix.1
    }
}

extension PhraseMatcher {
    /// The number of bytes in a head, up to its last non-zero byte (a folded word has no NUL, so
    /// its bytes are all non-zero and the rest of the head is zero).
    static func byteCount(of head: (UInt64, UInt64)) -> Int {
        head.0.leadingZeroBitCount < 8 ? 8 + (64 - head.1.leadingZeroBitCount + 7) / 8 : (64 - head.0.leadingZeroBitCount + 7) / 8
    }
}

/// An open-addressing table from already-hashed 64-bit keys to small integers.
struct HashTable: Sendable {
    private var keys: [UInt64]
    private var slots: [Int32]
    private var count = 0

    /// Room for `capacity` keys before the table grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
    }

    func find(_ key: UInt64) -> Int? {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots[position]
            if slot < 0 { return nil }
            if keys[position] == key { return Int(slot) }
            position = (position + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while slots[position] >= 0 {
            if keys[position] == key { slots[position] = Int32(value); return }
            position = (position + 1) & mask
        }
        keys[position] = key
        slots[position] = Int32(value)
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldSlots) = (keys, slots)
        keys = Array(repeating: 0, count: oldSlots.count * 2)
        slots = Array(repeating: -1, count: keys.count)
        count = 0
        for index in oldSlots.indices where oldSlots[index] >= 0 { insert(oldKeys[index], Int(oldSlots[index])) }
    }
}
