/// Cuts a title from the lede when an article has no headline.
///
/// A title is at most ~90 characters, ends at a clause boundary where one is close enough (a
/// comma, a dash, a semicolon), else before a connecting word ("following", "after", "to"), and
/// never in the middle of a word or with a trailing comma.
enum TitleDeriver {
    static let limit = 90
    static let minimum = 40
    /// Words before which a sentence can be cut and still read as a headline.
    static let phraseStarts: Set<String> = [
        "following", "after", "before", "as", "while", "amid", "despite", "because", "which", "who", "that",
        "and", "but", "to", "in", "on", "at", "for", "with", "from", "over", "under", "by", "of", "into", "during",
        "when", "where", "since", "until", "saying", "according",
    ]
    static let weakEndings: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "that",
        "is", "are", "was", "were", "has", "have", "had", "be", "its", "his", "her", "their", "our", "this", "these",
    ]

    static let attributionVerbs: Set<String> = ["said", "says", "told", "added", "reported", "announced", "confirmed", "stated"]

    static func title(fromLede lede: String) -> String {
        let firstSentence = Sentences.split(lede).first ?? lede
        var sentence = firstSentence.trimmingWhitespace
        // A full stop goes; an ellipsis stays whole ("nearly done..." lost one dot and read "done..").
        if sentence.hasSuffix("."), !sentence.hasSuffix("..") { sentence.removeLast() }
        if sentence.count <= limit { return tidy(sentence) }

        let words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var clauseCut: Int?
        var phraseCut: Int?
        var wordCut: Int?
        var fitCount = 1
        var length = 0
        for (index, word) in words.enumerated() {
            let newLength = length + (index > 0 ? 1 : 0) + word.count
            // A comma that would be cut off does not count against the limit.
            let visibleLength = word.last.map { ",;:".contains($0) } == true ? newLength - 1 : newLength
            if visibleLength > limit { break }
            length = newLength
            let count = index + 1
            fitCount = count
            if length >= minimum {
                // "…prisoners, mediators said, in what…": the attribution is not part of the news.
                if let last = word.last, ",;:".contains(last), !attributionVerbs.contains(word.lowercased().strippingCharacters(.commaSemicolonColon)) {
                    clauseCut = count
                }
                if index + 1 < words.count, ["–", "—", "-"].contains(words[index + 1]) { clauseCut = count }
                if index + 1 < words.count, phraseStarts.contains(words[index + 1].lowercased()),
                   !weakEndings.contains(word.lowercased().strippingCharacters(.commaSemicolonColon)) {
                    phraseCut = count
                }
                if !weakEndings.contains(word.lowercased().strippingCharacters(.commaSemicolonColon)) { wordCut = count }
            }
        }
        let count = clauseCut ?? phraseCut ?? wordCut ?? fitCount
        return tidy(words.prefix(count).joined(separator: " "))
    }

    private static func tidy(_ text: String) -> String {
        var result = text.trimmingWhitespace
        while let last = result.last, ",;:–—-".contains(last) {
            result.removeLast()
            result = result.trimmingWhitespace
        }
        if result.count > limit + 10 {
            // One enormous word: cut at the limit rather than overflow every layout.
            result = String(result.prefix(limit)) + "…"
        }
        return result
    }
}
