import Testing
@testable import BriefgenCore

/// The front matter fences are found on bytes; this holds them to the reading on characters they
/// replaced, on generated files with non-ASCII text, combining marks, CRLF, a BOM, tabs and odd YAML.
@Suite("Front matter fences")
struct FrontMatterTests {
    /// `FrontMatter.parse` as it was written on characters: the YAML text, the body and its first
    /// line, nil without front matter, or the diagnostic. (A file of just `---` made it crash.)
    static func byCharacters(_ source: SourceText) -> Result<(yaml: String, body: String, bodyFirstLine: Int)?, Diagnostic> {
        let text = source.text
        guard text.hasPrefix("---\n") || text == "---" || text.hasPrefix("---\r") else { return .success(nil) }
        let yamlStart = text.firstIndex(of: "\n").map(text.index(after:)) ?? text.endIndex
        var cursor = yamlStart
        var lineNumber = 2
        while cursor < text.endIndex {
            let lineEnd = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[cursor..<lineEnd]
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return .success((String(text[yamlStart..<cursor]), String(text[bodyStart...]), lineNumber + 1))
            }
            cursor = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
        }
        return .failure(Diagnostic(file: source.path, line: 1, "the front matter that starts here is never closed with a '---' line"))
    }

    static func texts() -> [String] {
        var random = SeededRandom(seed: 0x51A7_E0F1_D2C3_B4A5)
        let lines = ["---", "...", "--- ", " ---", "----", "--", "-- -", "..", "---\u{301}", "-\u{301}--", "\u{FEFF}---",
                     "title: Überblick – “Gespräche”", "title: \"Session 4: Progress\"", "date: 2025-01-02", "date: 2025-02-30",
                     "draft: yes", "points: [a, b]", "actors:", "  - kovac", "\t- tabbed", "key: value # comment", "title: 日本語",
                     "é\u{301}", "", " ", "# comment", "Body text with — dashes.", "\u{85}next", "a: \u{7}bell", "title: [unclosed"]
        var texts: [String] = ["---", "---\n", "---\n---", "---\n...\n", "---\r\n---\r\nbody", "\u{FEFF}---\ntitle: x\n---\nbody",
                               "---\rtitle: x\r---\rbody", "", "no front matter\n---\n"]
        for _ in 0..<800 {
            let count = random.next(12)
            var lineList = (0..<count).map { _ in lines[random.next(lines.count)] }
            if random.next(2) == 0 { lineList.insert(["---", "..."][random.next(2)], at: random.next(count + 1)) }
            if random.next(4) != 0 { lineList.insert("---", at: 0) }
            let breaks = ["\n", "\r\n", "\r"]
            let lineBreak = breaks[random.next(random.next(3) == 0 ? 3 : 1)]
            var text = lineList.joined(separator: lineBreak)
            if random.next(2) == 0 { text += lineBreak }
            if random.next(8) == 0 { text = "\u{FEFF}" + text }
            texts.append(text)
        }
        return texts
    }

    @Test("the fences found on bytes split every file as the reading on characters does")
    func agreesWithCharacters() {
        var withMatter = 0
        for text in FrontMatterTests.texts() {
            let source = SourceText(path: "articles/a.md", text: text)
            let parsed = Result { () throws(Diagnostic) in try FrontMatter.parse(source) }
            switch FrontMatterTests.byCharacters(source) {
            case .success(nil):
                #expect(parsed.map(\.line) == .success(nil), "\(text.debugDescription)")
                #expect(parsed.map(\.body) == .success(source.text), "\(text.debugDescription)")
            case .success(let (yaml, body, bodyFirstLine)?):
                withMatter += 1
                let entries = Result { () throws(Diagnostic) -> [YAMLEntry] in
                    switch try YAMLValue.parse(yaml, firstLine: 2, file: source.path) {
                    case .none: return []
                    case .map(let map, _)?: return map
                    case .some(let other):
                        throw Diagnostic(file: source.path, line: other.line, "front matter must be a list of 'key: value' lines")
                    }
                }
                #expect(parsed.map(\.entries) == entries, "\(text.debugDescription)")
                if case .success = entries {
                    #expect(parsed.map(\.body) == .success(body), "\(text.debugDescription)")
                    #expect(parsed.map(\.bodyFirstLine) == .success(bodyFirstLine), "\(text.debugDescription)")
                    #expect(parsed.map(\.line) == .success(1), "\(text.debugDescription)")
                }
            case .failure(let problem):
                #expect(parsed.map(\.line) == .failure(problem), "\(text.debugDescription)")
            }
        }
        #expect(withMatter > 300)
    }
}
