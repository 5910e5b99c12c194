import Foundation
import Testing
@testable import BriefgenCore

/// Templates compiled to flat programs render what the walk over the parsed tree rendered.
@Suite("Template programs")
struct TemplateProgramTests {
    @Test("every page of the sample site renders as the tree walk renders it")
    func sampleSite() throws {
        let templates = try TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let reference = ReferenceTemplateRenderer(templates: templates.templates)
        let briefing = ListingPageValuesTests.briefing
        var pages = PagePlanner(briefing: briefing, assetURLs: ["site.css": "/assets/site.css"]).pages()
        let articlePages = ArticlePages(config: briefing.config, points: briefing.points, actors: briefing.actors,
                                        assetURLs: ["site.css": "/assets/site.css"], renderInputs: ContentHash())
        pages += ArticlePageValuesTests.analysed.map(articlePages.page)
        #expect(pages.count > 20)
        for page in pages {
            let context = page.context()
            #expect(templates.renderBytes(page.template, context) == reference.render(page.template, context), "\(page.outputPath)")
        }
    }

    @Test("generated templates and contexts render as the tree walk renders them")
    func generated() throws {
        var random = SeededRandom(seed: 7)
        var written = 0
        for round in 0..<400 {
            var generator = TemplateGenerator(random: random)
            let sources = generator.theme()
            let context = generator.context(depth: 3)
            random = generator.random
            var templates: [String: Template] = [:]
            for (name, source) in sources { templates[name] = try Template(name: name, source: source) }
            let compiled = TemplateRenderer(templates: templates).renderBytes("main", context)
            let expected = ReferenceTemplateRenderer(templates: templates).render("main", context)
            #expect(String(decoding: compiled, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "round \(round): \(sources["main"]!)")
            if !compiled.isEmpty { written += 1 }
        }
        #expect(written > 300, "the generated templates write something")
    }

    @Test("pages that outgrow the room they start in, by a byte or by far, come out whole")
    func largePages() throws {
        let templates = ["main": try Template(name: "main", source: "{{#items}}{{.}}{{/items}}<{{tail}}>"),
                         "indented": try Template(name: "indented", source: "a\n  {{>main}}\nb")]
        let renderer = TemplateRenderer(templates: templates)
        let reference = ReferenceTemplateRenderer(templates: templates)
        let room = TemplateRenderer.pageCapacity
        for size in [0, 1, room - 3, room - 2, room - 1, room, room + 1, 3 * room + 5] {
            // Items of 1,000 bytes, then one of the rest, then "<" tail ">": `size` bytes in all.
            let body = max(size - 2, 0)
            var items: [TemplateValue] = Array(repeating: .string(String(repeating: "x", count: 999) + "\n"), count: body / 1000)
            items.append(.string(String(repeating: "y", count: body % 1000)))
            let context: TemplateValue = ["items": .list(items), "tail": ""]
            let page = renderer.renderBytes("main", context)
            // Compared as one flag: a failure printing both pages byte by byte takes minutes.
            let same = page == reference.render("main", context)
            let sameIndented = renderer.renderBytes("indented", context) == reference.render("indented", context)
            #expect(page.count == max(size, 2), "\(size)")
            #expect(same, "\(size)")
            #expect(sameIndented, "\(size)")
        }
    }

    @Test("text in pieces, and text escaped once, render as the plain text, wherever a template uses it")
    func pieces() throws {
        let samples: [[String]] = [[], [""], ["", ""], ["a"], ["", "b"], ["<p>x & y</p>\n", "", "<h2 id=\"s\">It's</h2>\n"],
                                   ["Київ ", "&", " 🇺🇦"], ["Mixed Case", " words"]]
        let source = "{{x}}|{{{x}}}|{{& x}}|{{#x}}[{{.}}]{{/x}}|{{^x}}none{{/x}}|{{#empty(x)}}E{{/empty(x)}}|{{uppercased(x)}}"
            + "|{{lowercased(x)}}|{{capitalized(x)}}|{{x.y}}|{{#x}}{{y}}{{/x}}|{{count(x)}}|{{% CONTENT_TYPE: TEXT }}{{x}}"
        let templates = ["main": try Template(name: "main", source: source)]
        let renderer = TemplateRenderer(templates: templates)
        for sample in samples {
            let inPieces = renderer.render("main", ["x": .pieces(sample), "y": "outer"])
            let joined = renderer.render("main", ["x": .string(sample.joined()), "y": "outer"])
            let prepared = renderer.render("main", ["x": .escapedOnce(sample.joined()), "y": "outer"])
            #expect(inPieces == joined, "\(sample)")
            #expect(prepared == joined, "\(sample)")
            #expect(TemplateValue.pieces(sample).isTruthy == TemplateValue.string(sample.joined()).isTruthy, "\(sample)")
            #expect(TemplateValue.escapedOnce(sample.joined()).isTruthy == TemplateValue.string(sample.joined()).isTruthy)
        }
    }
}

/// The page buffer's escaping, against escaping scalar by scalar.
@Suite("Page bytes")
struct PageBytesTests {
    @Test("escaping finds every special byte wherever it falls in an eight-byte step, in text of any length")
    func escapingScan() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "b", " ", "&", "<", ">", "\"", "'", "é", "Київ", "🇺🇦", "\u{2028}", "x"]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.next(60) { text += random.next(4) == 0 ? pieces[random.next(pieces.count)] : "w" }
            var page = PageBytes(capacity: 1)
            page.append(escaping: text)
            #expect(page.array == Array(ReferenceEscaping.html(text).utf8), "\(text)")
        }
    }
}

