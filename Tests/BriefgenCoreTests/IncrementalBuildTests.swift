import Foundation
import Testing
@testable import BriefgenCore

/// Rebuilds skip pages whose inputs did not change; the result must always equal a fresh build.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// Builds incrementally into Output/ and from scratch into Fresh/, and compares them.
    func assertMatchesFresh(_ folder: TemporaryFolder, cache: SummaryCache, _ label: String) throws -> BuildReport {
        let report = try SiteBuilder(options: TestSite.options(folder), cache: cache).build()
        try? FileManager.default.removeItem(at: folder.path("Fresh"))
        var fresh = TestSite.options(folder, output: "Fresh")
        fresh.cacheDirectory = nil
        _ = try SiteBuilder(options: fresh).build()
        let incremental = TestSite.tree(folder.path("Output"))
        let expected = TestSite.tree(folder.path("Fresh"))
        #expect(Set(incremental.keys) == Set(expected.keys), "\(label): same files")
        for (path, data) in expected where incremental[path] != data {
            Issue.record("\(label): \(path) differs from a fresh build")
        }
        return report
    }

    @Test("after each kind of edit, an incremental build equals a fresh one and renders only what depends on the edit")
    func edits() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let cache = SummaryCache()
        let first = try assertMatchesFresh(folder, cache: cache, "first build")
        #expect(first.rendered == first.pages)

        let unchanged = try assertMatchesFresh(folder, cache: cache, "nothing changed")
        #expect(unchanged.rendered == 0)

        // Edit one article's text: its page, its briefings, home, feeds, timeline, actor pages; not the others.
        let europe = "Content/articles/2025-12-29-europe-watches-the-talks.md"
        folder.write(europe, folder.read(europe)!.replacingOccurrences(of: "cautiously\nwelcomed", with: "carefully\nwelcomed"))
        let edited = try assertMatchesFresh(folder, cache: cache, "one article edited")
        #expect(edited.rendered > 0 && edited.rendered < edited.pages / 2, "rendered \(edited.rendered) of \(edited.pages)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x").path))

        // Change an article's date: orderings move.
        folder.write(europe, folder.read(europe)!.replacingOccurrences(of: "date: 2025-12-29", with: "date: 2025-12-30"))
        _ = try assertMatchesFresh(folder, cache: cache, "date changed")

        // Add and remove articles.
        folder.write("Content/articles/new.txt", "date 2025-12-31 New Report on the Donbas\n\nThe Donbas and territory were discussed again.\n")
        _ = try assertMatchesFresh(folder, cache: cache, "article added")
        try FileManager.default.removeItem(at: folder.path("Content/articles/2025-12-28-trump-putin-call-before-mar-a-lago.txt"))
        _ = try assertMatchesFresh(folder, cache: cache, "article removed")

        // Site inputs: a point's keywords, an actor, the configuration, a template, the stylesheet.
        let point = "Content/points/european-role.md"
        folder.write(point, folder.read(point)!.replacingOccurrences(of: "  - Europe\n", with: "  - Europe\n  - Donbas\n"))
        let all = try assertMatchesFresh(folder, cache: cache, "keywords changed")
        #expect(all.rendered == all.pages, "a point's keywords can move any article: everything re-renders")
        let actor = "Content/actors/putin.md"
        folder.write(actor, folder.read(actor)!.replacingOccurrences(of: "role: President of Russia", with: "role: Russian president"))
        _ = try assertMatchesFresh(folder, cache: cache, "actor changed")
        folder.write("Content/site.yml", folder.read("Content/site.yml")!.replacingOccurrences(of: "latest_count: 10", with: "latest_count: 2"))
        _ = try assertMatchesFresh(folder, cache: cache, "configuration changed")
        folder.write("Templates/partials/footer.mustache", "<footer class=\"site-footer\"><p>{{site.title}}</p></footer>")
        _ = try assertMatchesFresh(folder, cache: cache, "template changed")
        folder.write("Templates/assets/site.css", "body { margin: 0; }\n")
        _ = try assertMatchesFresh(folder, cache: cache, "stylesheet changed")
    }

    @Test("renaming a point's or an actor's file (its slug) rebuilds what named the old slug")
    func renamedPointAndActor() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let cache = SummaryCache()
        _ = try assertMatchesFresh(folder, cache: cache, "first build")
        try FileManager.default.moveItem(at: folder.path("Content/actors/zelenskyy.md"), to: folder.path("Content/actors/zelensky.md"))
        _ = try assertMatchesFresh(folder, cache: cache, "actor renamed")
        #expect(FileManager.default.fileExists(atPath: folder.path("Output/actors/zelensky/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output/actors/zelenskyy").path))
        try FileManager.default.moveItem(at: folder.path("Content/points/territory-and-donbas.md"), to: folder.path("Content/points/territory.md"))
        _ = try assertMatchesFresh(folder, cache: cache, "point renamed")
        // A new process, with only what the cache folder kept.
        try FileManager.default.moveItem(at: folder.path("Content/actors/zelensky.md"), to: folder.path("Content/actors/zelenskyy.md"))
        _ = try assertMatchesFresh(folder, cache: SummaryCache.load(from: folder.path(".briefgen-cache/Output.summaries")), "renamed back")
    }

    @Test("a quote far down a briefing is in the 'Who said what' of the page listing it, and refreshes when it changes")
    func whoSaidWhatOnLaterPages() throws {
        let folder = TemporaryFolder()
        var articles: [String: String] = [:]
        for day in 1...45 {
            articles["quiet-\(day).md"] = "---\ntitle: Quiet \(day)\ndate: 2025-11-\(String(format: "%02d", min(day, 28)))\n---\nOn the territory and the Donbas, no one spoke.\n"
        }
        articles["spoken.md"] = "---\ntitle: Spoken\ndate: 2025-01-05\n---\nOn the territory and the Donbas, \"we will hold the line,\" said Maria Kovac.\n"
        TestSite.minimal(folder, articles: articles)
        let cache = SummaryCache()
        // 46 developments, 20 a page: the quote's is on the third page, and in its aside.
        func aside(_ page: String) -> String {
            HTMLInspection.section(folder.read("Output/points/territory/\(page)index.html") ?? "", headingID: "who-heading")
        }
        _ = try assertMatchesFresh(folder, cache: cache, "first build")
        #expect(aside("page/3/").contains("we will hold the line") && aside("page/3/").contains("5 January 2025"))
        for page in ["", "page/2/"] {
            #expect(aside(page).contains("No one is quoted in the developments on this page."), "not 'on this point': the third page quotes someone")
        }
        folder.write("Content/articles/spoken.md", articles["spoken.md"]!.replacingOccurrences(of: "2025-01-05", with: "2025-02-07"))
        _ = try assertMatchesFresh(folder, cache: cache, "quote's article redated")
        #expect(aside("page/3/").contains("7 February 2025"))
    }

    @Test("an article edited to name an actor appears on the actor's page, as in a fresh build")
    func actorNamed() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["talks.md": "---\ntitle: Talks\ndate: 2025-12-20\n---\nOn the territory, the talks went on.\n"])
        let cache = SummaryCache()
        _ = try assertMatchesFresh(folder, cache: cache, "first build")
        #expect(folder.read("Output/actors/kovac/index.html")?.contains("/articles/talks/") == false)
        folder.write("Content/articles/talks.md", "---\ntitle: Talks\ndate: 2025-12-20\n---\nOn the territory, Maria Kovac met the delegation.\n")
        _ = try assertMatchesFresh(folder, cache: cache, "actor named")
        #expect(folder.read("Output/actors/kovac/index.html")?.contains(#"<a href="/articles/talks/">Talks</a>"#) == true)
    }

    @Test("renaming a raw article's file by case alone builds what a fresh build makes, and no page shows the file's name")
    func caseOnlyRename() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder, articles: ["talks.txt": "date 2025-12-20 On the territory, Kovac said the talks would go on.\n"])
        let cache = SummaryCache()
        _ = try assertMatchesFresh(folder, cache: cache, "first build")
        try FileManager.default.moveItem(at: folder.path("Content/articles/talks.txt"), to: folder.path("Content/articles/Talks.txt"))
        _ = try assertMatchesFresh(folder, cache: cache, "renamed by case")
        let page = try #require(folder.read("Output/articles/talks/index.html"))
        #expect(!page.contains("Talks.txt") && !page.contains("talks.txt"))
    }

    @Test("a new process (no in-memory cache) reuses the manifest's fingerprints too")
    func acrossProcesses() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let second = try TestSite.build(folder)
        #expect(second.rendered == 0)
        folder.write("Content/articles/extra.md", "---\ntitle: Extra\ndate: 2025-01-01\n---\nAn old article about nothing in particular.\n")
        let third = try TestSite.build(folder)
        #expect(third.rendered > 0 && third.rendered < third.pages)
    }

    @Test("an edit that keeps the file's size, inode and modification time is still seen")
    func sameSizeEditWithRestoredModificationTime() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let europe = folder.path("Content/articles/2025-12-29-europe-watches-the-talks.md")
        let original = try #require(folder.read("Content/articles/2025-12-29-europe-watches-the-talks.md"))
        let edited = original.replacingOccurrences(of: "cautiously\nwelcomed", with: "carefully\n welcomed")
        #expect(edited.utf8.count == original.utf8.count && edited != original)
        try TestSite.build(folder)
        #expect(folder.read("Output/articles/2025-12-29-europe-watches-the-talks/index.html")?.contains("cautiously") == true)

        // Overwrite in place (same inode, same size), then put the old modification time back to
        // the nanosecond, as `touch -r` or unpacking an older archive would.
        var before = stat()
        #expect(stat(europe.path, &before) == 0)
        let handle = try FileHandle(forWritingTo: europe)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, europe.path, times, 0) == 0)
        var after = stat()
        #expect(stat(europe.path, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

        let rebuilt = try TestSite.build(folder)
        #expect(rebuilt.rendered > 0)
        let page = folder.read("Output/articles/2025-12-29-europe-watches-the-talks/index.html")
        #expect(page?.contains("carefully") == true && page?.contains("cautiously") == false)
    }

    @Test("a different briefgen (an upgrade) reuses nothing the previous one cached")
    func newEngine() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        func build(engine: String) throws -> BuildReport {
            var options = TestSite.options(folder)
            options.engine = engine
            return try SiteBuilder(options: options).build()
        }
        _ = try build(engine: "briefgen A")
        let same = try build(engine: "briefgen A")
        #expect(!same.steps.contains { $0.name == "articles" } && same.rendered == 0)
        let upgraded = try build(engine: "briefgen B")
        #expect(upgraded.steps.contains { $0.name == "articles" })
        #expect(upgraded.rendered == upgraded.pages)
        #expect(EngineIdentity.current.hasPrefix("briefgen \(BriefgenVersion.string); \(SummaryCache.format)"))
    }

    @Test("with nothing changed the output is checked and left alone; any change to inputs or output is seen")
    func unchangedSite() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        func build(now: Day = Day(year: 2026, month: 1, day: 1)!) throws -> BuildReport {
            var options = TestSite.options(folder)
            options.now = now
            return try SiteBuilder(options: options).build()
        }
        func tookShortcut(_ report: BuildReport) -> Bool {
            report.steps.contains { $0.name == "check output" } && !report.steps.contains { $0.name == "articles" }
        }
        let first = try build()
        let before = TestSite.tree(folder.path("Output"))

        let unchanged = try build()
        #expect(tookShortcut(unchanged))
        #expect(unchanged.output?.written == 0 && unchanged.output?.files == first.output?.files)
        #expect(unchanged.pages == first.pages && unchanged.articles == first.articles)
        #expect(TestSite.tree(folder.path("Output")) == before)

        // A page deleted from Output/ by hand is written again.
        try FileManager.default.removeItem(at: folder.path("Output/points/index.html"))
        let repaired = try build()
        #expect(!tookShortcut(repaired) && repaired.output?.written == 1)
        #expect(TestSite.tree(folder.path("Output")) == before)

        // A page edited by hand in place, keeping its size and inode, is written again too.
        let timeline = folder.path("Output/timeline/index.html")
        let original = try Data(contentsOf: timeline)
        let offset = try #require(original.range(of: Data("Peace Talks Briefing".utf8))).upperBound - 1
        let handle = try FileHandle(forUpdating: timeline)
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data("x".utf8))
        try handle.close()
        #expect(try Data(contentsOf: timeline).count == original.count)
        let sameSize = try build()
        #expect(!tookShortcut(sameSize) && sameSize.output?.written == 1)
        #expect(TestSite.tree(folder.path("Output")) == before)
        // The same, found by a rebuild that renders something else (the page itself is kept by
        // its fingerprint, not rendered, unless the file is the one written).
        let edit = try FileHandle(forUpdating: timeline)
        try edit.seek(toOffset: UInt64(offset))
        try edit.write(contentsOf: Data("y".utf8))
        try edit.close()
        let actor = "Content/actors/putin.md"
        let actorText = try #require(folder.read(actor))
        folder.write(actor, actorText + "\n")
        let rebuilt = try build()
        #expect(!tookShortcut(rebuilt))
        #expect(try Data(contentsOf: timeline) == original)
        folder.write(actor, actorText)
        _ = try build()

        // An article saved again without a change: looked at, nothing rendered.
        let europe = folder.path("Content/articles/2025-12-29-europe-watches-the-talks.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: europe.path)
        let touched = try build()
        #expect(!tookShortcut(touched) && touched.rendered == 0)
        #expect(tookShortcut(try build()))

        // A static file added, edited and removed; a theme image changed.
        folder.write("Content/static/CNAME", "briefings.example.org\n")
        #expect(!tookShortcut(try build()))
        #expect(folder.read("Output/CNAME") == "briefings.example.org\n")
        folder.write("Content/static/CNAME", "news.example.org\n")
        _ = try build()
        #expect(folder.read("Output/CNAME") == "news.example.org\n")
        try FileManager.default.removeItem(at: folder.path("Content/static/CNAME"))
        _ = try build()
        #expect(folder.read("Output/CNAME") == nil)
        folder.write("Templates/assets/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        _ = try build()
        folder.write("Templates/assets/mark.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>mark</title></svg>")
        #expect(!tookShortcut(try build()))
        #expect(folder.read("Output/assets/mark.svg")?.contains("<title>mark</title>") == true)

        // An article held back as future appears on its day, though no file changed.
        folder.write("Content/articles/later.md", "---\ntitle: Later\ndate: 2026-03-01\n---\nA later note on the territory.\n")
        let held = try build()
        #expect(held.skippedFuture == 1)
        #expect(tookShortcut(try build(now: Day(year: 2026, month: 2, day: 28)!)))
        let published = try build(now: Day(year: 2026, month: 3, day: 1)!)
        #expect(!tookShortcut(published) && published.skippedFuture == 0 && published.articles == held.articles + 1)

        // Built again for an earlier day, the newest article is future once more, though no file changed.
        let back = try build(now: Day(year: 2026, month: 2, day: 28)!)
        #expect(!tookShortcut(back) && back.skippedFuture == 1 && back.articles == held.articles)
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output/articles/later").path))
        // Any day from the newest published article's to the day before the next future one is the same site.
        #expect(tookShortcut(try build(now: Day(year: 2025, month: 12, day: 29)!)))
        let earlier = try build(now: Day(year: 2025, month: 12, day: 28)!)
        #expect(!tookShortcut(earlier) && earlier.articles < held.articles)
    }

    @Test("a status change dated after --now appears on its day, as a future article does, and equals a fresh build")
    func futureStatusChange() throws {
        let folder = TemporaryFolder()
        var articles: [String: String] = [:]
        for day in 1...3 { articles["a\(day).md"] = "---\ntitle: A\(day)\ndate: 2026-01-0\(day)\n---\nThe territory question and the territory maps.\n" }
        TestSite.minimal(folder, articles: articles)
        folder.write("Content/points/territory.md", """
        ---
        title: Territory
        status: unresolved
        order: 1
        keywords: [territory]
        history:
          - date: 2026-01-02
            status: unresolved
            note: Talks began.
          - date: 2026-02-01
            status: nearing
            note: A draft map was agreed.
        ---
        The land question.
        """)
        let cache = SummaryCache()
        func build(now: String, future: Bool = false) throws -> String {
            var options = TestSite.options(folder)
            options.now = Day(iso: now)!
            options.includeFuture = future
            _ = try SiteBuilder(options: options, cache: cache).build()
            var fresh = TestSite.options(folder, output: "Fresh")
            fresh.now = Day(iso: now)!
            fresh.includeFuture = future
            fresh.cacheDirectory = nil
            try? FileManager.default.removeItem(at: folder.path("Fresh"))
            _ = try SiteBuilder(options: fresh).build()
            #expect(TestSite.tree(folder.path("Output")) == TestSite.tree(folder.path("Fresh")), "\(now) \(future)")
            return folder.read("Output/points/territory/index.html") ?? ""
        }
        #expect(try !build(now: "2026-01-20").contains("A draft map was agreed."))
        // Still before its day: nothing changed, and the entry stays out.
        #expect(try !build(now: "2026-01-31").contains("A draft map was agreed."))
        #expect(try build(now: "2026-02-01").contains("A draft map was agreed."))
        // Back before its day, and with --future.
        #expect(try !build(now: "2026-01-31").contains("A draft map was agreed."))
        #expect(try build(now: "2026-01-20", future: true).contains("A draft map was agreed."))
    }

    @Test("a damaged or foreign build cache is ignored, never trusted")
    func damagedCache() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let expected = TestSite.tree(folder.path("Output"))
        let shards = folder.path(".briefgen-cache/Output.summaries")
        let names = try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { !$0.contains(".tmp") }
        #expect(!names.isEmpty)
        var generator = SystemRandomNumberGenerator()
        for (index, name) in names.enumerated() {
            let file = shards.appendingPathComponent(name)
            var bytes = [UInt8](try Data(contentsOf: file))
            switch index % 3 {
            case 0: bytes = Array(bytes.prefix(bytes.count / 2)) // cut short
            case 1: for position in stride(from: 24, to: bytes.count, by: 7) { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
            default: bytes = [UInt8](repeating: 0xFF, count: 64) // not a cache at all
            }
            try Data(bytes).write(to: file)
        }
        // An edit forces the articles pass, which now meets the damaged cache.
        let europe = "Content/articles/2025-12-29-europe-watches-the-talks.md"
        folder.write(europe, folder.read(europe)! + "\nOne more line.\n")
        try FileManager.default.removeItem(at: folder.path("Output"))
        try TestSite.build(folder)
        var fresh = TestSite.options(folder, output: "Fresh")
        fresh.cacheDirectory = nil
        _ = try SiteBuilder(options: fresh).build()
        #expect(TestSite.tree(folder.path("Output")) == TestSite.tree(folder.path("Fresh")))
        #expect(TestSite.tree(folder.path("Output")) != expected)
    }

    @Test("a manifest with an impossible day or a path out of the output folder is not trusted", arguments: [
        "horizon", "outside",
    ])
    func untrustworthyManifest(_ damage: String) throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        folder.write("victim.txt", "precious")
        let manifest = ".briefgen-cache/Output.manifest"
        var lines = try #require(folder.read(manifest)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if damage == "horizon" {
            // The build line's third field, the horizon day, made a number no day has.
            let index = try #require(lines.firstIndex { $0.hasPrefix("build ") })
            var fields = lines[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            fields[2] = String(Int.max)
            lines[index] = fields.joined(separator: " ")
        } else {
            lines.insert("0000000000000000 8 - ../victim.txt", at: lines.count - 1)
        }
        folder.write(manifest, lines.joined(separator: "\n"))
        let europe = "Content/articles/2025-12-29-europe-watches-the-talks.md"
        folder.write(europe, folder.read(europe)! + "\nOne more line.\n")
        let report = try TestSite.build(folder)
        #expect(report.rendered == report.pages, "a fresh build, not an incremental one")
        #expect(folder.read("victim.txt") == "precious")
        #expect(Day(storedOrdinal: Int.max) == nil && Day(storedOrdinal: Int.min) == nil)
    }

    @Test("a manifest of an older briefgen means a fresh build, even for a theme without the generator tag")
    func olderManifest() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let layout = "Templates/layout.mustache"
        folder.write(layout, try #require(folder.read(layout)).replacingOccurrences(of: "<meta name=\"generator\" content=\"briefgen\">", with: ""))
        try TestSite.build(folder)
        let manifest = ".briefgen-cache/Output.manifest"
        let text = try #require(folder.read(manifest))
        #expect(text.hasPrefix(Manifest.header))
        folder.write(manifest, "briefgen-manifest 3\n" + text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n"))
        let report = try TestSite.build(folder)
        #expect(report.mode == .fresh && report.rendered == report.pages)
        // A folder with neither is still refused.
        try FileManager.default.removeItem(at: folder.path(".briefgen-cache"))
        #expect(throws: DiagnosticList.self) { try TestSite.build(folder) }
    }

    @Test("files a killed build left in the cache are removed by the next build; a running build's are not")
    func killedBuildLeftovers() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        // PIDs above the kernel's limit (4,194,304) belong to no process.
        let dead = ["Output.manifest.previous-4999999", "Output.manifest.tmp-4999998", "Output.summaries/shard-0.tmp-4999997"]
        let live = "Output.manifest.tmp-1"
        // The manifest of an output folder named `out.tmp-v2` is nobody's temporary.
        let notTemporary = "out.tmp-v2.manifest"
        for name in dead + [live, notTemporary] { folder.write(".briefgen-cache/" + name, "left behind") }
        let europe = "Content/articles/2025-12-29-europe-watches-the-talks.md"
        folder.write(europe, folder.read(europe)! + "\nOne more line.\n")
        try TestSite.build(folder)
        for name in dead { #expect(folder.read(".briefgen-cache/" + name) == nil, "\(name)") }
        #expect(folder.read(".briefgen-cache/" + live) == "left behind", "PID 1 runs")
        #expect(folder.read(".briefgen-cache/" + notTemporary) == "left behind")
        #expect(OutputWriter.temporaryOwner("Output.manifest.tmp-42", suffixes: [".tmp-"]) == 42)
        #expect(OutputWriter.temporaryOwner("out.tmp-v2.manifest", suffixes: [".tmp-"]) == nil)
        #expect(OutputWriter.temporaryOwner("out.tmp-", suffixes: [".tmp-"]) == nil)
    }

    @Test("a cache that cannot be saved fails the build, names the file, and leaves Output/ as it was")
    func unsavableCache() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        try TestSite.build(folder)
        let before = TestSite.tree(folder.path("Output"))
        // Each shard's place is taken by a folder with a file in it, so no shard can be renamed into place.
        let shards = folder.path(".briefgen-cache/Output.summaries")
        try FileManager.default.removeItem(at: shards)
        for index in 0..<SummaryCache.shardCount {
            folder.write(".briefgen-cache/Output.summaries/" + String(format: "%02x", index) + "/keep", "")
        }
        let europe = "Content/articles/2025-12-29-europe-watches-the-talks.md"
        folder.write(europe, folder.read(europe)!.replacingOccurrences(of: "cautiously\nwelcomed", with: "carefully\nwelcomed"))
        do {
            try TestSite.build(folder)
            Issue.record("the build should fail")
        } catch let error as DiagnosticList {
            #expect(error.diagnostics.contains { $0.description.contains("Output.summaries/") }, "\(error.diagnostics)")
        }
        #expect(TestSite.tree(folder.path("Output")) == before)
    }
}
