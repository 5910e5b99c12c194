#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Runs the built `briefgen` executable, as a user would.
enum Briefgen {
    /// The binary SwiftPM built beside this test bundle.
    static let executable: URL = {
        let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var folder = bundle.deletingLastPathComponent()
        if folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return folder.appendingPathComponent("briefgen")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A scratch copy of the repository's sample site.
    static func sampleSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefgen-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }
}

/// Internal links of an HTML page: `href` and `src` values that are site paths.
enum HTMLLinks {
    static func internalLinks(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let range = rest.range(of: attribute) {
                rest = rest[range.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let value = String(rest[..<end])
                if value.hasPrefix("/") && !value.hasPrefix("//") { links.append(value) }
                rest = rest[end...]
            }
        }
        return links
    }

    /// The file a site path resolves to, and the fragment if any.
    static func resolve(_ link: String, in output: URL, basePath: String = "") -> (file: URL, fragment: String?)? {
        var path = link
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        guard path.hasPrefix(basePath + "/") else { return nil }
        path.removeFirst(basePath.count)
        path = path.removingPercentEncoding ?? path
        var file = output.appendingPathComponent(String(path.dropFirst()))
        if path.hasSuffix("/") { file = file.appendingPathComponent("index.html") }
        return FileManager.default.fileExists(atPath: file.path) ? (file, fragment) : nil
    }
}

@Suite("briefgen build, end to end")
struct EndToEndTests {
    @Test("builds the sample site; pages exist and link to each other")
    func sampleSite() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try Briefgen.run(["build"], in: site)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Built "))
        #expect(result.stdout.contains(" pages from 4 articles into Output/"))

