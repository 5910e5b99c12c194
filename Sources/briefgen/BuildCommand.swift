import ArgumentParser
import BriefgenCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the site into the output folder.",
        discussion: """
        The site is built in a staging folder beside the output folder and replaces it only when \
        the whole build succeeded: a failed build leaves the previous site untouched.
        """
    )

    @OptionGroup var folders: SiteFolderOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output: String = "Output"

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The URL the site is published at, overriding site.yml (e.g. https://example.org/briefings/).", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Write every file again instead of only the changed ones.")
    var fresh = false

    func validate() throws {
        if let baseURL, baseURL != "/", !SiteConfig.isValidBaseURL(baseURL) {
            throw ValidationError("--base-url should be an absolute http(s) URL such as https://example.org/briefings/, not '\(baseURL)'")
        }
    }

    func run() throws {
        let outputURL = URL(fileURLWithPath: output)
        let options = BuildOptions(contentDirectory: folders.contentURL, templatesDirectory: folders.templatesURL,
                                   outputDirectory: outputURL, baseURL: baseURL,
                                   contentDisplayPath: folders.content, templatesDisplayPath: folders.templates,
                                   cacheDirectory: BuildOptions.defaultCacheDirectory(for: outputURL), fresh: fresh)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let report = try SiteBuilder(options: options).build()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let written = report.output.map { ", \($0.written) written, \($0.unchanged) unchanged" } ?? ""
            print("Built \(report.pages) pages from \(report.articles) articles into \(output)/\(written) in \(String(format: "%.2f", seconds)) s")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            let count = error.diagnostics.count
            FileHandle.standardError.write(Data("Build failed with \(count) problem\(count == 1 ? "" : "s"); \(output)/ was not changed.\n".utf8))
            throw ExitCode(1)
        }
    }
}