/// Random Mustache sources over a few names, using every kind of tag: sections over lists,
/// objects and lambdas, inverted sections, partials standing alone (indented) and inline,
/// parents with block overrides, nested parents, content-type pragmas, comments.
struct TemplateGenerator {
    var random: SeededRandom

    private static let names = ["a", "b", "list", "obj", "obj.a", "obj.list", ".", ".a", "empty(list)", "count(list)",
                                "first(list)", "reversed(list)", "missing", "flag", "lam", "uppercased(a)", "obj.missing.a"]
    private static let texts = ["x", "<&>\"'", "\n", "  ", "é", " line\n", "\n  ", "Київ"]

    /// `main` may use every other template; `p1` uses `p2`; `middle` is a child of `base`; none
    /// includes itself, so rendering ends.
    mutating func theme() -> [String: String] {
        [
            "main": fragment(depth: 3, partials: ["p1", "p2", "nowhere"], parents: ["base", "middle", "nowhere"]),
            "p1": fragment(depth: 2, partials: ["p2"], parents: []),
            "p2": fragment(depth: 2, partials: [], parents: []),
            "base": fragment(depth: 2, partials: ["p2"], parents: [], blocks: true),
            "middle": "{{<base}}" + overrides(depth: 2) + "{{/base}}",
        ]
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[random.next(items.count)] }

    private mutating func fragment(depth: Int, partials: [String], parents: [String], blocks: Bool = false) -> String {
        var result = ""
        for _ in 0..<(1 + random.next(5)) {
            result += piece(depth: depth, partials: partials, parents: parents, blocks: blocks)
        }
        return result
    }

    private mutating func piece(depth: Int, partials: [String], parents: [String], blocks: Bool) -> String {
        let choice = random.next(depth > 0 ? 13 : 5)
        switch choice {
        case 0, 1: return pick(Self.texts)
        case 2: return "{{" + pick(Self.names) + "}}"
        case 3: return random.next(2) == 0 ? "{{{" + pick(Self.names) + "}}}" : "{{& " + pick(Self.names) + "}}"
        case 4: return pick(["{{! note }}", "{{% CONTENT_TYPE: TEXT }}", "{{% CONTENT_TYPE: HTML }}", "\n{{! alone }}\n"])
        case 5, 6:
            let name = pick(Self.names)
            let body = fragment(depth: depth - 1, partials: partials, parents: parents, blocks: blocks)
            let sigil = random.next(3) == 0 ? "^" : "#"
            return random.next(2) == 0 ? "{{\(sigil)\(name)}}\(body){{/\(name)}}" : "\n  {{\(sigil)\(name)}}\n\(body)\n  {{/\(name)}}\n"
        case 7, 8:
            guard !partials.isEmpty else { return "" }
            let name = pick(partials)
            return pick(["{{>\(name)}}", "\n  {{> \(name)}}\n", "\n{{>\(name)}}\n", "\t{{>\(name)}}\n"])
        case 9, 10:
            guard blocks else { return pick(Self.texts) }
            let name = pick(["b1", "b2", "b3"])
            return "{{$\(name)}}" + fragment(depth: depth - 1, partials: partials, parents: parents, blocks: true) + "{{/\(name)}}"
        default:
            guard !parents.isEmpty else { return "{{" + pick(Self.names) + "}}" }
            let name = pick(parents)
            return pick(["", "\n  "]) + "{{<\(name)}}" + overrides(depth: depth - 1) + "{{/\(name)}}" + pick(["", "\n"])
        }
    }

    /// Block overrides for a parent tag, with text between them (which a parent ignores). An
    /// override holds no blocks: one of its own name would stand for itself, without end.
    private mutating func overrides(depth: Int) -> String {
        var result = ""
        for _ in 0..<random.next(4) {
            let name = pick(["b1", "b2", "b3", "b4"])
            result += pick(["", "ignored", "\n"]) + "{{$\(name)}}"
                + fragment(depth: max(depth - 1, 0), partials: ["p2"], parents: [], blocks: false) + "{{/\(name)}}"
        }
        return result
    }

    /// An object with the names the templates use, values of every kind.
    mutating func context(depth: Int) -> TemplateValue {
        var fields = TemplateFields()
        for name in ["a", "b", "list", "obj", "flag", "lam"] where random.next(4) > 0 {
            fields[name] = value(for: name, depth: depth)
        }
        return .object(fields)
    }

    private mutating func value(for name: String, depth: Int) -> TemplateValue {
        switch name {
        case "list":
            guard depth > 0 else { return [] }
            return .list((0..<random.next(4)).map { _ in random.next(3) == 0 ? .string(pick(Self.texts)) : context(depth: depth - 1) })
        case "obj": return depth > 0 ? context(depth: depth - 1) : .null
        case "flag": return .bool(random.next(2) == 0)
        case "lam": return .lambda { "<" + $0 + ">" }
        default:
            return pick([.string(pick(Self.texts)), .int(random.next(5) - 2), .string(""), .null, .bool(true),
                         .pieces([pick(Self.texts), "", pick(Self.texts)]), .pieces(["", ""]),
                         .escapedOnce(pick(Self.texts)), .escapedOnce("")])
        }
    }
}