        let output = site.appendingPathComponent("Output")
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let homeLinks = Set(HTMLLinks.internalLinks(in: home))
        let articles = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/articles").path)
            .map { ($0 as NSString).deletingPathExtension }
        let points = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/points").path)
            .map { ($0 as NSString).deletingPathExtension }
        #expect(articles.count == 4 && points.count == 4)
        for slug in articles {
            #expect(homeLinks.contains("/articles/\(slug)/"), "home links article \(slug)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("articles/\(slug)/index.html").path))
        }
        for slug in points {
            #expect(homeLinks.contains("/points/\(slug)/"), "home links point \(slug)")
        }
        for file in ["feed.xml", "sitemap.xml", "robots.txt", "404.html", "timeline/index.html", "actors/trump/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file) exists")
        }

        // Every internal link of every page resolves to a file (and its anchor to an id on that page).
        var checked = 0
        let enumerator = FileManager.default.enumerator(atPath: output.path)!
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let html = try String(contentsOf: output.appendingPathComponent(relative), encoding: .utf8)
            for link in HTMLLinks.internalLinks(in: html) {
                let resolved = HTMLLinks.resolve(link, in: output)
                #expect(resolved != nil, "\(relative) links \(link)")
                if let resolved, let fragment = resolved.fragment {
                    let target = try String(contentsOf: resolved.file, encoding: .utf8)
                    #expect(target.contains("id=\"\(fragment)\""), "\(relative) links \(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    @Test("a broken article fails with file and line, exit status 1, and Output/ untouched")
    func brokenInput() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try Briefgen.run(["build"], in: site)
        let index = site.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        try "date 2025-02-30 This day does not exist.\n".write(to: site.appendingPathComponent("Content/articles/bad.txt"), atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["build"], in: site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/articles/bad.txt:1: the date 2025-02-30 does not exist"))
        #expect(try Data(contentsOf: index) == before)
    }

    @Test("--version and --help answer")
    func versionAndHelp() throws {
        let here = FileManager.default.temporaryDirectory
        let version = try Briefgen.run(["--version"], in: here)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try Briefgen.run(["build", "--help"], in: here)
        for option in ["--content", "--templates", "--output", "--base-url"] {
            #expect(help.stdout.contains(option), "help mentions \(option)")
        }
    }

    @Test("help answers for each subcommand and fails for a name that is not one")
    func helpTopics() throws {
        let here = FileManager.default.temporaryDirectory
        let build = try Briefgen.run(["help", "build"], in: here)
        #expect(build.status == 0 && build.stdout.contains("--content"), "\(build.stderr)")
        let helpHelp = try Briefgen.run(["help", "help"], in: here)
        #expect(helpHelp.status == 0, "\(helpHelp.stderr)")
        let overview = try Briefgen.run(["help"], in: here)
        #expect(overview.status == 0 && overview.stdout.contains("SUBCOMMANDS"))
        let typo = try Briefgen.run(["help", "buidl"], in: here)
        #expect(typo.status == 64, "a typo is not success")
        #expect(typo.stderr.contains("'buidl' is not a subcommand of briefgen; it has build, check, serve, import"), "\(typo.stderr)")
        #expect(typo.stdout.isEmpty)
    }

    @Test("--content naming a file or nothing says which")
    func contentNotAFolder() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let file = try Briefgen.run(["build", "--content", "Content/site.yml"], in: site)
        #expect(file.status == 1 && file.stderr.contains("Content/site.yml: the content folder is a file"), "\(file.stderr)")
        let empty = try Briefgen.run(["build", "--content", ""], in: site)
        #expect(empty.status != 0 && empty.stderr.contains("--content needs a folder"), "\(empty.stderr)")
        let slashed = try Briefgen.run(["build", "--output", "Site/"], in: site)
        #expect(slashed.status == 0 && slashed.stdout.contains(" into Site/,"), "one slash: \(slashed.stdout)")
        let emptyOutput = try Briefgen.run(["build", "--output", ""], in: site)
        #expect(emptyOutput.status == 64 && emptyOutput.stderr.contains("--output needs a folder, not an empty name"), "\(emptyOutput.stderr)")
        let longOutput = try Briefgen.run(["build", "--output", String(repeating: "o", count: 240)], in: site)
        #expect(longOutput.status == 1 && longOutput.stderr.contains("name is too long to build beside it"), "\(longOutput.stderr)")
        let missing = try Briefgen.run(["build", "--content", "Nowhere"], in: site)
        #expect(missing.status == 1 && missing.stderr.contains("Nowhere: the content folder does not exist"), "\(missing.stderr)")
        // An output path that is a file is named as the file it is.
        try "notes".write(to: site.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        let fileOutput = try Briefgen.run(["build", "--output", "afile"], in: site)
        #expect(fileOutput.status == 1 && fileOutput.stderr.contains("; afile was not changed."), "\(fileOutput.stderr)")
    }

    @Test("Ctrl-C during a build removes its staging folder, exits with 130 and leaves Output/ whole", .timeLimit(.minutes(1)))
    func interruptedBuild() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        for number in 1...3_000 {
            try "---\ntitle: Filler \(number)\ndate: 2025-12-01\n---\nThe working group met again on the territory question.\n\n## Next Steps\n\nThe group reviewed the notes.\n"
                .write(to: site.appendingPathComponent("Content/articles/filler-\(number).md"), atomically: false, encoding: .utf8)
        }
        #expect(try Briefgen.run(["build", "-q"], in: site).status == 0)
        func files() -> Int { (FileManager.default.enumerator(atPath: site.appendingPathComponent("Output").path)?.allObjects.count) ?? 0 }
        func leftovers() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []).filter { $0.hasPrefix(".Output.") }
        }
        let built = files()
        let process = Process()
        process.executableURL = Briefgen.executable
        process.arguments = ["build", "--fresh", "-q"]
        process.currentDirectoryURL = site
        process.standardError = Pipe()
        try process.run()
        // Once the staging folder holds some articles' pages, the build is writing into it: the
        // stop must remove what it writes meanwhile too.
        func pagesWritten() -> Int {
            leftovers().first.flatMap { try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent($0 + "/articles").path).count } ?? 0
        }
        let deadline = Date().addingTimeInterval(20)
        while pagesWritten() < 300, process.isRunning, Date() < deadline { usleep(1_000) }
        #expect(process.isRunning, "the build ended before it could be interrupted")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)
        #expect(leftovers() == [], "no staging folder is left beside Output/")
        #expect(files() == built, "Output/ is the previous build, or (stopped while moving into place) the new one, whole")
    }

    @Test("--base-url must be an absolute URL")
    func badBaseURL() throws {
        let result = try Briefgen.run(["build", "--base-url", "example.org"], in: FileManager.default.temporaryDirectory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--base-url should be an absolute http(s) URL"))
    }
}

