import Foundation
import Testing
@testable import BriefgenCore

/// The fast front matter reader must agree with Yams wherever it answers, and hand everything
/// else over.
@Suite("Flat front matter")
struct FlatYAMLTests {
    static let flat: [String] = [
        "title: Talks resume\ndate: 2025-12-29\n",
        "title: \"Session 4: Progress and Questions\"\ndate: 2025-01-02\ndraft: true\n",
        "title: 'Single: quoted'\nsource: https://example.org/a?b=c\n",
        "# a comment\n\ntitle:   spaced value   \nsummary: Kyiv – Moscow talks, in brief\n",
        "title: Zelensky's plan\nurl: http://example.org/x#y\n",
        "title: ~\n",
        "order: 3\nstatus: nearing\n",
        "\n\n",
        "",
        "title: Überblick über die Gespräche\n",
        "key_with-dash: value\n",
        "title: a#b\n",
        "points: [european-role, security-guarantees]\nactors: []\n",
        "aliases: [Trump, \"Donald J. Trump\", 'The President']\n",
        "title: Kyiv, Moscow [and] {others}\n",
    ]
    /// Front matter the fast reader must leave to Yams.
    static let notFlat: [String] = [
        "keywords:\n  - Donbas\n  - territory\n",
        "aliases: [Trump, , Vance]\n",
        "aliases: [Trump, Vance, ]\n",
        "aliases: [[nested], list]\n",
        "aliases: [a: b]\n",
        "aliases: [unclosed\n",
        "title: \"Escaped \\\" quote\"\n",
        "title: 'It''s'\n",
        "title: value # comment\n",
        "title: key: value\n",
        "summary: >\n  folded\n  text\n",
        "title: first\n  continued\n",
        "title: *alias\n",
        "title: !tag value\n",
        "title: one\ntitle: two\n",
        "title: tab\there\n",
        "title: [unclosed\n",
        "- item\n",
        "map:\n  inner: 1\n",
        "title: ends with colon:\n",
        "title: \"unclosed\n",
        "title: next\u{85}line\n",
    ]

    @Test("flat front matter reads the same as with Yams", arguments: flat)
    func agreesWithYams(_ yaml: String) throws {
        let fast = try #require(FlatYAML.parse(yaml, firstLine: 2), "read without Yams")
        #expect(fast == (try YAMLValue.parseWithYams(yaml, firstLine: 2, file: "a.md")))
    }

    @Test("anything else is left to Yams", arguments: notFlat)
    func handsOver(_ yaml: String) {
        #expect(FlatYAML.parse(yaml, firstLine: 2) == nil)
    }

    @Test("every front matter of the sample content reads the same either way")
    func sampleContent() throws {
        let files = FileManager.default.enumerator(at: TestPaths.content, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" || $0.pathExtension == "yml" }
        #expect(files.count > 10)
        var readFast = 0
        for file in files {
            var text = try String(contentsOf: file, encoding: .utf8)
            if file.pathExtension == "md" {
                guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { continue }
                text = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"
            }
            let expected = try YAMLValue.parseWithYams(text, firstLine: 2, file: file.lastPathComponent)
            #expect(try YAMLValue.parse(text, firstLine: 2, file: file.lastPathComponent) == expected, "\(file.lastPathComponent)")
            if FlatYAML.parse(text, firstLine: 2) != nil { readFast += 1 }
        }
        #expect(readFast > 0)
    }
}
