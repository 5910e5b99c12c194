import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BriefgenCore

/// How the content folder is walked and the site's address is read, on the shapes editors'
/// machines produce: upper-case extensions, symbolic links, a base URL typed in capitals.
@Suite("Content folder")
struct ContentFolderTests {
    @Test("a raw article saved as NEW.TXT is read as raw text")
    func upperCaseExtension() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["NEW.TXT": "date 2025-12-20 Kovac said the territory talks would go on.\n"])
        let report = try TestSite.build(folder)
        #expect(report.articles == 1)
        #expect(folder.read("Output/articles/new/index.html")?.contains("territory talks would go on") == true)
    }

    @Test("a symbolic link back up the content folder is not followed")
    func symlinkLoop() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["2025/a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nOn the territory.\n"])
        try FileManager.default.createSymbolicLink(atPath: folder.path("Content/articles/2025/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.path("Content/articles/content").path, withDestinationPath: "../")
        let loader = ContentLoader(directory: folder.path("Content"), displayPath: "Content")
        #expect(loader.articleFiles().files == ["articles/2025/a.md"])
        #expect(try TestSite.build(folder).articles == 1)
    }

    @Test("a linked folder elsewhere is read once")
    func symlinkElsewhere() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder)
        folder.write("Shared/b.md", "---\ntitle: B\ndate: 2025-12-21\n---\nOn the territory.\n")
        try FileManager.default.createDirectory(at: folder.path("Content/articles"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("Content/articles/shared").path,
                                                   withDestinationPath: folder.path("Shared").path)
        let loader = ContentLoader(directory: folder.path("Content"), displayPath: "Content")
        #expect(loader.articleFiles().files == ["articles/shared/b.md"])
    }

    @Test("the scheme and host of the base URL are case-insensitive; the path is not",
          arguments: [("HTTPS://Example.ORG/Briefings", "https://example.org/Briefings/"),
                      ("Https://example.org", "https://example.org/"),
                      ("http://example.org:8080/a/", "http://example.org:8080/a/")])
    func baseURLCase(_ given: String, _ expected: String) throws {
        #expect(SiteConfig.normalisedBaseURL(given) == expected)
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nOn the territory.\n"])
        try TestSite.build(folder, baseURL: given)
        #expect(folder.read("Output/sitemap.xml")?.contains("<loc>\(expected)articles/a/</loc>") == true)
        #expect(folder.read("Output/robots.txt")?.hasSuffix("Sitemap: \(expected)sitemap.xml\n") == true, "a text file ends its last line")
    }

    @Test("a slug in another script is percent-encoded in the sitemap")
    func cyrillicSlugInSitemap() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["переговоры.md": "---\ntitle: П\ndate: 2025-12-20\n---\nOn the territory.\n"])
        try TestSite.build(folder)
        #expect(folder.read("Output/articles/переговоры/index.html") != nil)
        #expect(folder.read("Output/sitemap.xml")?.contains(
            "<loc>https://example.org/articles/%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B/</loc>") == true)
    }

    @Test("the output folder may not overlap the content or theme folder, also through a link to it",
          arguments: ["Content/static", "Content", ".", "Templates/assets/out", "link/static/site", "link/new/deeper/site"])
    func outputOverlap(_ output: String) throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nOn the territory.\n"])
        try FileManager.default.createSymbolicLink(atPath: folder.path("link").path, withDestinationPath: "Content")
        let before = TestSite.tree(folder.url)
        var options = TestSite.options(folder)
        options.outputDirectory = folder.path(output)
        options.cacheDirectory = nil
        let problems: [Diagnostic]
        do {
            _ = try SiteBuilder(options: options).build()
            problems = []
        } catch {
            problems = error.diagnostics
        }
        #expect(problems.count == 1)
        #expect(problems.first?.file == "--output")
        #expect(problems.first?.message.contains("overlaps the folder") == true)
        #expect(TestSite.tree(folder.url) == before, "nothing written anywhere")
    }

    @Test("two file names that look the same but spell an accent differently are told apart in the message")
    func lookAlikeNames() {
        let composed = "Content/articles/caf\u{E9}.md", decomposed = "Content/articles/cafe\u{301}.md"
        for items in [[("cafe", composed), ("cafe", decomposed)], [("cafe", decomposed), ("cafe", composed)]] {
            let problems = ContentLoader.duplicateSlugs(items.map { (slug: $0.0, path: $0.1) }, kind: "article")
            #expect(problems.count == 1)
            #expect(problems.first?.message.contains("look the same but write an accented letter differently") == true)
        }
        let plain = ContentLoader.duplicateSlugs([(slug: "a", path: "Content/articles/a.md"), (slug: "a", path: "Content/articles/old/a.txt")], kind: "article")
        #expect(plain.first?.message == "the article slug 'a' is already used by Content/articles/a.md")
    }

    @Test("a slug typed with a combining accent is the composed slug: one folder, and a clash with the composed file name is found")
    func decomposedSlug() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["b.md": "---\ntitle: B\ndate: 2025-12-20\nslug: \"кра\\u0438\\u0306на\"\n---\nOn the territory.\n"])
        try TestSite.build(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("Output/articles").path).filter { $0 != "index.html" }
        #expect(names.map { Array($0.utf8) } == [Array("кра\u{439}на".utf8)], "composed й, as a composed file name gives")
        folder.write("Content/articles/кра\u{439}на.md", "---\ntitle: A\ndate: 2025-12-20\n---\nOn the territory.\n")
        var problems: [Diagnostic] = []
        do { try TestSite.build(folder) } catch { problems = error.diagnostics }
        #expect(problems.map(\.message) == ["the article slug 'кра\u{439}на' is already used by Content/articles/b.md"])
    }

    @Test("points and actors in sub-folders are read, as articles are")
    func pointsAndActorsInSubfolders() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": "---\ntitle: A\ndate: 2025-12-20\n---\nThe energy grid and the energy talks, said Piet Sorel.\n"])
        folder.write("Content/points/later/energy.md", "---\ntitle: Energy\nstatus: unresolved\norder: 7\nkeywords: [energy]\n---\n")
        folder.write("Content/actors/others/sorel.md", "---\nname: Piet Sorel\n---\n")
        try TestSite.build(folder)
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/points/energy/index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/actors/sorel/index.html").path))
        let importer = try ArticleImporter(contentDirectory: folder.path("Content"), displayPath: "Content")
        let imported = try importer.importSource(SourceText(path: "b.txt", text: "date 2025-12-21 Grid\n\nThe energy grid and the energy talks, Piet Sorel said.\n"))
        #expect(imported.article.points.contains("energy") && imported.article.actors.contains("sorel"))
        #expect(NewPage.nextPointOrder(ContentLoader(directory: folder.path("Content"), displayPath: "Content")) == 8)
    }

    @Test("control characters pasted into sources or written as YAML escapes never reach a page or feed")
    func controlCharacters() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: [
            "vt.txt": " date 2025-12-29 Talks resume\u{0B} in Geneva\n\nThe territory\u{01} question\u{7F} remains\u{85} open\u{0C}, Kovac said.\n",
            "esc.md": "---\ntitle: \"Escaped\\x01 title\\uFFFE here\"\ndate: 2025-12-28\n---\nOn the territory.\n",
        ])
        try TestSite.build(folder)
        let forbidden: (Unicode.Scalar) -> Bool = { scalar in
            (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || (0x7F...0x9F).contains(scalar.value)
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        for (path, data) in TestSite.tree(folder.path("Output")) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.unicodeScalars.contains(where: forbidden), "\(path) holds a control character")
            if path.hasSuffix(".xml") {
                #expect(throws: Never.self, "\(path) parses as XML") { _ = try XMLDocument(data: data) }
            }
        }
        #expect(folder.read("Output/feed.xml")?.contains("Talks resume  in Geneva") == true)
        #expect(folder.read("Output/feed.xml")?.contains("Escaped  title  here") == true)
    }

    @Test("a front-matter quote the body does not contain links to its section, never to an empty href")
    func quoteNotInBody() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["a.md": """
            ---
            title: A
            date: 2025-12-20
            quotes:
              - text: Words that the body does not repeat
                speaker: Maria Kovac
                actor: kovac
            ---
            On the territory, talks went on.
            """])
        try TestSite.build(folder)
        let page = try #require(folder.read("Output/articles/a/index.html"))
        #expect(page.contains("Words that the body does not repeat"))
        #expect(!page.contains("href=\"\""))
    }

    @Test("file stems read on bytes are those NSString's path methods give, and odd paths are left to them")
    func fileStems() {
        func byNSString(_ path: String) -> String {
            (path as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? path
        }
        var random = SeededRandom(seed: 0x0DD5_1A5E_5EED_0001)
        let pieces = ["articles", "2025", "/", "/", "//", ".", ".", "..", "md", "txt", "markdown", "a", "talks", "Über", "日本",
                      "e\u{301}", ".\u{301}", "/\u{301}", "x y", "-", "_", "~", "\t", "\r\n"]
        var paths = ["articles/2025/talks.md", "a.md", ".md", "..", "../a.md", "a..md", "a.", "a", "/", "", "a/", "./a.md", "/a.md",
                     "articles/.hidden.md", "a.b/c", "a.b/c.md"]
        for _ in 0..<3000 { paths.append((0..<(1 + random.next(7))).map { _ in pieces[random.next(pieces.count)] }.joined()) }
        // The general code cuts at the bytes `/` and `.`; NSString cuts at characters, so a mark
        // on a dot or slash hides it, and it resolves `.` and `..` and traps on a doubled slash
        // before a character of more than one byte (`a//é`). Folder walks give none of these.
        func nsStringAgrees(_ path: String) -> Bool {
            !path.contains("//") && !path.contains(".\u{301}") && !path.contains("/\u{301}")
                && !path.split(separator: "/").contains { $0 == "." || $0 == ".." }
        }
        var plain = 0
        var compared = 0
        for path in paths {
            if nsStringAgrees(path) {
                compared += 1
                #expect(ContentLoader.stem(ofFile: path) == byNSString(path), "\(path.debugDescription)")
            }
            if let stem = ContentLoader.plainStem(ofFile: path) {
                plain += 1
                #expect(stem == byNSString(path), "\(path.debugDescription)")
            }
        }
        #expect(plain > 500 && compared > 1000)
        #expect(ContentLoader.stem(ofFile: "a//é.md") == "é")
    }
}
