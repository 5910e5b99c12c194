import Foundation
import Testing
@testable import BriefgenCore

@Suite("Templates")
struct TemplateSetTests {
    /// A copy of the default theme with one file replaced.
    func theme(replacing name: String, with text: String) -> TemporaryFolder {
        let folder = TemporaryFolder()
        try! FileManager.default.copyItem(at: TestPaths.templates, to: folder.path("Templates"))
        folder.write("Templates/\(name)", text)
        return folder
    }

    func loadErrors(_ folder: TemporaryFolder) -> [Diagnostic] {
        do {
            _ = try TemplateSet.load(from: folder.path("Templates"), displayPath: "Templates")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("the default theme loads")
    func defaultTheme() throws {
        let set = try TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        for name in TemplateSet.required { #expect(set.names.contains(name)) }
    }

    @Test("an unclosed section gives file, line, column and a sentence")
    func unclosedSection() {
        let folder = theme(replacing: "404.mustache", with: "<p>one</p>\n<p>{{#site}}two</p>\n")
        let errors = loadErrors(folder)
        #expect(errors.count == 1)
        let error = errors.first
        #expect(error?.file == "Templates/404.mustache")
        #expect(error?.line != nil && error?.column != nil)
        #expect(error?.message.contains("is never closed") == true)
        #expect(error?.message.contains("expectedSectionEnd") == false, "no bare enum case names")
    }

    @Test("a mismatched closing tag is explained")
    func mismatchedClose() {
        let folder = theme(replacing: "404.mustache", with: "<p>\n{{#site}}x{{/page}}\n</p>\n")
        let error = loadErrors(folder).first
        #expect(error?.file == "Templates/404.mustache")
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("the closing tag {{/page}} does not match the section {{#site}} it closes") == true)
    }

    @Test("an unfinished tag is explained")
    func unfinishedTag() {
        let folder = theme(replacing: "404.mustache", with: "line one\nline {{site.title\n")
        let error = loadErrors(folder).first
        #expect(error?.line == 2)
        #expect(error?.message.hasPrefix("a tag is not finished") == true)
    }

    @Test("a missing partial fails with its name and position")
    func missingPartial() {
        let folder = theme(replacing: "404.mustache", with: "<p>hello</p>\n  {{> partials/nowhere }}\n")
        #expect(loadErrors(folder) == [Diagnostic(file: "Templates/404.mustache", line: 2, column: 3,
                                                  "the partial 'partials/nowhere' does not exist (expected Templates/partials/nowhere.mustache)")])
    }

    @Test("a missing partial or asset inside an inverted section is found too")
    func missingInsideInverted() {
        let folder = theme(replacing: "404.mustache", with: """
            {{^site.title}}
              {{> partials/nowhere }}
            {{/site.title}}
            {{^empty(site.title)}}<link href="{{#asset}}nope.css{{/asset}}">{{/empty(site.title)}}
            """)
        let messages = loadErrors(folder).map(\.message)
        #expect(messages.contains("the partial 'partials/nowhere' does not exist (expected Templates/partials/nowhere.mustache)"))
        #expect(messages.contains("the asset 'nope.css' does not exist (expected Templates/assets/nope.css)"))
    }

    @Test("a missing parent template fails too")
    func missingParent() {
        let folder = theme(replacing: "404.mustache", with: "{{<base}}{{$content}}x{{/content}}{{/base}}")
        #expect(loadErrors(folder) == [Diagnostic(file: "Templates/404.mustache", line: 1, column: 1,
                                                  "the parent template 'base' does not exist (expected Templates/base.mustache)")])
    }

    @Test("a missing required template is named")
    func missingRequired() throws {
        let folder = theme(replacing: "extra.mustache", with: "x")
        try FileManager.default.removeItem(at: folder.path("Templates/timeline.mustache"))
        #expect(loadErrors(folder) == [Diagnostic(file: "Templates", "the theme has no 'timeline.mustache', which briefgen needs to render the site")])
    }

    @Test("an asset helper pointing at a missing file fails")
    func missingAsset() {
        let folder = theme(replacing: "404.mustache", with: "<link href=\"{{#asset}}nope.css{{/asset}}\">")
        #expect(loadErrors(folder).first?.message == "the asset 'nope.css' does not exist (expected Templates/assets/nope.css)")
    }

    @Test("an asset helper naming a folder, a hidden file or a path out of the assets fails too", arguments: [
        "", ".", "../layout.mustache", "../../Content/site.yml", "partials", ".hidden.css", "vendor/a.js",
    ])
    func assetOutsideAssets(_ argument: String) throws {
        let folder = theme(replacing: "404.mustache", with: "<link href=\"{{#asset}}\(argument){{/asset}}\">")
        try? FileManager.default.createDirectory(at: folder.path("Templates/assets/partials"), withIntermediateDirectories: true)
        folder.write("Templates/assets/.hidden.css", "p{}")
        // A linked folder out of the project, which the assets listing does not enter.
        let elsewhere = TemporaryFolder("briefgen-elsewhere")
        elsewhere.write("a.js", "x")
        try FileManager.default.createSymbolicLink(atPath: folder.path("Templates/assets/vendor").path, withDestinationPath: elsewhere.url.path)
        // Behind the link that is not followed, the link is what is reported.
        let expected = argument == "vendor/a.js" ? "is a symbolic link to " : "the asset '\(argument)' does not exist"
        #expect(loadErrors(folder).first?.message.hasPrefix(expected) == true, "\(loadErrors(folder))")
    }

    @Test("a theme folder that is missing, a file, or empty is reported as what it is")
    func missingThemeFolder() throws {
        let folder = TemporaryFolder()
        #expect(loadErrors(folder).map(\.description) == ["Templates: the theme folder does not exist"])
        folder.write("Templates", "not a folder")
        #expect(loadErrors(folder).map(\.description) == ["Templates: the theme folder is a file, not a folder"])
        try FileManager.default.removeItem(at: folder.path("Templates"))
        try FileManager.default.createDirectory(at: folder.path("Templates"), withIntermediateDirectories: true)
        #expect(loadErrors(folder).map(\.description) == ["Templates: no .mustache templates found (is this the theme folder?)"])
    }

    @Test("a template error fails the build and leaves the output alone")
    func buildFails() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Templates/article.mustache", "{{<layout}}{{$content}}{{#article}}{{/content}}{{/layout}}")
        }
        #expect(!problems.isEmpty)
    }

    @Test("templates that include each other without end fail the build with the template named, once")
    func endlessInclusion() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            // The article's override of the layout's content includes `loop`, which names the
            // layout again; the outer override wins there too, so `loop` is included inside itself.
            folder.write("Templates/article.mustache", "{{<layout}}{{$content}}{{>loop}}{{/content}}{{/layout}}")
            folder.write("Templates/loop.mustache", "{{<layout}}{{/layout}}")
        }
        // The tag that closes the loop, with its line, and the chain that led there.
        #expect(problems.map(\.description) == [
            "Templates/loop.mustache:1:1: includes 'layout' while it is still being rendered (layout → loop → layout), "
                + "and nesting passed 64 levels; a template that includes itself needs data that ends the recursion",
        ])
    }

    @Test("partials that each include the next twice, thirty deep, fail the build in seconds instead of running for ever")
    func includeFanOut() throws {
        let folder = TemporaryFolder()
        let started = Date()
        let problems = try TestSite.failedBuildProblems(folder) {
            for level in 0..<30 { folder.write("Templates/partials/e\(level).mustache", "{{> partials/e\(level + 1)}}{{> partials/e\(level + 1)}}") }
            folder.write("Templates/partials/e30.mustache", "x")
            folder.write("Templates/partials/footer.mustache", "<footer>{{> partials/e0}}</footer>")
        }
        // At the tag of one of the deep partials where a page reached the limit (pages differ).
        #expect(!problems.isEmpty && problems.count <= 8)
        for problem in problems {
            #expect(problem.file.hasPrefix("Templates/partials/e") && problem.line == 1, "\(problem)")
            #expect(problem.message.hasPrefix("includes 'partials/e"))
            #expect(problem.message.hasSuffix(" after partials and parents were included 2000000 times on one page; "
                + "templates that each include others more than once multiply at every level: include each once, or loop over data"))
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("a required template that cannot be read is reported once, for what is wrong with it, not also as missing")
    func unreadableRequiredTemplate() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            try? (Data("<urlset>".utf8) + Data([0xFF]) + Data("</urlset>\n".utf8)).write(to: folder.path("Templates/sitemap.xml.mustache"))
            folder.write("Templates/404.mustache", "{{#unclosed}}\n")
        }
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.file == "Templates/sitemap.xml.mustache" })
        #expect(problems.contains { $0.file == "Templates/404.mustache" })
        #expect(!problems.contains { $0.message.contains("the theme has no") })
    }

    @Test("a partial that includes itself, on a line of its own, is reported at that line")
    func selfInclusion() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Templates/partials/footer.mustache", "<footer>\n  <p>Briefing</p>\n  {{> partials/footer}}\n</footer>\n")
        }
        // Every page runs into it; the build reports it once.
        #expect(problems.map(\.description) == [
            "Templates/partials/footer.mustache:3:3: includes 'partials/footer' while it is still being rendered "
                + "(partials/footer → partials/footer), and nesting passed 64 levels; a template that includes itself needs data that ends the recursion",
        ])
    }

    @Test("the loop is reported at the tag that ran, not at an earlier one that never renders")
    func loopAtTheTagThatRan() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Templates/partials/footer.mustache",
                         "{{#no_such_key}}{{> partials/footer}}{{/no_such_key}}\n<footer>\n{{> partials/footer}}\n</footer>\n")
        }
        #expect(problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" } == ["Templates/partials/footer.mustache:3:1"])
    }

    @Test("a loop closed inside a block override is reported in the template that wrote the override")
    func loopInsideOverride() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            // x's override of y's block includes x again, which renders y with the override again.
            folder.write("Templates/404.mustache", "{{> x}}")
            folder.write("Templates/x.mustache", "{{<y}}\n{{$slot}}\n  {{> x}}\n{{/slot}}\n{{/y}}")
            folder.write("Templates/y.mustache", "<div>{{$slot}}{{/slot}}</div>")
        }
        #expect(problems.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" } == ["Templates/x.mustache:3:3"])
        #expect(problems.first?.message.hasPrefix("includes 'x' while it is still being rendered (x → y → x)") == true)
    }

    @Test("seventy different partials nested in a chain fail with the chain, not a loop")
    func longChain() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Templates/404.mustache", "{{> chain/p0}}")
            for level in 0..<70 { folder.write("Templates/chain/p\(level).mustache", level < 69 ? "{{> chain/p\(level + 1)}}" : "end") }
        }
        #expect(problems.map(\.file) == ["Templates/404.mustache"])
        #expect(problems.first?.message.hasPrefix("partials and parent templates nest more than 64 levels deep when rendering it: 404 → chain/p0 → chain/p1 → ") == true)
    }

    @Test("a partial that includes itself is fine while the data ends it")
    func recursionThatEnds() throws {
        let folder = theme(replacing: "tree.mustache", with: "{{name}}{{#children}}({{>tree}}){{/children}}")
        let templates = try TemplateSet.load(from: folder.path("Templates"), displayPath: "Templates")
        func node(_ depth: Int) -> TemplateValue {
            .object(TemplateFields(distinct: [("name", .string("n\(depth)")), ("children", .list(depth < 20 ? [node(depth + 1)] : []))]))
        }
        let page = try templates.renderPage("tree", node(0))
        #expect(String(decoding: page, as: UTF8.self).hasSuffix("n19(n20)" + String(repeating: ")", count: 19)))
    }

    @Test("sections nested 20,000 deep fail loading with the file and the line that goes too deep, without a crash")
    func sectionsTooDeep() {
        let text = "<p>\n" + String(repeating: "{{#a}}\n", count: 20_000) + String(repeating: "{{/a}}\n", count: 20_000)
        let errors = loadErrors(theme(replacing: "404.mustache", with: text))
        #expect(errors.count == 1)
        #expect(errors.first?.file == "Templates/404.mustache")
        // The first section is on line 2, so the 101st, one deeper than allowed, is on line 102.
        #expect(errors.first?.line == 102)
        #expect(errors.first?.message.hasPrefix("sections are nested more than 100 deep") == true)
    }

    @Test("inverted sections, blocks and parents count towards the nesting limit too")
    func mixedTooDeep() {
        let opening = ["{{#a}}", "{{^b}}", "{{$c}}", "{{<layout}}"]
        var text = ""
        for level in 0..<400 { text += opening[level % 4] }
        let errors = loadErrors(theme(replacing: "404.mustache", with: text))
        #expect(errors.first?.message.hasPrefix("sections are nested more than 100 deep") == true)
    }

    @Test("a theme with sections nested 50 deep loads and renders")
    func sectionsFiftyDeep() throws {
        let text = String(repeating: "{{#a}}", count: 50) + "deep" + String(repeating: "{{/a}}", count: 50)
        let folder = theme(replacing: "deep.mustache", with: text)
        let templates = try TemplateSet.load(from: folder.path("Templates"), displayPath: "Templates")
        let page = try templates.renderPage("deep", .object(TemplateFields(distinct: [("a", .bool(true))])))
        #expect(String(decoding: page, as: UTF8.self) == "deep")
    }
}
