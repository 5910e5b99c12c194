/// A short excerpt of a section: one to three whole sentences.
public enum Excerpt {
    public static let targetLength = 280

    /// Whole sentences up to about `targetLength` characters, at least one, at most three.
    public static func make(from text: String) -> String {
        make(sentences: Sentences.split(text, limit: 3))
    }

    /// The excerpt of a section: of its blocks' texts joined with spaces, the same as
    /// `make(from: texts.filter { !$0.isEmpty }.joined(separator: " "))`, but joining only the
    /// blocks its sentences need (see `Sentences.split(joining:limit:)`).
    public static func make(fromBlocks texts: some Collection<String>) -> String {
        make(sentences: Sentences.split(joining: texts, limit: 3))
    }

    private static func make(sentences: [String]) -> String {
        guard let first = sentences.first else { return "" }
        var excerpt = first
        var length = characterCount(first)
        for sentence in sentences.dropFirst().prefix(2) {
            let sentenceLength = characterCount(sentence)
            guard length + 1 + sentenceLength <= targetLength else { break }
            excerpt += " "
            excerpt += sentence
            length += 1 + sentenceLength
        }
        return excerpt
    }

    /// Characters as a reader counts them. ASCII text without carriage returns (nearly every
    /// sentence) has one per byte; only other text needs grapheme breaking, which cost more than
    /// finding the sentences.
    static func characterCount(_ text: String) -> Int {
        var text = text
        let plain = text.withUTF8 { bytes in
            ByteScan.next(in: bytes, from: 0, 0x0D, 0x0D, 0x0D, 0x0D, highBytes: true) == bytes.count
        }
        return plain ? text.utf8.count : text.count
    }
}
