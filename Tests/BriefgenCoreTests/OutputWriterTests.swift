import Foundation
import Testing
@testable import BriefgenCore

@Suite("Output writer")
struct OutputWriterTests {
    func writer(_ folder: TemporaryFolder, fresh: Bool = false) throws -> OutputWriter {
        try OutputWriter(output: folder.path("Output"), manifestURL: folder.path("cache/Output.manifest"), fresh: fresh)
    }

    @Test("a first build writes into staging and moves it into place on commit")
    func firstBuild() throws {
        let folder = TemporaryFolder()
        let output = try writer(folder)
        #expect(output.mode == .fresh)
        try output.write("index.html", "<p>home</p>")
        try output.write("articles/a/index.html", "<p>a</p>")
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output").path), "nothing visible before commit")
        let summary = try output.commit()
        #expect(summary.written == 2)
        #expect(folder.read("Output/index.html") == "<p>home</p>")
        #expect(folder.read("Output/articles/a/index.html") == "<p>a</p>")
    }

    @Test("a build that fails midway leaves the previous output exactly as it was")
    func failureMidway() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "old home")
        try first.write("articles/a/index.html", "old a")
        _ = try first.commit()
        let before = TestSite.tree(folder.path("Output"))

        for fresh in [false, true] {
            let second = try writer(folder, fresh: fresh)
            try second.write("index.html", "new home")
            try second.write("articles/b/index.html", "new b")
            // The build fails here (a template or content error): it discards instead of committing.
            second.discard()
            #expect(TestSite.tree(folder.path("Output")) == before)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains("staging") }
            #expect(leftovers.isEmpty, "the staging folder is removed")
        }
    }

    @Test("an incremental commit that fails halfway puts back every file it had already replaced")
    func incrementalCommitFailure() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "old home")
        try first.write("articles/a/index.html", "old a")
        try first.write("articles/b/index.html", "b")
        _ = try first.commit()
        // A folder where the next build wants a file: its rename fails after earlier ones succeeded.
        folder.write("Output/zzz.html/keep.txt", "not briefgen's")
        let before = TestSite.tree(folder.path("Output"))

        let second = try writer(folder)
        #expect(second.mode == .incremental)
        try second.write("index.html", "new home")
        try second.write("articles/a/index.html", "new a")
        try second.write("articles/c/index.html", "new c")
        try second.write("zzz.html", "in the way")
        #expect(throws: Diagnostic.self) { _ = try second.commit() }
        second.discard()
        #expect(TestSite.tree(folder.path("Output")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".Output.") }
        #expect(leftovers.isEmpty, "no staging or backup folder is left behind")

        let third = try writer(folder)
        #expect(third.mode == .incremental, "the previous manifest still describes Output/")
        #expect(try third.write("index.html", "old home") == false)
    }

    @Test("a file of the previous site can become a folder, and a folder a file")
    func fileBecomesFolder() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("img", "a file")
        try first.write("docs/a.txt", "a")
        try first.write("docs/sub/b.txt", "b")
        try first.write("index.html", "home")
        _ = try first.commit()

        let second = try writer(folder)
        #expect(second.mode == .incremental)
        try second.write("img/a.txt", "now in a folder")
        try second.write("docs", "now a file")
        try second.write("index.html", "home")
        let summary = try second.commit()
        #expect(summary.deleted == 3)
        #expect(TestSite.tree(folder.path("Output")) == ["img/a.txt": Data("now in a folder".utf8), "docs": Data("now a file".utf8),
                                                         "index.html": Data("home".utf8)])

        // And a failure afterwards puts both back.
        let before = TestSite.tree(folder.path("Output"))
        folder.write("Output/zzz.html/keep.txt", "not briefgen's")
        let third = try writer(folder)
        try third.write("img", "a file again")
        try third.write("docs/a.txt", "a again")
        try third.write("zzz.html", "in the way")
        #expect(throws: Diagnostic.self) { _ = try third.commit() }
        third.discard()
        var after = TestSite.tree(folder.path("Output"))
        after["zzz.html/keep.txt"] = nil
        #expect(after == before)
    }

    @Test("hidden entries at the top of Output/ survive a fresh build; a folder of only hidden files is written into")
    func keepsHiddenEntries() throws {
        let folder = TemporaryFolder()
        folder.write("Output/.git/HEAD", "ref: refs/heads/gh-pages")
        folder.write("Output/.nojekyll", "")
        for fresh in [true, true, false] {
            let output = try writer(folder, fresh: fresh)
            try output.write("index.html", "home")
            _ = try output.commit()
            #expect(folder.read("Output/.git/HEAD") == "ref: refs/heads/gh-pages")
            #expect(folder.read("Output/.nojekyll") == "")
            #expect(folder.read("Output/index.html") == "home")
        }
    }

    @Test("after a build killed while it swapped folders, the user's hidden entries and the previous site are put back, not deleted")
    func killedMidSwap() throws {
        // Killed after `.git` was carried into the staging folder, before the swap.
        let folder = TemporaryFolder()
        folder.write("Output/index.html", "<meta name=\"generator\" content=\"briefgen\">")
        folder.write(".Output.staging-999999/.git/HEAD", "ref: refs/heads/gh-pages")
        folder.write(".Output.staging-999999/index.html", "half a new site")
        _ = try writer(folder)
        #expect(folder.read("Output/.git/HEAD") == "ref: refs/heads/gh-pages")
        #expect(!FileManager.default.fileExists(atPath: folder.path(".Output.staging-999999").path))
        // Killed after the previous site was set aside, before the new one took its place.
        let other = TemporaryFolder()
        other.write(".Output.old-999999/index.html", "<meta name=\"generator\" content=\"briefgen\">previous")
        other.write(".Output.old-999999/.git/HEAD", "ref")
        _ = try writer(other)
        #expect(other.read("Output/index.html")?.hasSuffix("previous") == true && other.read("Output/.git/HEAD") == "ref")
    }

    @Test("a home folder (hidden files only a home has) is refused and left whole; other hidden files are a site's")
    func homeFolderRefused() throws {
        let folder = TemporaryFolder()
        folder.write("Output/.bashrc", "alias ll='ls -l'")
        folder.write("Output/.ssh/id_ed25519", "key")
        folder.write("Output/.git/HEAD", "ref: refs/heads/main")
        #expect {
            try writer(folder)
        } throws: { error in
            (error as? Diagnostic)?.message == "the output folder looks like a home folder (it holds .bashrc, .ssh) and no earlier build; choose an empty or new folder for --output"
        }
        #expect(TestSite.tree(folder.path("Output")).keys.sorted() == [".bashrc", ".git/HEAD", ".ssh/id_ed25519"])
        let site = TemporaryFolder()
        for name in [".keep", ".vercel/project.json", ".travis.yml", ".gitmodules", ".git/HEAD"] { site.write("Output/" + name, "x") }
        let output = try writer(site)
        try output.write("index.html", "home")
        _ = try output.commit()
        #expect(site.read("Output/.keep") == "x" && site.read("Output/index.html") == "home")
    }

    @Test("a folder with an index.html of someone else's is refused and left whole; one that names briefgen is replaced")
    func foreignIndexRefused() throws {
        let folder = TemporaryFolder()
        // A GitHub Pages `docs/` folder: a home page, notes and images of its own.
        folder.write("Output/index.html", "<!doctype html><title>Docs</title>")
        folder.write("Output/notes.txt", "precious")
        folder.write("Output/img/logo.png", "png")
        #expect(throws: Diagnostic.self) { try writer(folder) }
        #expect(folder.read("Output/notes.txt") == "precious")
        #expect(folder.read("Output/img/logo.png") == "png")

        // A site briefgen built, whose cache was deleted: its home page carries the tag.
        folder.write("Output/index.html", "<head><meta name=\"generator\" content=\"briefgen\"></head>")
        let output = try writer(folder)
        try output.write("index.html", "home")
        _ = try output.commit()
        #expect(folder.read("Output/index.html") == "home")
        #expect(folder.read("Output/notes.txt") == nil)
    }

    @Test("an output folder that is a link is written through: the link stays, the folder it names gets the site")
    func linkedOutput() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.path("www"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path("Output").path, withDestinationPath: "www")
        for round in ["first", "second"] {
            let output = try writer(folder, fresh: round == "first")
            try output.write("index.html", round)
            _ = try output.commit()
            #expect(folder.read("www/index.html") == round)
            let kind = try FileManager.default.attributesOfItem(atPath: folder.path("Output").path)[.type] as? FileAttributeType
            #expect(kind == .typeSymbolicLink)
        }
        try FileManager.default.removeItem(at: folder.path("www"))
        #expect(throws: Diagnostic.self) { try writer(folder) }
    }

    @Test("an incremental build does not write or delete through a link inside the output folder")
    func linkInsideOutput() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "home")
        try first.write("actors/a/index.html", "a")
        _ = try first.commit()
        // Someone moved a folder of the site elsewhere and left a link to it.
        try FileManager.default.moveItem(at: folder.path("Output/actors"), to: folder.path("elsewhere"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("Output/actors").path, withDestinationPath: folder.path("elsewhere").path)
        let second = try writer(folder)
        try second.write("index.html", "home v2")
        try second.write("actors/b/index.html", "b")
        #expect(throws: Diagnostic.self) { _ = try second.commit() }
        #expect(folder.read("elsewhere/a/index.html") == "a", "nothing deleted outside Output/")
        #expect(folder.read("elsewhere/b/index.html") == nil, "nothing written outside Output/")
        #expect(folder.read("Output/index.html") == "home", "Output/ as it was")
    }

    @Test("an incremental build rewrites only changed files and deletes removed ones")
    func incremental() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "home")
        try first.write("articles/a/index.html", "a")
        try first.write("articles/b/index.html", "b")
        _ = try first.commit()
        let inodeBefore = try FileManager.default.attributesOfItem(atPath: folder.path("Output/articles/a/index.html").path)[.systemFileNumber] as? Int

        let second = try writer(folder)
        #expect(second.mode == .incremental)
        #expect(try second.write("index.html", "home v2"))
        #expect(try second.write("articles/a/index.html", "a") == false, "unchanged: not rewritten")
        let summary = try second.commit()
        #expect(summary.written == 1)
        #expect(summary.unchanged == 1)
        #expect(summary.deleted == 1)
        #expect(folder.read("Output/index.html") == "home v2")
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output/articles/b").path), "removed page and its empty folder")
        let inodeAfter = try FileManager.default.attributesOfItem(atPath: folder.path("Output/articles/a/index.html").path)[.systemFileNumber] as? Int
        #expect(inodeBefore == inodeAfter, "the unchanged file is the same file")
    }

    @Test("removing the last file of a one-letter folder removes the folder (NSString trapped on its parent)", arguments: ["j", "é"])
    func oneLetterFolderEmptied(_ name: String) throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "home")
        try first.write(name + "/a.txt", "a")
        _ = try first.commit()
        let second = try writer(folder)
        try second.write("index.html", "home")
        let summary = try second.commit()
        #expect(summary.deleted == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("Output/" + name).path))
        #expect(folder.read("Output/index.html") == "home")
    }

    @Test("a file edited by hand in Output/ is rewritten")
    func tamperedOutput() throws {
        let folder = TemporaryFolder()
        let first = try writer(folder)
        try first.write("index.html", "home")
        _ = try first.commit()
        folder.write("Output/index.html", "vandalised!")
        let second = try writer(folder)
        try second.write("index.html", "home")
        _ = try second.commit()
        #expect(folder.read("Output/index.html") == "home")
    }

    @Test("paths that would leave the output folder are refused", arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "./x", "..", ".", "a/.", "a/", "", "x\0y"])
    func refusesEscapes(_ path: String) throws {
        let folder = TemporaryFolder()
        let output = try writer(folder)
        #expect(throws: Diagnostic.self) { try output.write(path, "x") }
        output.discard()
    }

    @Test("names with dots that stay inside are fine", arguments: [".well-known/security.txt", "a/..b/c.html", ".../x", "a.b/.c"])
    func allowsDots(_ path: String) throws {
        let folder = TemporaryFolder()
        let output = try writer(folder)
        #expect(try output.write(path, "x"))
        output.discard()
    }

    @Test("a folder that briefgen did not write is not replaced")
    func refusesForeignFolder() {
        let folder = TemporaryFolder()
        folder.write("Output/notes.txt", "precious")
        #expect(throws: Diagnostic.self) { try writer(folder) }
        #expect(folder.read("Output/notes.txt") == "precious")
    }
}
