import Foundation
import Testing
@testable import BriefgenCore

@Suite("Building the sample site")
struct BuildTests {
    @Test("two builds of the same input are byte-identical")
    func deterministic() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder, output: "One")
        try TestSite.build(folder, output: "Two")
        let one = TestSite.tree(folder.path("One"))
        let two = TestSite.tree(folder.path("Two"))
        #expect(one.count > 20)
        #expect(one == two)
    }

    @Test("a rebuild with nothing changed rewrites nothing")
    func noOpRebuild() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let first = try TestSite.build(folder)
        let second = try TestSite.build(folder)
        #expect(first.output?.written == first.output?.files)
        #expect(second.mode == .incremental)
        #expect(second.output?.written == 0)
        #expect(second.output?.unchanged == first.output?.files)
    }

    @Test("a content error fails the build, names the file, and leaves Output/ alone")
    func contentErrorLeavesOutput() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Content/articles/broken.txt", "date 2025-02-30 A day that never was.\n")
            folder.write("Content/articles/broken.md", "---\ntitle: [unclosed\ndate: 2025-12-29\n---\n")
        }
        let files = problems.map(\.file)
        #expect(files.contains("Content/articles/broken.txt") && files.contains("Content/articles/broken.md"))
    }

    @Test("static files that would replace generated pages are each named, by their place in Content/static")
    func staticFilesOverPages() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Content/static/404.html", "<p>mine</p>")
            folder.write("Content/static/robots.txt", "User-agent: *\n")
        }
        #expect(problems.map(\.file).sorted() == ["Content/static/404.html", "Content/static/robots.txt"])
        #expect(problems.allSatisfy { $0.message.contains("which the site already has") })
    }

    @Test("static/ publishes .well-known/, .nojekyll and .htaccess, as Hugo does, and no other hidden name")
    func hiddenStaticFiles() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Content/static/.well-known/security.txt", "Contact: mailto:security@example.org\n")
        folder.write("Content/static/.well-known/.DS_Store", "x")
        folder.write("Content/static/.nojekyll", "")
        folder.write("Content/static/.htaccess", "ErrorDocument 404 /404.html\n")
        folder.write("Content/static/files/.htaccess", "Options -Indexes\n")
        folder.write("Content/static/files/.nojekyll", "")
        folder.write("Content/static/.env", "TOKEN=secret\n")
        folder.write("Content/static/.git/config", "[remote]\n")
        try TestSite.build(folder)
        let hidden = TestSite.tree(folder.path("Output")).keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
        #expect(hidden == [".htaccess", ".nojekyll", ".well-known/security.txt", "files/.htaccess"])
        #expect(folder.read("Output/.well-known/security.txt") == "Contact: mailto:security@example.org\n")
        // A file of someone else's beside the site's in `.well-known/` (a certbot challenge) stays,
        // in a fresh build as in an incremental one.
        folder.write("Output/.well-known/acme-challenge/token", "challenge")
        for fresh in [true, false, true] {
            var options = TestSite.options(folder)
            options.fresh = fresh
            _ = try SiteBuilder(options: options).build()
            #expect(folder.read("Output/.well-known/acme-challenge/token") == "challenge", "fresh: \(fresh)")
            #expect(folder.read("Output/.well-known/security.txt") == "Contact: mailto:security@example.org\n")
        }
        // Removed from static/, removed from the site by the next build.
        try FileManager.default.removeItem(at: folder.path("Content/static/.well-known"))
        try TestSite.build(folder)
        #expect(folder.read("Output/.well-known/security.txt") == nil)
        #expect(folder.read("Output/.well-known/acme-challenge/token") == "challenge", "not the site's to remove")
    }

    @Test("a misspelt name in an edited theme fails the next build at its tag, and Output/ stays as it was")
    func misspeltName() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            let path = folder.path("Templates/article.mustache")
            let theme = try! String(contentsOf: path, encoding: .utf8)
            try! theme.replacingOccurrences(of: "<h1>{{article.title}}</h1>", with: "<h1>{{article.titel}}</h1>")
                .write(to: path, atomically: true, encoding: .utf8)
        }
        #expect(problems.count == 1)
        #expect(problems.first?.file == "Templates/article.mustache")
        #expect(problems.first?.message == "no page has 'article.titel'; did you mean 'article.title'?")
    }

    @Test("a failure while pages are being written leaves Output/ alone")
    func failureWhileWriting() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let before = TestSite.tree(folder.path("Output"))
        // Two pages are written to staging, then the third one fails.
        let options = TestSite.options(folder)
        let templates = try TemplateSet.load(from: options.templatesDirectory, displayPath: "Templates")
        let writer = try OutputWriter(output: options.outputDirectory, manifestURL: folder.path(".briefgen-cache/Output.manifest"))
        let page = { (path: String) in
            Page(kind: .notFound, urlPath: "/" + path, outputPath: path, template: "404", lastModified: nil) { [:] }
        }
        #expect(throws: DiagnosticList.self) {
            try SiteBuilder(options: options).render([page("a.html"), page("b.html"), page("../outside.html")], with: templates, into: writer)
        }
        writer.discard()
        #expect(TestSite.tree(folder.path("Output")) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.path("outside.html").path))
    }

    @Test("duplicate slugs are reported with both files")
    func duplicateSlugs() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Content/articles/x.md", "---\ntitle: One\ndate: 2025-12-01\n---\nBody.\n")
        folder.write("Content/articles/more/x.txt", "date 2025-12-02 Another body.\n")
        #expect(throws: DiagnosticList([Diagnostic(file: "Content/articles/x.md", line: 1,
                                                    "the article slug 'x' is already used by Content/articles/more/x.txt")])) {
            try TestSite.build(folder)
        }
    }
}
