import Foundation
import Testing
@testable import BriefgenCore

/// The phrase matcher's hashed tables and filters against a plain reading of its rules: at each
/// word, the longest phrase whose words are there (a `word*` last word only has to start the
/// word) wins and matching goes on after it; single `prefix*` phrases are tried last.
@Suite("Phrase matcher")
struct PhraseMatcherTests {
    struct Reference {
        var phrases: [(words: [String], prefix: String?, value: Int)] = []
        let caseSensitive: Bool

        mutating func add(_ phrase: String, value: Int) {
            let isPrefix = phrase.hasSuffix("*")
            var words = Tokenizer.strings(in: isPrefix ? String(phrase.dropLast()) : phrase).map { fold(String($0)) }
            let prefix = isPrefix ? words.removeLast() : nil
            phrases.append((words, prefix, value))
        }

        func fold(_ word: String) -> String { caseSensitive ? word : word.lowercased() }

        func matches(_ text: String) -> [(offset: Int, value: Int, wordCount: Int)] {
            let tokens = Tokenizer.words(in: text)
            let words = Tokenizer.strings(in: text).map { String($0) }
            var result: [(Int, Int, Int)] = []
            var index = 0
            while index < words.count {
                let candidates = phrases.enumerated().filter { _, phrase in
                    guard !phrase.words.isEmpty, index + phrase.words.count + (phrase.prefix == nil ? 0 : 1) <= words.count else { return false }
                    for (offset, word) in phrase.words.enumerated() where fold(words[index + offset]) != word { return false }
                    guard let prefix = phrase.prefix else { return true }
                    return words[index + phrase.words.count].lowercased().hasPrefix(prefix.lowercased())
                }
                let longest = candidates.max { left, right in
                    let (leftCount, rightCount) = (left.element.words.count + (left.element.prefix == nil ? 0 : 1),
                                                   right.element.words.count + (right.element.prefix == nil ? 0 : 1))
                    return leftCount != rightCount ? leftCount < rightCount : left.offset > right.offset
                }
                let prefixOnly = phrases.first { $0.words.isEmpty && words[index].lowercased().hasPrefix($0.prefix!.lowercased()) }
                if let found = longest?.element ?? prefixOnly {
                    let count = found.words.count + (found.prefix == nil ? 0 : 1)
                    result.append((tokens[index].offset, found.value, count))
                    index += count
                } else {
                    index += 1
                }
            }
            return result
        }
    }

    static let keywords = [
        "boundary", "line of contact", "demarcation", "detainee*", "exchange list", "release sched*", "guarantee*",
        "security guarantees", "20-point plan", "Donbas", "territor*", "ceasefire", "cease-fire", "Zaporizhzhia plant",
        "запоріж*", "Київ", "reconstruction fund*", "fund", "e*", "a", "the line",
        // Lower-cased, İ takes three bytes to its two: a prefix is compared on its folded bytes.
        "İ*", "kıyı İs*",
    ]
    static let names = ["Trump", "Donald Trump", "Donald J. Trump", "Zelensky", "Volodymyr Zelensky", "Putin", "Witkoff", "Rubio", "Umerov"]