@Suite("briefgen import, end to end")
struct ImportEndToEndTests {
    @Test("writes Markdown pages into the content folder, and the site builds with them")
    func writesPages() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let raw = site.appendingPathComponent("incoming.txt")
        try "date 2025-12-29 Talks Resume\n\nNegotiators met again on Monday to discuss territory in the Donbas.\n".write(to: raw, atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["import", "incoming.txt", "--out", "Content/articles/imported"], in: site)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("Content/articles/imported/incoming.md"), encoding: .utf8)
        #expect(page.hasPrefix("---\ntitle: \"Talks Resume\"\ndate: 2025-12-29\npoints: [territory-and-donbas]\n"))
        let build = try Briefgen.run(["build"], in: site)
        #expect(build.status == 0, "stderr: \(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/incoming/index.html").path))
    }

    @Test("--json prints one object per file; --stdout prints the page")
    func jsonAndStdout() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let articles = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/articles").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "Content/articles/" + $0 }
        let json = try Briefgen.run(["import", "--json"] + articles, in: site)
        #expect(json.status == 0)
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == articles.count)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for key in ["source", "date", "title", "headings", "quotes", "points", "actors"] {
                #expect(object?[key] != nil, "\(key) in \(line)")
            }
        }
        let stdout = try Briefgen.run(["import", "--stdout", articles[0]], in: site)
        #expect(stdout.stdout.hasPrefix("---\ntitle: "))
    }

    @Test("a path typed with a doubled slash and a non-ASCII name imports (NSString's path methods trapped on it)")
    func doubledSlashPath() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("incoming"), withIntermediateDirectories: true)
        try "date 2025-12-29 Talks Resume\n\nNegotiators met again on Monday.\n"
            .write(to: site.appendingPathComponent("incoming/переговори"), atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["import", "--stdout", "incoming//переговори"], in: site)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("---\ntitle: \"Talks Resume\"\ndate: 2025-12-29\n"))
        let json = try Briefgen.run(["import", "--json", "incoming//переговори"], in: site)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        #expect(json.stdout.hasPrefix(#"{"file":"переговори","source":null,"url":null,"date":"2025-12-29","updated":null,"title":"Talks Resume""#))
    }

    @Test("an existing page is not overwritten without --force; an import beside its raw file says the build would refuse both")
    func existingPage() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let raw = try #require(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Content/articles").path)
            .filter { $0.hasSuffix(".txt") }.sorted().first)
        let page = site.appendingPathComponent("Content/articles/" + raw.replacingOccurrences(of: ".txt", with: ".md"))
        let first = try Briefgen.run(["import", "Content/articles/" + raw], in: site)
        #expect(first.status == 0)
        #expect(first.stderr.contains("note: Content/articles/\(raw) is still in the content folder"), "\(first.stderr)")
        try (String(contentsOf: page, encoding: .utf8) + "\nAn editor's correction.\n").write(to: page, atomically: true, encoding: .utf8)
        let again = try Briefgen.run(["import", "Content/articles/" + raw], in: site)
        #expect(again.status == 1)
        #expect(again.stderr.contains("the page already exists and was left as it is; use --force"), "\(again.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("An editor's correction."))
        let forced = try Briefgen.run(["import", "--force", "Content/articles/" + raw], in: site)
        #expect(forced.status == 0)
        #expect(try !String(contentsOf: page, encoding: .utf8).contains("An editor's correction."))
        // Two files of the same name in one run: the second is named, not taken for an editor's page.
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(at: site.appendingPathComponent("raw/\(folder)"), withIntermediateDirectories: true)
            try "date 2025-12-29 Talks Resume\n\nNegotiators met again.\n".write(to: site.appendingPathComponent("raw/\(folder)/x.txt"), atomically: true, encoding: .utf8)
        }
        let twice = try Briefgen.run(["import", "--out", "Imported", "raw/a/x.txt", "raw/b/x.txt"], in: site)
        #expect(twice.status == 1 && twice.stderr.contains("raw/b/x.txt: it would be imported as Imported/x.md, as raw/a/x.txt was a moment ago"), "\(twice.stderr)")
        let intoFile = try Briefgen.run(["import", "--out", "Content/site.yml", "Content/articles/" + raw], in: site)
        #expect(intoFile.status == 1 && intoFile.stderr.contains("is a file; choose a folder with --out"), "\(intoFile.stderr)")
    }

    @Test("a raw file without a date line fails with its name and exit status 1")
    func badFile() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try "Talks resume.\n".write(to: site.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["import", "--json", "bad.txt"], in: site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.txt:1: expected the first line to start with 'date YYYY-MM-DD'"))
    }
}

