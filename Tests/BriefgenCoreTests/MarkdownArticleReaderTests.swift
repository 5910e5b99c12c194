import Foundation
import Testing
@testable import BriefgenCore

@Suite("Markdown article reader")
struct MarkdownArticleReaderTests {
    func read(_ text: String, path: String = "articles/a.md") throws(Diagnostic) -> Article {
        try MarkdownArticleReader.read(SourceText(path: path, text: text), slug: "a")
    }

    @Test("reads every front matter field")
    func fields() throws {
        let article = try read("""
        ---
        title: "Talks resume: what to expect"
        date: 2025-12-29
        source: Editors
        url: https://example.org/story
        points: [territory, security-guarantees]
        actors:
          - kovac
        draft: true
        ---

        First paragraph.
        """)
        #expect(article.title == "Talks resume: what to expect")
        #expect(article.date.iso == "2025-12-29")
        #expect(article.source == "Editors")
        #expect(article.url == "https://example.org/story")
        #expect(article.declaredPoints == ["territory", "security-guarantees"])
        #expect(article.declaredActors == ["kovac"])
        #expect(article.draft)
        #expect(article.markdown.trimmingWhitespace == "First paragraph.")
        #expect(article.bodyFirstLine == 11)
        #expect(article.lines["points"] == 6)
    }

    @Test("a link to the original that is not a web address is refused on its line")
    func urlThatIsNotWeb() throws {
        func page(_ url: String) -> String { "---\ntitle: One\ndate: 2025-12-29\nurl: \(url)\n---\nBody\n" }
        let message = "'url' should be a web address starting with https:// or http:// (with no spaces, quote marks or '<'), not "
        for bad in ["javascript:alert(1)", "//evil.example/x", "/articles/other/", "ftp://example.org/a", "\"https://a.example/b c\"",
                    "https://", "http:///path", "https://?q=1"] {
            let shown = bad.hasPrefix("\"") ? String(bad.dropFirst().dropLast()) : bad
            #expect(throws: Diagnostic(file: "articles/a.md", line: 4, message + "'\(shown)'")) { try read(page(bad)) }
        }
        let long = "mailto:" + String(repeating: "x", count: 80)
        #expect(throws: Diagnostic(file: "articles/a.md", line: 4, message + "'\(long.prefix(60))…'")) { try read(page(long)) }
        // A web address in either case, padded or not, is kept (trimmed); an empty one is no link.
        #expect(try read(page("HTTPS://Example.org/Story")).url == "HTTPS://Example.org/Story")
        #expect(try read(page("\"  http://example.org/a?b=1&c  \"")).url == "http://example.org/a?b=1&c")
        #expect(try read(page("\"\"")).url == nil)
        #expect(try read(page("")).url == nil)
    }

    @Test("a known key in other capitals, a letter or two off, or with two letters swapped is reported; other keys are ignored")
    func misspelledKeys() throws {
        func page(_ line: String) -> String { "---\ntitle: One\ndate: 2025-12-29\n\(line)\n---\nBody\n" }
        for (line, expected) in [("URL: https://a.example/", "url"), ("Url: https://a.example/", "url"), ("ulr: https://a.example/", "url"),
                                 ("Source: Wire", "source"), ("TITLE: Two", "title"),
                                 ("pionts: [territory]", "points")] {
            let key = String(line.prefix { $0 != ":" })
            #expect(throws: Diagnostic(file: "articles/a.md", line: 4, "unknown key '\(key)'; did you mean '\(expected)'?")) { try read(page(line)) }
        }
        // Keys of an editor's own, not close to any briefgen reads, stay allowed, as in Hugo.
        for line in ["tag: x", "ur: x", "urn: \"urn:example:filler:1\"", "uri: x", "dat: x", "day: Monday", "editor: Kest", "weight: 3"] {
            #expect(try read(page(line)).title == "One", "\(line)")
        }
    }

    @Test("strings written for front matter (by import) read back as they were, line separators and control characters too")
    func yamlStringsRoundTrip() throws {
        // (Control characters are not among them: the readers make them spaces, whatever the quoting.)
        let values = ["plain", "quote \" and \\ backslash", "tab\there", "line\nbreak", "sep\u{2028}arated", "para\u{2029}graph", "#hash -  \u{2028}  tab here", "x \u{2029} y",
                      "bom\u{FEFF}inside", "Київ — “curly” ‘quotes’ …",
                      "  padded  ", "#hash - tab: colon", "emoji 🇺🇦"]
        for value in values {
            let article = try read("---\ntitle: \(YAMLText.string(value))\ndate: 2025-12-29\nsource: \(YAMLText.string(value))\n---\nBody\n")
            #expect(article.title == value && article.source == value, "\(value.debugDescription)")
            // With a list of quotes, as import writes, the whole front matter goes to libyaml.
            let imported = try read("---\ntitle: \(YAMLText.string(value))\ndate: 2025-12-29\nquotes:\n  - text: \(YAMLText.string(value))\n---\nBody\n")
            #expect(imported.title == value && imported.quotes?.first?.text == value, "libyaml: \(value.debugDescription)")
        }
    }

