import Foundation
import Testing
@testable import BriefgenCore

/// Anchors and aliases are refused before Yams expands anything: a few hundred bytes of nested
/// aliases ("billion laughs") otherwise grow into gigabytes of values.
@Suite("YAML aliases")
struct YAMLAliasTests {
    func frontMatterProblem(_ yaml: String, file: String = "Content/articles/a.md") -> Diagnostic? {
        do {
            _ = try FrontMatter.parse(SourceText(path: file, text: "---\n" + yaml + "---\nbody\n"))
            return nil
        } catch {
            return error
        }
    }

    /// Seven levels of nine aliases each: 9^8 strings once expanded.
    static let laughs: String = {
        var yaml = "title: laughs\ndate: 2025-12-01\na0: &a0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
        for level in 1...7 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n"
        }
        return yaml
    }()

    @Test("nested aliases fail at once, naming the file and the line of the first alias")
    func billionLaughs() {
        let start = ContinuousClock.now
        let problem = frontMatterProblem(YAMLAliasTests.laughs)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(problem?.file == "Content/articles/a.md")
        // Line 1 is the opening `---`; `a1: &a1 [*a0, …]` is the fifth line of the file.
        #expect(problem?.line == 5)
        #expect(problem?.message.hasPrefix("YAML aliases are not supported") == true)
    }

    @Test("front matter nested thousands deep is refused in the editor's words, not libyaml's")
    func deepNesting() {
        let problem = frontMatterProblem("title: deep\ndate: 2025-12-01\nx: " + String(repeating: "[", count: 20_000) + "\n")
        #expect(problem?.file == "Content/articles/a.md")
        #expect(problem?.message.hasPrefix("invalid YAML: lists and mappings nest too deeply") == true, "\(String(describing: problem))")
        #expect(problem?.message.contains("yaml_set_max_nest_level") == false)
    }

    @Test("a single alias fails with its line", arguments: [
        ("title: T\nlink: &t https://example.org/\nsource: *t\n", 4),
        ("title: T\npoints:\n  - &p territory\n  - *p\n", 5),
        ("title: T\n? *k\n: value\n", 3),
    ])
    func singleAlias(yaml: String, line: Int) {
        let problem = frontMatterProblem(yaml)
        #expect(problem?.line == line)
        #expect(problem?.message.hasPrefix("YAML aliases are not supported") == true)
    }

    @Test("an anchor without an alias expands nothing and is read")
    func anchorAlone() {
        // An anchor expands nothing: front matter that names one still reads.
        #expect(frontMatterProblem("title: T\nsummary: &s A summary\n") == nil)
    }

    @Test("ampersands and asterisks inside values are text", arguments: [
        ("title: \"R&D * costs\"\n", "R&D * costs"),
        ("title: R&D\n", "R&D"),
        ("title: 5 * 3\n", "5 * 3"),
        ("title: 'a &b *c'\n", "a &b *c"),
        ("title: >\n  folded &x\n  *y text\n", "folded &x *y text\n"),
        ("title: \"R&D\"\nkeywords: [R&D, \"*star\", a*b]\n", "R&D"),
        ("title: R&D # &anchor *alias in a comment\n", "R&D"),
    ])
    func notAliases(yaml: String, title: String) throws {
        let matter = try FrontMatter.parse(SourceText(path: "a.md", text: "---\n" + yaml + "---\nbody\n"))
        #expect(try matter.requiredString("title") == title)
    }

    @Test("site.yml refuses aliases with its own path")
    func siteConfig() {
        let source = SourceText(path: "Content/site.yml", text: "title: &t Briefing\ndescription: *t\n")
        #expect(throws: Diagnostic.self) { try SiteConfigReader.read(source) }
        do {
            _ = try SiteConfigReader.read(source)
        } catch {
            #expect(error.file == "Content/site.yml")
            #expect(error.line == 2)
            #expect(error.message == "YAML aliases are not supported in the site configuration; write the value out")
        }
    }

    @Test("an alias in a sticking point fails the build, naming the point's file")
    func pointFailsBuild() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Content/points/aliased.md", "---\ntitle: Aliased\nstatus: open\norder: 9\nkeywords: [x]\nhistory: *h\n---\n")
        }
        #expect(problems.map(\.description) == ["Content/points/aliased.md:6:10: YAML aliases are not supported in front matter; write the value out"])
    }
}
