import ArgumentParser
import BriefgenCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the content and templates without writing anything.",
        discussion: """
        Renders every page as a build does, writes nothing, and prints one `file:line: message` per \
        problem, exiting with status 1 if there is any: front matter errors, unknown point or actor \
        slugs, two pages with the same slug, internal links and section anchors that do not \
        resolve, templates that do not parse, partials that do not exist or include each other \
        without end. `briefgen build` runs the same checks.
        """
    )

    @OptionGroup var folders: SiteFolderOptions
    @OptionGroup var publishing: PublishingOptions

    @Flag(name: .shortAndLong, help: "Print nothing when there is no problem.")
    var quiet = false

    func run() throws {
        let options = publishing.buildOptions(folders: folders, output: "Output")
        do {
            let report = try SiteBuilder(options: options).check()
            if !quiet { print("No problems in \(folders.content)/ and \(folders.templates)/ (\(counted(report.articles, "article")), \(counted(report.pages, "page"))).") }
        } catch {
            for diagnostic in error.diagnostics { print(diagnostic.description) }
            let count = error.diagnostics.count
            FileHandle.standardError.write(Data("\(counted(count, "problem")) found.\n".utf8))
            throw ExitCode(1)
        }
    }
}
