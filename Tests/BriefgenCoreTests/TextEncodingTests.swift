import Foundation
import Testing
@testable import BriefgenCore

/// The small text encoders behind JSON-LD, reports and dates: checked against Foundation.
@Suite("Text encoding")
struct TextEncodingTests {
    static let samples = [
        "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "</script><!-- & more",
        "Zelenskyy – “peace” ‘now’ « oui » Ünïcödé 🇺🇦", "control \u{01}\u{1F} chars", "js \u{2028} line \u{2029} ends",
    ]

    @Test("JSON strings decode back to the original text", arguments: samples)
    func jsonRoundTrip(_ text: String) throws {
        for forScript in [false, true] {
            let encoded = JSONText.string(text, forScript: forScript)
            let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }

    @Test("JSON for a script element cannot close it or open a comment")
    func scriptSafe() {
        let encoded = JSONText.string("</script><!-- & \u{2028}", forScript: true)
        #expect(!encoded.contains("<") && !encoded.contains(">") && !encoded.contains("&") && !encoded.contains("\u{2028}"))
        #expect(encoded == #""\u003c/script\u003e\u003c!-- \u0026 \u2028""#)
    }

    @Test("the JSON writer nests objects and arrays with the commas in the right places")
    func writerNesting() throws {
        var json = JSONWriter()
        json.openObject()
        json.member("a", "one \"quoted\" </script>")
        json.key("empty")
        json.openArray()
        json.closeArray()
        json.key("nested")
        json.openObject()
        json.member("b", "two", forScript: false)
        json.closeObject()
        json.key("list")
        json.openArray()
        json.string("x", forScript: true)
        json.openObject()
        json.member("c", "three")
        json.member("d", "four")
        json.closeObject()
        json.string("y", forScript: true)
        json.closeArray()
        json.member("last", "")
        json.closeObject()
        #expect(json.text == #"{"a":"one \"quoted\" \u003c/script\u003e","empty":[],"nested":{"b":"two"},"list":["x",{"c":"three","d":"four"},"y"],"last":""}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(parsed["a"] as? String == "one \"quoted\" </script>")
        #expect((parsed["list"] as? [Any])?.count == 3)
    }

    @Test("days print as ISO 8601, long form and RFC 3339")
    func days() throws {
        let day = try #require(Day(year: 2025, month: 3, day: 7))
        #expect(day.iso == "2025-03-07")
        #expect(day.longForm == "7 March 2025")
        #expect(day.rfc3339 == "2025-03-07T00:00:00Z")
        #expect(Day(year: 987, month: 12, day: 31)?.iso == "0987-12-31")
    }

    @Test("white space collapses to single spaces, trimmed, in any script", arguments: [
        ("already clean", "already clean"), ("  lead and trail  ", "lead and trail"), ("a\n\tb\r\nc", "a b c"),
        ("no\u{A0}break\u{2009}thin", "no break thin"), ("é  è", "é è"), ("", ""), ("   ", ""),
    ])
    func collapsing(_ pair: (String, String)) {
        #expect(pair.0.collapsingWhitespace == pair.1)
    }
}

@Suite("Slugs")
struct SlugTests {
    @Test("slugs from titles and headings, in any script", arguments: [
        // Accents on Latin and Greek letters are dropped, as in URLs readers type; in other scripts
        // the mark is part of the letter (ї and й are letters of their own), so it stays.
        ("Territory and Donbas Still Block a Breakthrough", "territory-and-donbas-still-block-a-breakthrough"),
        ("Russia's 20-point plan", "russias-20-point-plan"), ("Russia’s plan", "russias-plan"),
        ("  --Hello--World--  ", "hello-world"), ("Café Überblick", "cafe-uberblick"), ("Київ і Донбас", "київ-і-донбас"),
        ("Йорданія та Зеленський", "йорданія-та-зеленський"), ("Ёлка", "ёлка"), ("Ελληνικά Νέα", "ελληνικα-νεα"),
        ("हिन्दी समाचार", "हिन्दी-समाचार"), ("Crème brûlée", "creme-brulee"), ("e\u{301}te\u{301}", "ete"),
        ("Київ\u{301} ", "київ"), ("\u{301}Київ", "київ"), ("Ки\u{301}їв", "київ"),
        // Hebrew and Arabic vowel points are optional, like accents: pointed and unpointed text give one slug.
        ("שָׁלוֹם עֲלֵיכֶם", "שלום-עליכם"), ("שלום עליכם", "שלום-עליכם"), ("مُفاوَضات", "مفاوضات"), ("ภาษาไทย", "ภาษาไทย"),
        ("", ""), ("!!!", ""), ("A/B: C", "a-b-c"), ("Session 4: Progress", "session-4-progress"),
    ])
    func make(_ pair: (String, String)) {
        #expect(Slug.make(pair.0) == pair.1)
        #expect(Slug.make(Substring(pair.0)) == pair.1)
    }

    @Test("a slug written in Cyrillic or Devanagari is a valid slug as it is")
    func validInOtherScripts() {
        for slug in ["київ", "йорданія-та-зеленський", "ёлка", "हिन्दी-समाचार", "ελληνικα"] { #expect(Slug.isValid(slug), "\(slug)") }
        // Decomposed text (as macOS file names are) gives the same composed slug.
        #expect(Slug.make("Київ".decomposedStringWithCanonicalMapping) == "київ")
        #expect(!Slug.isValid("ελληνικά") && !Slug.isValid("café"))
    }

    @Test("ids are unique within a page, reserved ones included")
    func uniqueIDs() {
        var ids = UniqueIDs(reserved: ["main", "top"])
        let claimed = ["main", "a", "a", "a-1", "a", "", "", "top", "b", "a-2"].map { ids.claim($0) }
        #expect(claimed == ["main-1", "a", "a-1", "a-1-1", "a-2", "section", "section-1", "top-1", "b", "a-2-1"])
        #expect(Set(claimed).count == claimed.count)
        var many = UniqueIDs()
        let repeated = (0..<500).map { _ in many.claim("x") }
        #expect(Set(repeated).count == 500 && repeated.last == "x-499")
    }

    @Test("long slugs stop at the limit without a trailing dash")
    func limit() {
        let slug = Slug.make(String(repeating: "word ", count: 40), maxLength: 24)
        #expect(slug.utf8.count <= 24 && !slug.hasSuffix("-") && slug.hasPrefix("word-word"))
        #expect(Slug.make(String(repeating: "wörd ", count: 40), maxLength: 24).utf8.count <= 25)
    }
}

@Suite("Word scanning")
struct WordScanningTests {
    @Test("the last words of a sentence, found from its end, are the words split would give",
          arguments: ["the documentary", "  a  plan   called ", "known as", "one", "", "   ", "Zelensky’s “peace” plan", "a b c d e"])
    func lastWords(_ text: String) {
        for count in 1...3 {
            let expected = text.split(separator: " ").suffix(count).map(String.init)
            #expect(QuoteExtractor.lastWords(text, count: count).map(String.init) == expected, "\(text) \(count)")
        }
    }
}