@Suite("briefgen new, end to end")
struct NewEndToEndTests {
    @Test("new writes an article, a point and an actor page, which build with --drafts; an existing page is left alone")
    func newPages() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let article = try Briefgen.run(["new", "article", "Talks resume in Geneva", "--date", "2025-12-30"], in: site)
        #expect(article.status == 0 && article.stdout == "Content/articles/talks-resume-in-geneva.md\n", "\(article.stderr)")
        #expect(try Briefgen.run(["new", "point", "Prisoner exchanges"], in: site).stdout == "Content/points/prisoner-exchanges.md\n")
        #expect(try Briefgen.run(["new", "actor", "Maria Kovač"], in: site).stdout == "Content/actors/maria-kovac.md\n")
        let page = try String(contentsOf: site.appendingPathComponent("Content/articles/talks-resume-in-geneva.md"), encoding: .utf8)
        #expect(page.hasPrefix("---\ntitle: \"Talks resume in Geneva\"\ndate: 2025-12-30\ndraft: true\n"))
        // A draft stays out of a build until it is published.
        #expect(try Briefgen.run(["build", "-q"], in: site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/talks-resume-in-geneva").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/points/prisoner-exchanges/index.html").path))
        #expect(try Briefgen.run(["build", "-q", "--drafts"], in: site).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/talks-resume-in-geneva/index.html").path))
        // As `hugo new`: a page that exists is never replaced.
        try "edited".write(to: site.appendingPathComponent("Content/actors/maria-kovac.md"), atomically: true, encoding: .utf8)
        let again = try Briefgen.run(["new", "actor", "Maria Kovač"], in: site)
        #expect(again.status == 1 && again.stderr.contains("Content/actors/maria-kovac.md: the page already exists and was left as it is"))
        #expect(try String(contentsOf: site.appendingPathComponent("Content/actors/maria-kovac.md"), encoding: .utf8) == "edited")
        // Ordered after the points there are, by their `order`, not by how many there are.
        let point = try String(contentsOf: site.appendingPathComponent("Content/points/prisoner-exchanges.md"), encoding: .utf8)
        #expect(point.contains("\norder: 5\n"))
        try "---\ntitle: Far\nstatus: agreed\norder: 40\nkeywords: [far]\n---\n".write(to: site.appendingPathComponent("Content/points/far.md"), atomically: true, encoding: .utf8)
        #expect(try Briefgen.run(["new", "point", "Energy sites"], in: site).status == 0)
        #expect(try String(contentsOf: site.appendingPathComponent("Content/points/energy-sites.md"), encoding: .utf8).contains("\norder: 41\n"))
        // An article in a sub-folder has the slug already: the build would refuse both.
        try FileManager.default.createDirectory(at: site.appendingPathComponent("Content/articles/2025"), withIntermediateDirectories: true)
        try "---\ntitle: Old\ndate: 2025-01-01\n---\nBody.\n".write(to: site.appendingPathComponent("Content/articles/2025/ceasefire-talks.md"), atomically: true, encoding: .utf8)
        let clash = try Briefgen.run(["new", "article", "Ceasefire talks"], in: site)
        #expect(clash.status == 1 && clash.stderr.contains("the article Content/articles/2025/ceasefire-talks.md has the slug 'ceasefire-talks' already"), "\(clash.stderr)")
        #expect(try Briefgen.run(["new", "article", "x", "--content", "Content/site.yml"], in: site).stderr.contains("is a file, not the content folder"))
        #expect(try Briefgen.run(["new", "page", "x"], in: site).status == 64)
        #expect(try Briefgen.run(["new", "article", "?!"], in: site).stderr.contains("has no letter or digit"))
    }
}

