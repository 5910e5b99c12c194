import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
        #expect(problems.first?.message.hasPrefix("is a symbolic link to \(real), outside the project (\(FileSystem.realPath(folder.url.path)!)):") == true)
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

    @Test("a link to a hidden file or folder of the project is refused: a checkout keeps its token in .git/config",
          arguments: [("Content/static/config.txt", "../../.git/config"), ("Content/static/repo", "../../.git"),
                      ("Content/static/env.txt", "../../.env"), ("Templates/assets/x.css", "../../Shared/.cache/x.css")])
    func hiddenTargets(path: String, target: String) throws {
        let folder = TemporaryFolder()
        folder.write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic token\n")
        folder.write(".env", "TOKEN=abc\n")
        folder.write("Shared/.cache/x.css", "p{}")
        let problems = try TestSite.failedBuildProblems(folder) { link(folder, path, to: target) }
        #expect(problems.map(\.file) == [path])
        #expect(problems.first?.message.contains("a hidden file or folder: briefgen does not publish hidden files") == true)
    }

    @Test("a link into pnpm's store, node_modules/.pnpm, is followed: node_modules holds published packages")
    func pnpmStore() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        folder.write("node_modules/.pnpm/fonts@1.0.0/node_modules/fonts/a.woff2", "font")
        link(folder, "node_modules/fonts", to: ".pnpm/fonts@1.0.0/node_modules/fonts")
        link(folder, "Content/static/fonts", to: "../../node_modules/fonts")
        try TestSite.build(folder)
        #expect(folder.read("Output/fonts/a.woff2") == "font")
    }

    @Test("a link the kernel can open but whose path cannot be worked out is not followed")
    func unresolvableTarget() throws {
        let folder = TemporaryFolder()
        let elsewhere = TemporaryFolder("briefgen-elsewhere")
        let secret = elsewhere.write("secret.txt", "deleted but open\n")
        let descriptor = open(secret.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        try FileManager.default.removeItem(at: secret)
        // /proc/self/fd/N of a deleted file reads as "… (deleted)": realpath fails, open works.
        let problems = try TestSite.failedBuildProblems(folder) { link(folder, "Content/static/fd.txt", to: "/proc/self/fd/\(descriptor)") }
        #expect(problems.map(\.file) == ["Content/static/fd.txt"])
        #expect(problems.first?.message.hasPrefix("is a symbolic link whose target's path cannot be worked out") == true)
    }

    @Test("a theme folder that is the file system's root is refused at once, not walked")
    func rootAsTheme() throws {
        let folder = TemporaryFolder()
        TestSite.minimal(folder)
        try FileManager.default.removeItem(at: folder.path("Templates"))
        link(folder, "Templates", to: "/")
        #expect(throws: DiagnosticList([Diagnostic(file: "Templates", "is the file system's root folder; give the folder that holds the site's files")])) {
            try TestSite.build(folder)
        }
    }

    @Test("a link from the content into a theme kept in another folder is followed")
    func themeElsewhere() throws {
        let site = TemporaryFolder()
        let theme = TemporaryFolder("briefgen-theme")
        site.copySampleSite()
        try FileManager.default.moveItem(at: site.path("Templates"), to: theme.path("Templates"))
        link(site, "Content/static/fonts.css", to: theme.path("Templates/assets/site.css").path)
        var options = TestSite.options(site)
        options.templatesDirectory = theme.path("Templates")
        _ = try SiteBuilder(options: options).build()
        #expect(site.read("Output/fonts.css") == theme.read("Templates/assets/site.css"))
    }

    @Test("a folder reached twice through links is reported with both names, not left out silently")
    func sameFolderTwice() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            folder.write("Shared/s.txt", "s")
            link(folder, "Content/static/a", to: "../../Shared")
            link(folder, "Content/static/b", to: "../../Shared")
        }
        #expect(problems.map(\.file) == ["Content/static/b"])
        #expect(problems.first?.message.hasPrefix("is the same folder as Content/static/a (through a symbolic link)") == true)
    }

    @Test("an asset a template uses, behind a link that is not followed, is reported as that link")
    func refusedAssetInTemplate() throws {
        let folder = TemporaryFolder()
        let (elsewhere, secret) = Self.secretElsewhere()
        let problems = try TestSite.failedBuildProblems(folder) {
            link(folder, "Templates/assets/s.txt", to: secret.path)
            folder.write("Templates/404.mustache", "<link href=\"{{#asset}}s.txt{{/asset}}\">")
        }
        #expect(problems.map(\.file) == ["Templates/assets/s.txt"])
        #expect(problems.first?.message.hasPrefix("is a symbolic link to \(FileSystem.realPath(secret.path)!), outside the project") == true)
        _ = elsewhere
    }

    @Test("a folder named with a trailing slash is shown without a doubled one")
    func trailingSlash() throws {
        let folder = TemporaryFolder()
        folder.copySampleSite()
        let (elsewhere, secret) = Self.secretElsewhere()
        link(folder, "Content/static/s.txt", to: secret.path)
        var options = TestSite.options(folder)
        options = BuildOptions(contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory,
                               outputDirectory: options.outputDirectory, contentDisplayPath: "Content/", templatesDisplayPath: "Templates//")
        #expect(throws: (any Error).self) { try SiteBuilder(options: options).build() }
        do { _ = try SiteBuilder(options: options).build() } catch { #expect(error.diagnostics.map(\.file) == ["Content/static/s.txt"]) }
        _ = elsewhere
    }

    @Test("the policy compares whole path components, skips hidden names below a root, and never takes / as a root")
    func wholeComponents() throws {
        let folder = TemporaryFolder()
        folder.write("Content/site.yml", "title: T\n")
        let policy = LinkPolicy(sourceFolders: [folder.path("Content").path])
        let project = try #require(FileSystem.realPath(folder.url.path))
        #expect(policy.allows(project))
        #expect(policy.allows(project + "/Shared/a.md"))
        #expect(!policy.allows(project + "/Shared/.git/a.md"))
        #expect(!policy.allows(project + "-other/a.md"))
        #expect(!policy.allows(PathText.parent(project)))
        #expect(policy.shownProjects == project)
        #expect(LinkPolicy(sourceFolders: ["/"]).roots.isEmpty)
        #expect(!LinkPolicy(sourceFolders: ["/tmp"]).roots.contains("/"))
    }
}
