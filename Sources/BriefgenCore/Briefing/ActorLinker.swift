/// Links speakers and mentions to actors through their names and aliases.
public struct ActorLinker: Sendable {
    /// The names, built once and never changed, behind one reference: the matcher holds a dozen
    /// arrays, each retained and released whenever a copy of the linker (or of the analyzer
    /// holding it) is made.
    private final class Names: Sendable {
        let matcher: PhraseMatcher<String>
        /// For each phrase of `matcher`, the place of its actor's slug among the slugs sorted
        /// (equal slugs share a place): the actors named are gathered by place, already in order.
        let slugRanks: [Int]
        let slugCount: Int

        init(actors: [Actor]) {
            var matcher = PhraseMatcher<String>(caseSensitive: true)
            for actor in actors {
                for name in actor.names { matcher.add(name, value: actor.slug) }
            }
            let sorted = Array(Set(matcher.values)).sorted()
            let rankOfSlug = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
            self.matcher = matcher
            slugRanks = matcher.values.map { rankOfSlug[$0]! }
            slugCount = sorted.count
        }
    }

    private let names: Names
    private var matcher: PhraseMatcher<String> { names.matcher }
    private var slugRanks: [Int] { names.slugRanks }
    private var slugCount: Int { names.slugCount }

    public init(actors: [Actor]) {
        names = Names(actors: actors)
    }

    /// The actor a speaker is, if any. Anonymous descriptions ("a White House official") are never
    /// linked: the article did not name them, and neither do we.
    public func actor(forSpeaker speaker: String?) -> String? {
        guard let speaker, !speaker.isEmpty else { return nil }
        if ActorLinker.anonymousFirstWords.contains(ActorLinker.firstWord(of: speaker)) { return nil }
        // The longest name found wins ("Donald J. Trump" over "Trump"); the matcher prefers longer
        // phrases. Of names equally long, the first, as `max(by:)` over the matches gave it.
        var best: (phrase: Int, wordCount: Int)?
        Tokenizer.words(in: speaker).withUnsafeBufferPointer { tokens in
            matcher.forEachMatch(in: tokens) { phrase, _, wordCount in
                if wordCount > best?.wordCount ?? 0 { best = (phrase, wordCount) }
            }
        }
        return best.map { matcher.values[$0.phrase] }
    }

    /// The first word as `split(separator: " ")` gives it, reading only as far as its end: by
    /// bytes while they are ASCII up to the byte after that end (then each byte is a character,
    /// and a space is one only when a combining mark does not follow it), else by characters.
    static func firstWord(of speaker: String) -> String {
        var speaker = speaker
        let ascii: String? = speaker.withUTF8 { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            guard !bytes[..<min(end + 2, bytes.count)].contains(where: { $0 >= 0x80 }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return ascii ?? String(speaker.drop { $0 == " " }.prefix { $0 != " " })
    }

    /// Words that start a description rather than a name ("a White House official").
    private static let anonymousFirstWords: Set<String> = [
        "a", "an", "one", "another", "two", "three", "several", "some", "A", "An", "One", "Another", "Two", "Several", "Some",
    ]

    /// Every actor the text names, alphabetical.
    public func actors(mentionedIn texts: [String]) -> [String] {
        actors(mentionedIn: texts.map { Tokenizer.words(in: $0) })
    }

    func actors(mentionedIn tokenized: [[WordToken]]) -> [String] {
        actors(mentionedIn: tokenized.map { $0[...] })
    }

    /// The same as a set of the slugs matched, sorted; where two slugs are equal as strings, the
    /// one matched first is the one given, as a set keeps the member inserted first.
    func actors(mentionedIn tokenized: [ArraySlice<WordToken>]) -> [String] {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: slugCount) { firstPhrase in
            firstPhrase.initialize(repeating: -1)
            for tokens in tokenized {
                tokens.withUnsafeBufferPointer { tokens in
                    matcher.forEachMatch(in: tokens) { phrase, _, _ in
                        let rank = slugRanks[phrase]
                        if firstPhrase[rank] < 0 { firstPhrase[rank] = phrase }
                    }
                }
            }
            let values = matcher.values
            return firstPhrase.compactMap { $0 < 0 ? nil : values[$0] }
        }
    }
}
