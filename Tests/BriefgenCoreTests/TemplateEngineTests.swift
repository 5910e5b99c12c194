import Testing
@testable import BriefgenCore

/// briefgen's Mustache engine, against the behaviours of the Mustache specification that themes rely on.
@Suite("Template engine")
struct TemplateEngineTests {
    func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try Template(name: "main", source: source)]
        for (name, text) in partials { templates[name] = try Template(name: name, source: text) }
        return TemplateRenderer(templates: templates).render("main", context)
    }

    @Test("variables are HTML-escaped; triple braces and & are not")
    func escaping() throws {
        let context: TemplateValue = ["x": "<b>\"Tom\" & 'Jerry'</b>"]
        #expect(try render("{{x}}", context) == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
        #expect(try render("{{{x}}}|{{& x}}", context) == "<b>\"Tom\" & 'Jerry'</b>|<b>\"Tom\" & 'Jerry'</b>")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{x}}", context) == "<b>\"Tom\" & 'Jerry'</b>")
        #expect(try render("é {{x}} ü", ["x": "ø&"]) == "é ø&amp; ü")
    }

    @Test("dotted names, the current item, and lookups up the stack")
    func names() throws {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "name": "outer", "items": [["name": "one"], ["other": "x"]]]
        #expect(try render("{{a.b.c}}", context) == "deep")
        #expect(try render("{{a.missing.c}}", context) == "")
        #expect(try render("{{#items}}[{{name}}]{{/items}}", context) == "[one][outer]", "a missing key is looked up outside")
        #expect(try render("{{#items}}[{{.name}}]{{/items}}", context) == "[one][]", "a leading dot looks only at the item")
        #expect(try render("{{#a.b}}{{c}}{{/a.b}}", context) == "deep")
        #expect(try render("{{#list}}{{.}},{{/list}}", ["list": ["x", "y"]]) == "x,y,")
    }

    /// Name lookup as it was written before it walked the stack and the parts by index.
    static func lookupLongWay(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        var value: TemplateValue?
        if name.parts.isEmpty {
            value = stack.last
        } else if name.currentOnly {
            value = stack.last?.child(name.keys[0])
        } else {
            for item in stack.reversed() {
                if case .object(let fields) = item, let found = fields[name.keys[0]] {
                    value = found
                    break
                }
            }
        }
        for key in name.keys.dropFirst() {
            guard let current = value else { return nil }
            value = current.child(key)
        }
        for transform in name.transforms {
            guard let current = value else {
                if transform == "empty" { value = .bool(true); continue }
                return nil
            }
            value = TemplateRenderer.apply(transform, to: current)
        }
        return value
    }

    @Test("names are found where the long way finds them: up the stack, inside, missing, transformed")
    func lookupByIndex() throws {
        let inner: TemplateValue = ["name": "inner", "list": ["x"], "empty": [], "n": 3, "a": ["b": .null]]
        let outer: TemplateValue = ["name": "outer", "a": ["b": ["c": "deep"], "d": "text"], "list": [], "flag": false, "s": "Word"]
        let stacks: [[TemplateValue]] = [[], [outer], [outer, inner], [outer, "plain", inner], [inner, outer], [outer, ["x", "y"]]]
        let names = ["name", "a", "a.b", "a.b.c", "a.b.c.d", "a.d", "a.missing", "a.missing.c", "missing", "missing.x", ".name", ".a.b",
                     ".", "list", "empty(list)", "count(list)", "first(list)", "empty(missing)", "empty(a.missing)", "empty(a.missing.c)",
                     "count(missing)", "uppercased(s)", "plusone(n)", "empty(count(list))", "flag", "n", "s"]
        for stack in stacks {
            for text in names {
                let name = try #require(TemplateName(text))
                let found = TemplateRenderer.lookup(name, in: stack).map(ListingPageValuesTests.dump) ?? "nil"
                let expected = Self.lookupLongWay(name, in: stack).map(ListingPageValuesTests.dump) ?? "nil"
                #expect(found == expected, "\(text) in a stack of \(stack.count)")
            }
        }
    }

    @Test("sections: lists, objects, booleans, empty things; inverted sections")
    func sections() throws {
        let context: TemplateValue = ["yes": true, "no": false, "empty": [], "text": "", "object": ["v": 1], "null": .null]
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#text}}T{{/text}}{{#null}}0{{/null}}{{#missing}}M{{/missing}}", context) == "Y")
        #expect(try render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^text}}T{{/text}}{{^null}}0{{/null}}{{^missing}}M{{/missing}}", context) == "NET0M")
        #expect(try render("{{#object}}{{v}}{{/object}}", context) == "1")
    }

    @Test("transforms: empty, count, first, last, reversed, case")
    func transforms() throws {
        let context: TemplateValue = ["list": ["a", "b", "c"], "none": [], "word": "Hello"]
        #expect(try render("{{^empty(list)}}has{{/empty(list)}}{{#empty(none)}}none{{/empty(none)}}{{#empty(missing)}}missing{{/empty(missing)}}", context) == "hasnonemissing")
        #expect(try render("{{count(list)}} {{first(list)}} {{last(list)}} {{#reversed(list)}}{{.}}{{/reversed(list)}}", context) == "3 a c cba")
        #expect(try render("{{lowercased(word)}} {{uppercased(word)}}", context) == "hello HELLO")
    }

    @Test("standalone tags take their whole line with them; inline ones do not")
    func standalone() throws {
        #expect(try render("a\n  {{#yes}}\nb\n  {{/yes}}\nc\n", ["yes": true]) == "a\nb\nc\n")
        #expect(try render("a {{#yes}}b{{/yes}} c\n", ["yes": true]) == "a b c\n")
        #expect(try render("a\n{{! a comment }}\nb", [:]) == "a\nb")
        #expect(try render("a\r\n  {{#yes}}\r\nb\r\n  {{/yes}}\r\n", ["yes": true]) == "a\r\nb\r\n")
    }

    @Test("partials, indented when they stand alone")
    func partials() throws {
        #expect(try render("<{{> item}}>", ["x": "1"], partials: ["item": "[{{x}}]"]) == "<[1]>")
        #expect(try render("<ul>\n  {{> item}}\n</ul>", ["x": "1"], partials: ["item": "<li>{{x}}</li>\n<li>2</li>\n"]) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
    }

    @Test("template inheritance: blocks, defaults, nested parents")
    func inheritance() throws {
        let partials = [
            "base": "<title>{{$title}}Default{{/title}}</title><main>{{$content}}{{/content}}</main>",
            "middle": "{{<base}}{{$title}}Middle{{/title}}{{$content}}[{{$inner}}inner default{{/inner}}]{{/content}}{{/base}}",
        ]
        #expect(try render("{{<base}}{{$content}}Hello {{name}}{{/content}}{{/base}}", ["name": "World"], partials: partials)
                == "<title>Default</title><main>Hello World</main>")
        #expect(try render("{{<middle}}{{$inner}}override{{/inner}}{{/middle}}", [:], partials: partials)
                == "<title>Middle</title><main>[override]</main>")
        #expect(try render("{{<middle}}{{$title}}Child{{/title}}{{/middle}}", [:], partials: partials)
                == "<title>Child</title><main>[inner default]</main>")
    }

    @Test("set delimiters and lambdas")
    func delimitersAndLambdas() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}}", ["x": "1"]) == "1 {{x}}")
        let context: TemplateValue = ["asset": .lambda { "/assets/" + $0.uppercased() }]
        #expect(try render("{{#asset}}a&b.css{{/asset}}", context) == "/assets/A&amp;B.CSS")
    }

    @Test("parse errors say where and what", arguments: [
        ("{{#a}}x", TemplateError(line: 1, column: 1, message: "the section {{#a}} is never closed with {{/a}}")),
        ("line\n{{#a}}x{{/b}}", TemplateError(line: 2, column: 8, message: "the closing tag {{/b}} does not match the section {{#a}} it closes")),
        ("{{/a}}", TemplateError(line: 1, column: 1, message: "the closing tag {{/a}} has no section to close")),
        ("ab {{x", TemplateError(line: 1, column: 4, message: "a tag is not finished: '{{' without a matching '}}'")),
        ("{{=<%=}}", TemplateError(line: 1, column: 1, message: "the set-delimiter tag is malformed; write it as {{=<% %>=}}")),
        ("{{% FOO: BAR}}", TemplateError(line: 1, column: 1, message: "unknown pragma; only {{% CONTENT_TYPE: HTML }} and {{% CONTENT_TYPE: TEXT }} are understood")),
        ("{{a b}}", TemplateError(line: 1, column: 1, message: "'a b' is not a valid name")),
        ("<p>{{oops\n<b>x</b>\n</p>{{/content}}", TemplateError(line: 1, column: 4, message: "a tag is not finished: 'oops' has no closing braces on its line")),
    ])
    func errors(_ source: String, _ expected: TemplateError) {
        #expect(throws: expected) { try Template(name: "t", source: source) }
    }
}
