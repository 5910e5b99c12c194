import Foundation
import Testing
@testable import BriefgenCore

/// Symbolic links among the sources: followed inside the project (the folder holding `Content/`
/// and `Templates/`), refused by name when they lead out of it, so that a link committed to a
/// repository cannot publish the build machine's files.
@Suite("Symbolic links")
struct SymbolicLinkTests {
    /// A file outside the project, standing for `/etc/shadow` or a CI token.
    static func secretElsewhere() -> (folder: TemporaryFolder, file: URL) {
        let elsewhere = TemporaryFolder("briefgen-elsewhere")
        return (elsewhere, elsewhere.write("secret.txt", "not for publishing\n"))
    }

    func link(_ folder: TemporaryFolder, _ relative: String, to target: String) {
        let url = folder.path(relative)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    @Test("a link out of the project is refused, named, and nothing is published",
          arguments: ["Content/static/secret.txt", "Content/static/nested/secret.txt", "Templates/assets/secret.css",
                      "Content/articles/secret.md", "Content/points/secret.md", "Content/actors/secret.md",
                      "Templates/partials/secret.mustache", "Content/site.yml"])
    func fileLinkOutside(path: String) throws {
        let folder = TemporaryFolder()
        let (elsewhere, secret) = Self.secretElsewhere()
        let problems = try TestSite.failedBuildProblems(folder) {
            if path == "Content/site.yml" { try! FileManager.default.removeItem(at: folder.path(path)) }
            link(folder, path, to: secret.path)
        }
        #expect(problems.map(\.file) == [path])
        let real = FileSystem.realPath(secret.path)!
        #expect(problems.first?.message.hasPrefix("is a symbolic link to \(real), outside the project folder") == true)
        _ = elsewhere
    }

    @Test("a linked folder out of the project is refused, and so is a source folder that is one",
          arguments: ["Content/static/shared", "Templates/assets/shared", "Content/articles/shared", "Content/static", "Content/articles"])
    func folderLinkOutside(path: String) throws {
        let folder = TemporaryFolder()
        let elsewhere = TemporaryFolder("briefgen-elsewhere")
        elsewhere.write("shared/secret.md", "---\ntitle: S\ndate: 2025-12-20\n---\nNot for publishing.\n")
        let problems = try TestSite.failedBuildProblems(folder) {
            try? FileManager.default.removeItem(at: folder.path(path))
            link(folder, path, to: elsewhere.path("shared").path)
        }
        #expect(problems.map(\.file) == [path])
    }

    @Test("links inside the project are followed: files, folders, and into the other source folder")
    func linksInsideProject() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("Shared/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        folder.write("Shared/fonts/a.woff2", "font")
        folder.write("Shared/extra.md", "---\ntitle: Extra\ndate: 2025-12-20\n---\nOn the territory.\n")
        link(folder, "Content/static/logo.svg", to: "../../Shared/logo.svg")
        link(folder, "Content/static/fonts", to: folder.path("Shared/fonts").path)
        link(folder, "Content/static/theme.css", to: "../../Templates/assets/site.css")
        link(folder, "Content/articles/extra.md", to: "../../Shared/extra.md")
        try TestSite.build(folder)
        #expect(folder.read("Output/logo.svg")?.hasPrefix("<svg") == true)
        #expect(folder.read("Output/fonts/a.woff2") == "font")
        #expect(folder.read("Output/theme.css") == folder.read("Templates/assets/site.css"))
        #expect(folder.read("Output/articles/extra/index.html")?.contains("On the territory.") == true)
    }

    @Test("a static link into the output folder or the cache is refused: the site would nest inside itself at every build",
          arguments: [("Content/static/site", "../../Output"), ("Content/static/page.html", "../../Output/index.html"),
                      ("Templates/assets/cache", "../../.briefgen-cache")])
    func linkIntoOutput(path: String, target: String) throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) { link(folder, path, to: target) }
        #expect(problems.map(\.file) == [path])
        #expect(problems.first?.message.contains("which leads into \(target.hasSuffix("cache") ? ".briefgen-cache" : "Output"), what briefgen writes") == true)
    }

    @Test("the content and theme folders themselves may be links anywhere: the user named them")
    func sourceFoldersAsLinks() throws {
        let elsewhere = TemporaryFolder("briefgen-elsewhere")
        elsewhere.copySampleSite()
        let folder = TemporaryFolder()
        link(folder, "Content", to: elsewhere.path("Content").path)
        link(folder, "Templates", to: elsewhere.path("Templates").path)
        let report = try TestSite.build(folder)
        #expect(report.articles > 0)
    }

    @Test("the policy compares whole path components")
    func wholeComponents() throws {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", "title: T\n")
        let policy = LinkPolicy(sourceFolder: folder.path("Content").path, shownFolder: "Content")
        let project = try #require(FileSystem.realPath(folder.url.path))
        #expect(policy.allows(project))
        #expect(policy.allows(project + "/Shared/a.md"))
        #expect(!policy.allows(project + "-other/a.md"))
        #expect(!policy.allows(PathText.parent(project)))
        #expect(policy.shownProject == "the current folder")
        #expect(LinkPolicy(sourceFolder: folder.path("Content").path, shownFolder: "site/Content").shownProject == "site")
    }
}