    @Test("malformed YAML names the file and the line")
    func malformedYAML() {
        #expect {
            try read("---\ntitle: One\ndate: 2025-12-29\npoints: [territory\n---\nBody\n")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.file == "articles/a.md" && diagnostic.line != nil && diagnostic.line! >= 4
                && diagnostic.message.hasPrefix("invalid YAML")
        }
    }

    @Test("an impossible date is reported on its line")
    func impossibleDate() {
        #expect(throws: Diagnostic(file: "articles/a.md", line: 3, "'date' is 2025-02-30, a day that does not exist")) {
            try read("---\ntitle: One\ndate: 2025-02-30\n---\nBody\n")
        }
    }

    @Test("a missing date is an error")
    func missingDate() {
        #expect(throws: Diagnostic(file: "articles/a.md", line: 1, "the front matter has no 'date' (write it as date: YYYY-MM-DD)")) {
            try read("---\ntitle: One\n---\nBody\n")
        }
    }

    @Test("a date that is not a date says so")
    func wrongDate() {
        #expect(throws: Diagnostic(file: "articles/a.md", line: 3, "'date' should be a date written YYYY-MM-DD, not 'yesterday'")) {
            try read("---\ntitle: One\ndate: yesterday\n---\nBody\n")
        }
        // A real day in other digits is not called a day that does not exist.
        #expect(throws: Diagnostic(file: "articles/a.md", line: 3, "'date' should be a date written YYYY-MM-DD, not '٢٠٢٥-١٢-٢٠'")) {
            try read("---\ntitle: One\ndate: ٢٠٢٥-١٢-٢٠\n---\nBody\n")
        }
    }

    @Test("unclosed front matter is reported at its start")
    func unclosed() {
        #expect(throws: Diagnostic(file: "articles/a.md", line: 1, "the front matter that starts here is never closed with a '---' line")) {
            try read("---\ntitle: One\ndate: 2025-12-29\nBody\n")
        }
    }

    @Test("a missing title is an error")
    func missingTitle() {
        #expect(throws: Diagnostic(file: "articles/a.md", line: 1, "the front matter has no 'title'")) {
            try read("---\ndate: 2025-12-29\n---\nBody\n")
        }
    }

    @Test("quotes in front matter are read back")
    func quotes() throws {
        let article = try read("""
        ---
        title: T
        date: 2025-12-29
        quotes:
          - text: "We will not give up"
            speaker: Maria Kovac
            actor: kovac
          - text: Peace needs time
        ---
        Body
        """)
        #expect(article.quotes == [Quote(text: "We will not give up", speaker: "Maria Kovac", actor: "kovac"),
                                   Quote(text: "Peace needs time")])
    }
}

@Suite("Source files")
struct SourceTextTests {
    @Test("invalid UTF-8 names the file, line and column")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("date 2025-12-29 Fine\n\nStill fine\nbad ".utf8) + [0xC3, 0x28] + Array(" here\n".utf8)
        #expect(throws: Diagnostic(file: "articles/bad.txt", line: 4, column: 5, "the file is not valid UTF-8 (save it as UTF-8 text)")) {
            try SourceText.decode(Data(bytes), path: "articles/bad.txt")
        }
    }

    @Test("a byte order mark and CRLF line endings are normalised")
    func normalisation() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n".utf8)
        let source = try SourceText.decode(Data(bytes), path: "x.txt")
        #expect(source.text == "one\ntwo\nthree\n")
    }

    @Test("an unreadable file is reported by name")
    func unreadable() {
        let folder = TemporaryFolder()
        #expect(throws: Diagnostic(file: "Content/articles/missing.txt", "cannot read the file: No such file or directory")) {
            try SourceText.read(fileAt: folder.path("missing.txt"), displayPath: "Content/articles/missing.txt")
        }
        try? FileManager.default.createDirectory(at: folder.path("folder.txt"), withIntermediateDirectories: true)
        #expect(throws: Diagnostic(file: "folder.txt", "cannot read the file: it is a folder")) {
            try SourceText.read(fileAt: folder.path("folder.txt"), displayPath: "folder.txt")
        }
    }
}
