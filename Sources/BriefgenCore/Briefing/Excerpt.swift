/// A short excerpt of a section: one to three whole sentences.
public enum Excerpt {
    public static let targetLength = 280

    /// Whole sentences up to about `targetLength` characters, at least one, at most three.
    public static func make(from text: String) -> String {
        let sentences = Sentences.split(text, limit: 3)
        guard let first = sentences.first else { return "" }
        var excerpt = first
        for sentence in sentences.dropFirst().prefix(2) {
            guard excerpt.count + 1 + sentence.count <= targetLength else { break }
            excerpt += " " + sentence
        }
        return excerpt
    }
}
