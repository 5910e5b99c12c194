/// Links speakers and mentions to actors through their names and aliases.
public struct ActorLinker: Sendable {
    private var matcher = PhraseMatcher<String>(caseSensitive: true)

    public init(actors: [Actor]) {
        for actor in actors {
            for name in actor.names { matcher.add(name, value: actor.slug) }
        }
    }

    /// The actor a speaker is, if any. Anonymous descriptions ("a White House official") are never
    /// linked: the article did not name them, and neither do we.
    public func actor(forSpeaker speaker: String?) -> String? {
        guard let speaker, !speaker.isEmpty else { return nil }
        let firstWord = speaker.split(separator: " ").first.map(String.init) ?? ""
        if ["a", "an", "one", "another", "two", "three", "several", "some", "A", "An", "One", "Another", "Two", "Several", "Some"].contains(firstWord) {
            return nil
        }
        // The longest name found wins ("Donald J. Trump" over "Trump"); the matcher prefers longer phrases.
        let matches = matcher.matches(in: speaker)
        return matches.max { $0.wordCount < $1.wordCount }?.value
    }

    /// Every actor the text names, alphabetical.
    public func actors(mentionedIn texts: [String]) -> [String] {
        actors(mentionedIn: texts.map { Tokenizer.words(in: $0) })
    }

    func actors(mentionedIn tokenized: [[WordToken]]) -> [String] {
        actors(mentionedIn: tokenized.map { $0[...] })
    }

    func actors(mentionedIn tokenized: [ArraySlice<WordToken>]) -> [String] {
        var found = Set<String>()
        for tokens in tokenized {
            for match in matcher.matches(in: tokens) { found.insert(match.value) }
        }
        return found.sorted()
    }
}