    static func texts() throws -> [String] {
        var texts = [
            "The line of contact and the LINE OF CONTACT; detainees, Detainee lists and detained people.",
            "Security guarantees, a guarantee, guaranteed; the 20-point plan (20 point plan) in Donbas territories.",
            "Запорізька АЕС і запоріжжя; Київ, київ. Exchange lists, the exchange list, release schedules.",
            "Donald J. Trump met Donald Trump and trump cards; Volodymyr Zelensky, Zelensky's envoy, Witkoff-Rubio talks.",
            "e ee eee a an the line the lines", "", "reconstruction funds fund funding",
            "İzmir, İSTANBUL and istanbul; Kıyı İstanbul, kıyı iskele.",
        ]
        let folder = TestPaths.content.appendingPathComponent("articles")
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).sorted(by: { $0.path < $1.path }) {
            texts.append(try String(contentsOf: file, encoding: .utf8))
        }
        return texts
    }

    /// Matches `phrases` in every test text with the matcher and with the reference, expecting the
    /// same matches; returns the reference, for checks of what it found.
    @discardableResult
    static func compare(_ phrases: [String], caseSensitive: Bool) throws -> Reference {
        var matcher = PhraseMatcher<Int>(caseSensitive: caseSensitive)
        var reference = Reference(caseSensitive: caseSensitive)
        for (index, phrase) in phrases.enumerated() {
            matcher.add(phrase, value: index)
            reference.add(phrase, value: index)
        }
        for text in try texts() {
            let found = matcher.matches(in: text).map { ($0.offset, $0.value, $0.wordCount) }
            let expected = reference.matches(text)
            #expect(found.count == expected.count, "\(text.prefix(60))")
            for (got, want) in zip(found, expected) { #expect(got == want, "\(text.prefix(60))") }
        }
        return reference
    }

    @Test("case-insensitive keywords with prefixes match as the rules say")
    func keywordsMatchReference() throws {
        let reference = try PhraseMatcherTests.compare(PhraseMatcherTests.keywords, caseSensitive: false)
        // Some of each kind matched: the comparison is not vacuous.
        let all = try PhraseMatcherTests.texts().flatMap { reference.matches($0) }
        #expect(Set(all.map(\.value)).count >= 12)
    }

    @Test("case-sensitive names prefer the longest and skip lower-case words")
    func namesMatchReference() throws {
        try PhraseMatcherTests.compare(PhraseMatcherTests.names, caseSensitive: true)
        var matcher = PhraseMatcher<Int>(caseSensitive: true)
        for (index, name) in PhraseMatcherTests.names.enumerated() { matcher.add(name, value: index) }
        let donald = matcher.matches(in: "Donald J. Trump met Donald Trump and trump")
        #expect(donald.map(\.value) == [2, 1])
    }

    /// Points and actors are gathered from the matches without building them; the old way,
    /// through `matches(in:)`, a dictionary of scores and a set of slugs, is the oracle.
    @Test("points and actors gathered match by match are those the matches give")
    func pointsAndActorsAgreeWithMatches() throws {
        let points = (0..<7).map { index in
            Point(slug: "p\(index)", title: "", status: "", order: index,
                  keywords: PhraseMatcherTests.keywords.enumerated().filter { $0.offset % 7 == index }.map(\.element))
        }
        // Slugs out of order, one actor with two slugs' names, and two actors sharing a slug.
        let actors = PhraseMatcherTests.names.enumerated().map { index, name in
            Actor(slug: ["zed", "amy", "Émile", "bob", "amy", "émile", "e\u{301}mile", "x", "Bob"][index], name: name)
        } + [Actor(slug: "kyiv", name: "Київ", aliases: ["Donbas"])]
        var keywordMatcher = PhraseMatcher<Int>(caseSensitive: false)
        for (index, point) in points.enumerated() { for keyword in point.keywords { keywordMatcher.add(keyword, value: index) } }
        var nameMatcher = PhraseMatcher<String>(caseSensitive: true)
        for actor in actors { for name in actor.names { nameMatcher.add(name, value: actor.slug) } }
        let pointMatcher = PointMatcher(points: points)
        let linker = ActorLinker(actors: actors)
        var random = SeededRandom(seed: 5)
        var texts = try PhraseMatcherTests.texts()
        let words = PhraseMatcherTests.keywords + PhraseMatcherTests.names + ["Київ", "x", "the", ",", "Trump's", "guaranteed"]
        for _ in 0..<300 { texts.append((0..<random.next(30)).map { _ in words[random.next(words.count)] }.joined(separator: " ")) }
        for (number, text) in texts.enumerated() {
            let heading = number % 3 == 0 ? nil : texts[(number * 7) % texts.count]
            var scores: [Int: Int] = [:]
            if let heading {
                for match in keywordMatcher.matches(in: heading) { scores[match.value, default: 0] += PointMatcher.headingWeight }
            }
            for match in keywordMatcher.matches(in: text) { scores[match.value, default: 0] += 1 }
            #expect(pointMatcher.scores(heading: heading, body: text) == scores, "\(text.prefix(60))")
            let slugs = scores.filter { $0.value >= PointMatcher.threshold }.keys.sorted().map { points[$0].slug }
            #expect(pointMatcher.points(heading: heading, body: text) == slugs, "\(text.prefix(60))")
            let parts = [text, heading ?? ""]
            var found = Set<String>()
            for part in parts { for match in nameMatcher.matches(in: part) { found.insert(match.value) } }
            let linked = linker.actors(mentionedIn: parts)
            #expect(linked == found.sorted(), "\(text.prefix(60))")
            // Equal slugs written differently: the one matched first, as the set kept it.
            #expect(linked.map { Array($0.utf8) } == found.sorted().map { Array($0.utf8) }, "\(text.prefix(60))")
        }
    }

    /// The speaker's first word is read without splitting the whole speaker, and the longest name
    /// found without building the matches; the old way is the oracle.
    @Test("speakers link to the actor the old split-and-match way gave")
    func speakerAgreesWithSplit() {
        let actors = PhraseMatcherTests.names.enumerated().map { index, name in
            Actor(slug: ["zed", "amy", "emile", "bob", "amy", "ann", "x", "y", "bob"][index], name: name)
        }
        var nameMatcher = PhraseMatcher<String>(caseSensitive: true)
        for actor in actors { for name in actor.names { nameMatcher.add(name, value: actor.slug) } }
        func oracle(_ speaker: String?) -> String? {
            guard let speaker, !speaker.isEmpty else { return nil }
            let firstWord = speaker.split(separator: " ").first.map(String.init) ?? ""
            if ["a", "an", "one", "another", "two", "three", "several", "some", "A", "An", "One", "Another", "Two", "Several", "Some"]
                .contains(firstWord) { return nil }
            return nameMatcher.matches(in: speaker).max { $0.wordCount < $1.wordCount }?.value
        }
        let linker = ActorLinker(actors: actors)
        let pieces = PhraseMatcherTests.names + ["a", "A", "An", "an", "Some", "some", "several", "One", "Two", "three", "Three",
                                                 "official", "aide", " ", "  ", "\u{301}", "é", "-", ",", "'s", "\t", "\n"]
        var random = SeededRandom(seed: 17)
        var speakers: [String?] = [nil, "", " ", "a", "A White House official", " an aide", "\u{301}a Trump", "Donald Trump, Putin"]
        for _ in 0..<2_000 {
            speakers.append((0..<random.next(6)).map { _ in pieces[random.next(pieces.count)] }.joined(separator: random.next(4) == 0 ? "" : " "))
        }
        for speaker in speakers {
            #expect(linker.actor(forSpeaker: speaker) == oracle(speaker), "\(speaker.debugDescription)")
        }
    }

    /// The speaker's first word is read by bytes while they are ASCII; split's first word by
    /// characters is the oracle, with spaces before combining marks, CR LF and other scripts.
    @Test("a speaker's first word is split's first word")
    func firstWordAgreesWithSplit() {
        let pieces = ["a", "An", "Zed", " ", "  ", "\u{301}", " \u{301}", "é", "\r\n", "\r", "\t", "-", "日", "\u{200D}", "x"]
        var random = SeededRandom(seed: 37)
        for _ in 0..<3_000 {
            let speaker = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let expected = speaker.split(separator: " ").first.map(String.init) ?? ""
            #expect(ActorLinker.firstWord(of: speaker) == expected, "\(speaker.debugDescription)")
            #expect(Array(ActorLinker.firstWord(of: speaker).utf8) == Array(expected.utf8), "\(speaker.debugDescription)")
        }
    }
}
