/// A short excerpt of a section: one to three whole sentences.
public enum Excerpt {
    public static let targetLength = 280

    /// Whole sentences up to about `targetLength` characters, at least one, at most three.
    public static func make(from text: String) -> String {
        let sentences = Sentences.split(text, limit: 3)
        guard let first = sentences.first else { return "" }
        var excerpt = first
        var length = characterCount(first)
        for sentence in sentences.dropFirst().prefix(2) {
            let sentenceLength = characterCount(sentence)
            guard length + 1 + sentenceLength <= targetLength else { break }
            excerpt += " " + sentence
            length += 1 + sentenceLength
        }
        return excerpt
    }

    /// Characters as a reader counts them. ASCII text without carriage returns (nearly every
    /// sentence) has one per byte; only other text needs grapheme breaking, which cost more than
    /// finding the sentences.
    static func characterCount(_ text: String) -> Int {
        var text = text
        let asciiLength: Int? = text.withUTF8 { bytes in
            var combined: UInt8 = 0
            var carriageReturn = false
            for byte in bytes {
                combined |= byte
                carriageReturn = carriageReturn || byte == 0x0D
            }
            return combined < 0x80 && !carriageReturn ? bytes.count : nil
        }
        return asciiLength ?? text.count
    }
}
