import Testing
@testable import BriefgenCore

@Suite("Markdown through cmark")
struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test("raw HTML is dropped: script, iframe, event handlers", arguments: [
        "<script>alert(1)</script>",
        "Text <script>alert(1)</script> more",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<img src=x onerror=alert(1)>",
        "Hello <span onmouseover=\"alert(1)\">there</span>",
        "<div><a href=\"javascript:alert(1)\">x</a></div>",
        "<svg onload=alert(1)>",
    ])
    func rawHTML(_ markdown: String) {
        let html = renderer.render(markdown).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onmouseover"))
        #expect(!html.contains("onload"))
        #expect(!html.contains("javascript:"))
    }

    @Test("unsafe link targets are removed", arguments: [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
    ])
    func unsafeLinks(_ markdown: String) {
        // The words may remain as text; what matters is that no href or src carries them.
        let html = renderer.render(markdown).html.lowercased()
        for attribute in ["href=\"", "src=\""] {
            #expect(!html.contains(attribute + "javascript:"))
            #expect(!html.contains(attribute + "vbscript:"))
            #expect(!html.contains(attribute + "data:text/html"))
        }
    }

    @Test("text is escaped, not interpreted")
    func escaping() {
        let html = renderer.render("Tom & Jerry say \"5 < 6\"").html
        #expect(html.contains("Tom &amp; Jerry"))
        #expect(html.contains("5 &lt; 6"))
    }

    @Test("smart punctuation curls quotes and dashes")
    func smartPunctuation() {
        let html = renderer.render("\"Yes,\" she said -- it's 'done'...").html
        #expect(html.contains("“Yes,”"))
        #expect(html.contains("–"))
        #expect(html.contains("it’s"))
        #expect(html.contains("‘done’"))
        #expect(html.contains("…"))
    }

    @Test("headings get stable ids, unique within the page")
    func headingIDs() {
        let rendered = renderer.render("## Territory and Donbas\n\nText.\n\n## Territory and Donbas\n\nMore.\n\n### Zelenskyy’s view\n")
        let ids = rendered.headings.compactMap(\.id)
        #expect(ids == ["territory-and-donbas", "territory-and-donbas-1", "zelenskyys-view"])
        #expect(rendered.html.contains("<h2 id=\"territory-and-donbas\">Territory and Donbas</h2>"))
        // Paragraph anchors follow their section.
        #expect(rendered.blocks.compactMap(\.id) == ["territory-and-donbas", "territory-and-donbas-p1", "territory-and-donbas-1",
                                                      "territory-and-donbas-1-p1", "zelenskyys-view"])
    }

    @Test("the summary is the first paragraph's plain text")
    func summary() {
        let rendered = renderer.render("## Heading\n\nThe *first* paragraph with a [link](https://example.org)\nacross lines.\n\nSecond.")
        #expect(rendered.summary == "The first paragraph with a link across lines.")
    }

    @Test("root-relative links follow the base path; others are left alone")
    func basePath() {
        let rendered = MarkdownRenderer(basePath: "/briefings/").render("[a](/points/x/) [b](https://example.org/) [c](#top) [d](//cdn.example/x)")
        #expect(rendered.html.contains("href=\"/briefings/points/x/\""))
        #expect(rendered.html.contains("href=\"https://example.org/\""))
        #expect(rendered.html.contains("href=\"#top\""))
        #expect(rendered.html.contains("href=\"//cdn.example/x\""))
        #expect(rendered.links.map(\.destination) == ["/points/x/", "https://example.org/", "#top", "//cdn.example/x"])
    }

    /// `MarkdownRenderer.string(fromCmark:)` skips the UTF-8 check: whatever the input, every
    /// block's HTML and text must be bytes that checking would leave as they are.
    @Test("cmark's output is valid UTF-8 for any input, so taking it unchecked changes nothing")
    func uncheckedOutputIsValid() {
        var random = SeededRandom(seed: 0x9E37_79B9_7F4A_7C15)
        let pieces = ["a", " ", "\n", "\n\n", "\t", "\"", "'", "--", "...", "é", "Ж", "日本", "😀", "e\u{301}", "\u{0}", "\u{FFFD}",
                      "&#0;", "&#xD800;", "&#xDFFF;", "&#x110000;", "&#99999999;", "&copy;", "&amp;", "&bogus;", "\\", "\\\"",
                      "*", "_", "`", "```\n", "    ", "> ", "- ", "1. ", "# ", "[", "](", ")", "](/x \"t\")", "<", ">", "<b>",
                      "<!--", "-->", "![", "<https://ex.org/é>", "|", "---\n", "\r\n", "\u{85}", "\u{2028}", "%", "&"]
        for basePath in ["", "/sub"] {
            let renderer = MarkdownRenderer(basePath: basePath)
            for _ in 0..<400 {
                let markdown = (0..<random.next(60)).map { _ in pieces[random.next(pieces.count)] }.joined()
                for block in renderer.render(markdown).blocks {
                    for string in [block.html, block.text] {
                        let bytes = Array(string.utf8)
                        #expect(Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes, "\(markdown.debugDescription)")
                    }
                }
            }
        }
        // The shortcut itself gives what checking gives on valid input.
        for text in ["", "plain", "curly “quotes” — dash", "日本語 😀 e\u{301}"] {
            var text = text
            text.withUTF8 { #expect(MarkdownRenderer.string(fromCmark: $0) == String(decoding: $0, as: UTF8.self)) }
        }
    }

    @Test("paragraph ids written in one go read as section, -p and the number")
    func paragraphIDs() {
        for section in ["", "intro", "a-section-long-enough-to-need-the-heap", "société-générale", "x"] {
            for number in Array(1...1_100) + [9_999, 10_000, 123_456_789, Int.max] {
                #expect(MarkdownRenderer.paragraphID(section, number) == section + "-p" + String(number))
            }
        }
    }
}
