/// A short excerpt of a section: one to three whole sentences.
public enum Excerpt {
    public static let targetLength = 280

    /// A first sentence longer than this (a lede pasted as one line, a list run together) is cut
    /// at a word near `targetLength` and ends with "…": it is repeated in a page's description,
    /// its social tags and its structured data, and on every listing that shows the article.
    public static let hardLimit = 2 * targetLength

    /// Whole sentences up to about `targetLength` characters, at least one, at most three.
    public static func make(from text: String) -> String {
        make(fromBlocks: CollectionOfOne(text))
    }

    /// The excerpt of a section: of its blocks' texts joined with spaces, the same as
    /// `make(from: texts.filter { !$0.isEmpty }.joined(separator: " "))`, but joining only the
    /// blocks its sentences need (see `Sentences.split(joining:limit:)`).
    public static func make(fromBlocks texts: some Collection<String>) -> String {
        Sentences.withSentences(joining: texts, limit: 3) { bytes, sentences in
            guard let first = sentences.first else { return "" }
            var length = characterCount(bytes, first)
            if length > hardLimit { return shortened(String(decoding: UnsafeBufferPointer(rebasing: bytes[first]), as: UTF8.self)) }
            var taken = 1
            for sentence in sentences.dropFirst().prefix(2) {
                let sentenceLength = characterCount(bytes, sentence)
                guard length + 1 + sentenceLength <= targetLength else { break }
                length += 1 + sentenceLength
                taken += 1
            }
            // The sentences chosen, with a space between each: one string, where making a string
            // of each sentence and appending them cost more than finding them.
            let chosen = sentences[..<taken]
            return String(unsafeUninitializedCapacity: chosen.reduce(taken - 1) { $0 + $1.count }) { buffer in
                var offset = 0
                for range in chosen {
                    if offset > 0 { buffer[offset] = 0x20; offset += 1 }
                    offset = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes[range]) + offset
                }
                return offset
            }
        }
    }

    /// The text cut at the last space before `targetLength` characters (or there, in a text
    /// without spaces), without the punctuation before the cut, and "…".
    static func shortened(_ text: String) -> String {
        // One character more than the target: a word that ends right at the target is kept.
        var cut = text.prefix(targetLength + 1)
        if let space = cut.lastIndex(where: \.isWhitespace), space > cut.startIndex {
            cut = cut[..<space]
        } else {
            cut = cut.prefix(targetLength)
        }
        while let last = cut.last, last.isWhitespace || ",;:–—-(".contains(last) { cut.removeLast() }
        return cut + "…"
    }

    /// The characters of the sentence at `range` of `bytes`, as a reader counts them (see below).
    private static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        let sentence = UnsafeBufferPointer(rebasing: bytes[range])
        if ByteScan.next(in: sentence, from: 0, 0x0D, 0x0D, 0x0D, 0x0D, highBytes: true) == sentence.count { return sentence.count }
        return String(decoding: sentence, as: UTF8.self).count
    }

    /// Characters as a reader counts them. ASCII text without carriage returns (nearly every
    /// sentence) has one per byte; only other text needs grapheme breaking, which cost more than
    /// finding the sentences.
    static func characterCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { characterCount($0, 0..<$0.count) }
    }
}