@Suite("briefgen check and build options, end to end")
struct CheckEndToEndTests {
    @Test("check prints file:line: message per problem, exits 1, and writes nothing")
    func check() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let clean = try Briefgen.run(["check"], in: site)
        #expect(clean.status == 0)
        #expect(clean.stdout.hasPrefix("No problems in Content/ and Templates/"))
        try "---\ntitle: A\ndate: 2025-12-20\npoints: [teritory-and-donbas]\n---\nSee [this](/points/nowhere/).\n"
            .write(to: site.appendingPathComponent("Content/articles/a.md"), atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["check"], in: site)
        #expect(result.status == 1)
        #expect(result.stdout == """
        Content/articles/a.md:4: unknown point 'teritory-and-donbas'; did you mean 'territory-and-donbas'?
        Content/articles/a.md:6: the link '/points/nowhere/' does not lead to any page of the site

        """)
        #expect(result.stderr.contains("2 problems found."))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output").path))
    }

    @Test("--quiet prints nothing, --verbose prints each step, --report writes JSON")
    func outputOptions() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let quiet = try Briefgen.run(["build", "--quiet"], in: site)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let verbose = try Briefgen.run(["build", "--fresh", "--verbose", "--report", "report.json"], in: site)
        for step in ["read site", "load templates", "look for changes", "articles", "briefing", "render pages", "commit"] {
            #expect(verbose.stdout.contains(step), "verbose shows \(step)")
        }
        // Built again with nothing changed, the site is checked and left alone.
        let again = try Briefgen.run(["build", "--verbose"], in: site)
        #expect(again.stdout.contains("check output") && !again.stdout.contains("render pages"))
        #expect(again.stdout.contains("Built 31 pages from 4 articles"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("report.json"))) as? [String: Any]
        #expect(report?["pages"] as? Int == 31)
        #expect((report?["pages_by_kind"] as? [String: Int])?["article"] == 4)
        #expect((report?["bytes"] as? [String: Int])?["total"] ?? 0 > 100_000)
        #expect((report?["steps"] as? [[String: Any]])?.count ?? 0 >= 8)
        // One article is one article, in build's and check's summaries.
        let articles = site.appendingPathComponent("Content/articles")
        for name in try FileManager.default.contentsOfDirectory(atPath: articles.path).sorted().dropFirst() {
            try FileManager.default.removeItem(at: articles.appendingPathComponent(name))
        }
        let single = try Briefgen.run(["build"], in: site)
        #expect(single.stdout.contains(" pages from 1 article into "), "\(single.stdout)")
        let checked = try Briefgen.run(["check"], in: site)
        #expect(checked.stdout.contains("(1 article, "), "\(checked.stdout)")
    }

    @Test("a --report that cannot be written stops the build before Output/ changes")
    func unwritableReport() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try Briefgen.run(["build", "--quiet"], in: site).status == 0)
        let home = site.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: home)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("rdir"), withIntermediateDirectories: true)
        try "---\ntitle: New\ndate: 2025-12-30\n---\nOn the territory.\n"
            .write(to: site.appendingPathComponent("Content/articles/new.md"), atomically: true, encoding: .utf8)
        // Into the output folder, before it exists: the build makes it.
        let clean = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: clean) }
        let intoOutput = try Briefgen.run(["build", "--quiet", "--report", "Output/report.json"], in: clean)
        #expect(intoOutput.status == 0, "\(intoOutput.stderr)")
        #expect(FileManager.default.fileExists(atPath: clean.appendingPathComponent("Output/report.json").path))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("link").path, withDestinationPath: site.path)
        for report in ["rdir", "missing/report.json", "Content/site.yml", "Templates/report.json", String(repeating: "r", count: 300),
                       "link/Content/report.json", "Output"] {
            let result = try Briefgen.run(["build", "--report", report], in: site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: --report \(report): "), "\(result.stderr)")
            #expect(try Data(contentsOf: home) == before)
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/new").path))
        }
    }

    @Test("--drafts, --future and --now decide what is published")
    func publishingFlags() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try "---\ntitle: Later\ndate: 2030-01-01\n---\nBody.\n".write(to: site.appendingPathComponent("Content/articles/later.md"), atomically: true, encoding: .utf8)
        let plain = try Briefgen.run(["build", "--now", "2026-01-01"], in: site)
        #expect(plain.stdout.contains("(left out: 1 future article)"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/later").path))
        let future = try Briefgen.run(["build", "--now", "2026-01-01", "--future"], in: site)
        #expect(future.status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/articles/later/index.html").path))
        let bad = try Briefgen.run(["build", "--now", "2026-02-30"], in: site)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--now should be a real day written YYYY-MM-DD"))
    }
}

@Suite("briefgen serve, end to end", .timeLimit(.minutes(1)))
struct ServeEndToEndTests {
    /// Reads `serve`'s output until it prints the address it listens on.
    /// Waits for the server to exit after a signal, but not for ever: a server that misses the
    /// signal is killed and the test fails, instead of blocking the whole test run.
    static func exited(_ process: Process, within seconds: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
    }

    static func announcedAddress(_ out: Pipe) -> String? {
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("press Ctrl-C"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression).map { String(text[$0]) }
    }

    /// Starts `serve` on a free port in `site`, with its own temporary folder (`TMPDIR`), so a
    /// test can check that the folder is left empty.
    static func startServe(in site: URL, arguments: [String] = [], temporary: URL) throws -> (process: Process, out: Pipe, err: Pipe) {
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = Briefgen.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = site
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// A connected TCP socket to 127.0.0.1:`port` with send and receive timeouts, or -1.
    static func connectLoopback(port: UInt16, timeout: Int = 5) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var interval = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_addr.s_addr = inet_addr("127.0.0.1")
        target.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 { close(fd); return -1 }
        return fd
    }

    /// Sends all of `bytes`, stopping quietly when the peer closes or a send times out.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    static func port(of address: String) -> UInt16? { UInt16(address.split(separator: ":").last!.dropLast()) }

    @Test("prints its URL, serves the site, and stops cleanly on Ctrl-C")
    func serveAndStop() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let temporary = site.appendingPathComponent("tmp")
        let (process, out, _) = try ServeEndToEndTests.startServe(in: site, temporary: temporary)
        let address = try #require(ServeEndToEndTests.announcedAddress(out))
        // The build folder, and (when the path is short enough for a socket) FlyingFox's socket folder.
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("briefgen-serve-") }
        #expect(folders.count == 1 && folders != ["briefgen-serve-\(process.processIdentifier)"], "one temporary build folder, not named after the pid: \(folders)")
        let home = try String(contentsOf: URL(string: address)!, encoding: .utf8)
        #expect(home.contains("<h1>Peace Talks Briefing</h1>"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output").path), "serve leaves Output/ alone")
        kill(process.processIdentifier, SIGINT)
        #expect(ServeEndToEndTests.exited(process), "the server stops on Ctrl-C")
        #expect(process.terminationStatus == 0)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("Stopping."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the temporary build and socket folders are removed")
    }

    @Test("closing the terminal (SIGHUP) stops it as Ctrl-C does, removing its temporary folders")
    func hangUp() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // A short temporary path, so the socket folder is made there too and its removal is seen.
        let temporary = URL(fileURLWithPath: "/tmp/bg-hup-\(getpid())")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let (process, out, _) = try ServeEndToEndTests.startServe(in: site, temporary: temporary)
        _ = try #require(ServeEndToEndTests.announcedAddress(out))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).contains { $0.hasPrefix("briefgen-http-") })
        kill(process.processIdentifier, SIGHUP)
        #expect(ServeEndToEndTests.exited(process), "the server stops on SIGHUP")
        #expect(process.terminationStatus == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "the temporary folders are removed")
    }

    @Test("600 KB request lines are refused at once: a normal request is answered meanwhile, and Ctrl-C stops it promptly")
    func longRequestLines() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let temporary = site.appendingPathComponent("tmp")
        let (process, out, _) = try ServeEndToEndTests.startServe(in: site, arguments: ["--no-watch"], temporary: temporary)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let address = try #require(ServeEndToEndTests.announcedAddress(out))
        let port = try #require(ServeEndToEndTests.port(of: address))

        // Two connections each send a 600 KB request line, in the background.
        let request = Array("GET /\(String(repeating: "a", count: 600_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let sockets = (0..<2).map { _ in ServeEndToEndTests.connectLoopback(port: port, timeout: 20) }
        defer { sockets.filter { $0 >= 0 }.forEach { close($0) } }
        for fd in sockets where fd >= 0 { Thread.detachNewThread { ServeEndToEndTests.sendAll(fd, request) } }
        usleep(300_000)
        let started = Date()
        let home = try String(contentsOf: URL(string: address)!, encoding: .utf8)
        #expect(home.contains("<h1>Peace Talks Briefing</h1>"))
        #expect(Date().timeIntervalSince(started) < 2, "the home page took \(Date().timeIntervalSince(started)) s")
        var answer = [UInt8](repeating: 0, count: 64)
        for fd in sockets where fd >= 0 {
            let count = recv(fd, &answer, answer.count, 0)
            #expect(String(decoding: answer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 414 "))
        }

        kill(process.processIdentifier, SIGINT)
        #expect(ServeEndToEndTests.exited(process, within: 6), "the server stops within a few seconds of Ctrl-C")
        #expect(process.terminationStatus == 0)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("Stopping."))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty) == true, "the temporary build folder is removed")
    }

    @Test("Ctrl-C during the first build stops it and removes the temporary folder")
    func stopDuringFirstBuild() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // Enough articles for a first build of a few seconds.
        let articles = site.appendingPathComponent("Content/articles")
        let paragraph = String(repeating: "The working group reviewed the draft of the second chapter once more. ", count: 12)
        for index in 0..<3_000 {
            let day = 1 + index % 28
            let text = "---\ntitle: \"Session \(index)\"\ndate: 2024-0\(1 + index % 9)-\(day < 10 ? "0" : "")\(day)\n---\n\n"
                + (1...4).map { "## Part \($0)\n\n\(paragraph)\n\n\(paragraph)\n" }.joined(separator: "\n")
            try text.write(to: articles.appendingPathComponent("session-\(index).md"), atomically: false, encoding: .utf8)
        }
        let temporary = site.appendingPathComponent("tmp")
        let (process, out, _) = try ServeEndToEndTests.startServe(in: site, arguments: ["--no-watch"], temporary: temporary)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // The build has begun once it writes into the temporary folder (its cache, its staging).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            // The build folder, not FlyingFox's socket folder beside it.
            let folders = ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasPrefix("briefgen-serve-") }
            if let folder = folders.first,
               !((try? FileManager.default.contentsOfDirectory(atPath: temporary.appendingPathComponent(folder).path)) ?? []).isEmpty { break }
            usleep(20_000)
        }
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        #expect(ServeEndToEndTests.exited(process, within: 30), "the server stops after Ctrl-C")
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("Stopping."))
        #expect(!printed.contains("press Ctrl-C"), "stopped before it was announced: \(printed)")
        let left = (FileManager.default.enumerator(atPath: temporary.path)?.allObjects as? [String]) ?? []
        #expect((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) == [],
                "the temporary build folder is removed: \(printed) left: \(left.prefix(10))")
    }

    @Test("a flood of connections that exhausts the file descriptors does not stop it for good")
    func survivesDescriptorExhaustion() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // A hard limit of 96 descriptors, so a few hundred held connections exhaust them.
        process.arguments = ["-c", "ulimit -n 96 && exec \"$0\" serve --port 0 --no-watch", Briefgen.executable.path]
        process.currentDirectoryURL = site
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let address = try #require(ServeEndToEndTests.announcedAddress(out))
        let port = try #require(UInt16(address.split(separator: ":").last!.dropLast()))

        // Hold 200 half-sent requests open, then let them go.
        var held: [Int32] = []
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var target = sockaddr_in()
            target.sin_family = sa_family_t(AF_INET)
            target.sin_addr.s_addr = inet_addr("127.0.0.1")
            target.sin_port = port.bigEndian
            let connected = withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if connected == 0 { _ = "GET / HTTP/1.1\r\n".withCString { send(fd, $0, 16, 0) } }
            held.append(fd)
        }
        usleep(500_000)
        for fd in held { close(fd) }

        // Within a few seconds it answers again.
        var answered = false
        let retryUntil = Date().addingTimeInterval(10)
        while !answered, Date() < retryUntil {
            if let home = try? String(contentsOf: URL(string: address)!, encoding: .utf8), home.contains("<h1>Peace Talks Briefing</h1>") {
                answered = true
            } else {
                usleep(200_000)
            }
        }
        #expect(answered, "the server answers after the flood")
        kill(process.processIdentifier, SIGINT)
        #expect(ServeEndToEndTests.exited(process), "the server stops on Ctrl-C after the flood")
        #expect(process.terminationStatus == 0)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.contains("the server stopped accepting connections"), "the restart is reported: \(errors)")
    }

    @Test("--host ::1 says only IPv4 is supported, without a not-loopback warning")
    func ipv6Host() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // A temporary folder of its own, to see that the failed start leaves nothing in it.
        let temporary = site.appendingPathComponent("tmp")
        let (process, _, err) = try ServeEndToEndTests.startServe(in: site, arguments: ["--host", "::1"], temporary: temporary)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("only IPv4 addresses are supported"), "\(stderr)")
        #expect(!stderr.contains("not loopback"), "\(stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty, "no temporary build folder left")
    }

    @Test("--output naming a foreign folder is an error, not a site that never built")
    func foreignOutput() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let foreign = site.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "mine".write(to: foreign.appendingPathComponent("keep.txt"), atomically: true, encoding: .utf8)
        let result = try Briefgen.run(["serve", "--port", "0", "--output", foreign.path], in: site)
        #expect(result.status == 1)
        #expect(!result.stderr.contains("last site that built"), "\(result.stderr)")
        #expect(result.stderr.contains("choose another --output"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("keep.txt").path))
    }

    @Test("a port already in use is a clear error")
    func portInUse() throws {
        let site = try Briefgen.sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        // Hold a port with a listening socket.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 1)
        var bound = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = UInt16(bigEndian: bound.sin_port)
        let result = try Briefgen.run(["serve", "--port", String(port)], in: site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("port \(port) on 127.0.0.1 is already in use"))
    }
}
