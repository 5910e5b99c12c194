import Foundation
import Testing
@testable import BriefgenCore

/// Paths and scratch folders shared by the tests.
enum TestPaths {
    /// The package root, found from this file's location.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("Content")
    static let templates = root.appendingPathComponent("Templates")
    static let fixtures = root.appendingPathComponent("Tests/Fixtures")
    /// The seed article shared with the project, outside the repository.
    static let seed = root.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_0a79b0e51191f896.txt")
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seed.path) }
}

/// A scratch folder removed when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL

    init(_ name: String = "briefgen-test") {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> URL {
        let file = path(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func writeBytes(_ relative: String, _ bytes: [UInt8]) -> URL {
        let file = path(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOf: path(relative), encoding: .utf8)
    }

    /// Copies the repository's sample `Content/` and `Templates/` into this folder.
    func copySampleSite() {
        for folder in ["Content", "Templates"] {
            try! FileManager.default.copyItem(at: TestPaths.root.appendingPathComponent(folder), to: path(folder))
        }
    }
}

enum TestSite {
    static func options(_ folder: TemporaryFolder, output: String = "Output", baseURL: String? = nil) -> BuildOptions {
        BuildOptions(contentDirectory: folder.path("Content"), templatesDirectory: folder.path("Templates"),
                     outputDirectory: folder.path(output), baseURL: baseURL, contentDisplayPath: "Content",
                     templatesDisplayPath: "Templates", cacheDirectory: folder.path(".briefgen-cache"))
    }

    @discardableResult
    static func build(_ folder: TemporaryFolder, output: String = "Output", baseURL: String? = nil) throws -> BuildReport {
        try SiteBuilder(options: options(folder, output: output, baseURL: baseURL)).build()
    }

    /// Builds the sample site in `folder`, applies `breakIt`, builds again, and returns the
    /// problems that build failed with (none if it did not fail), having checked that the failed
    /// build left `Output/` exactly as the good one wrote it.
    static func failedBuildProblems(_ folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation,
                                    after breakIt: () -> Void) throws -> [Diagnostic] {
        folder.copySampleSite()
        try build(folder)
        let before = tree(folder.path("Output"))
        breakIt()
        var problems: [Diagnostic] = []
        do { try build(folder) } catch { problems = error.diagnostics }
        #expect(tree(folder.path("Output")) == before, "a failed build leaves Output/ alone", sourceLocation: sourceLocation)
        return problems
    }

    /// Every file under a folder with its bytes, keyed by relative path.
    static func tree(_ url: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let file = url.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try? Data(contentsOf: file)
            }
        }
        return result
    }

    /// A minimal valid site: config, one point, one actor and the given articles.
    static func minimal(_ folder: TemporaryFolder, articles: [String: String] = [:]) {
        try! FileManager.default.copyItem(at: TestPaths.templates, to: folder.path("Templates"))
        folder.write("Content/site.yml", "title: Test Briefing\nbase_url: https://example.org/\n")
        folder.write("Content/points/territory.md", """
        ---
        title: Territory
        status: unresolved
        order: 1
        keywords: [territory, Donbas]
        ---
        The land question.
        """)
        folder.write("Content/actors/kovac.md", """
        ---
        name: Maria Kovac
        aliases: [Kovac]
        role: Foreign minister of Examplia
        side: Examplia
        ---
        """)
        for (name, text) in articles { folder.write("Content/articles/\(name)", text) }
    }
}
