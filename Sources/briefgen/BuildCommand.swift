import ArgumentParser
import BriefgenCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the site into the output folder.",
        discussion: """
        The site is built in a staging folder beside the output folder and replaces it only when \
        the whole build succeeded: a failed build leaves the previous site untouched. The build \
        runs every check of `briefgen check` and fails on any problem.
        """
    )

    @OptionGroup var folders: SiteFolderOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output: String = "Output"

    @OptionGroup var publishing: PublishingOptions

    @Flag(name: .long, help: "Write every file again instead of only the changed ones.")
    var fresh = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON build report (pages by kind, bytes, seconds per step) to this file.", valueName: "file"))
    var report: String?

    @OptionGroup var say: OutputOptions

    /// The output folder as messages name it, with one final slash (`Output/`, `site/`, `/`); a
    /// path that is a file (which the build refuses) as it is written.
    var shownOutput: String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue { return output }
        return output.hasSuffix("/") ? output : output + "/"
    }

    func validate() throws {
        // An empty name means the current folder to the file system, which holds the sources.
        if output.isEmpty { throw ValidationError("--output needs a folder, not an empty name") }
    }

    func run() throws {
        // The report is written after the site is in place: a report that cannot be written
        // must stop the build before, or the command fails having changed Output/.
        if let report, let problem = BuildCommand.reportProblem(report, output: output, sources: [folders.content, folders.templates]) {
            FileHandle.standardError.write(Data("error: --report \(report): \(problem); \(shownOutput) was not changed.\n".utf8))
            throw ExitCode(1)
        }
        // Ctrl-C (or SIGTERM, SIGHUP) removes the staging folder and exits with 130, as a shell
        // reports Ctrl-C; during a commit it first lets the files finish moving into place, even
        // when pressed again.
        try? StopSignals.watch(grace: 0, exitStatus: 130, insistingWaits: true, onStop: {}, mayExit: { StagingRegistry.stopUnlessCommitting() },
                               cleanUp: { StagingRegistry.removeAll() })
        var options = publishing.buildOptions(folders: folders, output: output)
        options.fresh = fresh
        let progress = ProgressDisplay(enabled: !say.quiet)
        var builder = SiteBuilder(options: options, onStep: { progress.stepStarted($0) },
                                  onProgress: { progress.update(done: $0, total: $1) })
        builder.exitsAfterBuild = true
        let clock = ContinuousClock()
        let start = clock.now
        let result: BuildReport
        do {
            result = try builder.build()
        } catch {
            // Pages that could not be written into a staging folder Ctrl-C removed: the stop's
            // thread exits (130) once the folder is gone; exiting first would leave part of it.
            while StagingRegistry.isStopping { sleep(1) }
            progress.finish()
            DiagnosticPrinter.print(error.diagnostics)
            let count = error.diagnostics.count
            FileHandle.standardError.write(Data("Build failed with \(counted(count, "problem")); \(shownOutput) was not changed.\n".utf8))
            throw ExitCode(1)
        }
        progress.finish()
        let seconds = (clock.now - start).seconds
        if let report {
            do {
                try BuildReportJSON.text(result, seconds: seconds).write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("error: \(report): cannot write the report (the site was built): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
        if say.verbose {
            for step in result.steps {
                let name = step.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                print("  \(name) \(String(format: "%8.1f", step.seconds * 1000)) ms")
            }
        }
        if !say.quiet {
            var line = "Built \(counted(result.pages, "page")) from \(counted(result.articles, "article")) into \(shownOutput)"
            if let files = result.output {
                line += ", \(files.written) written, \(files.unchanged) unchanged"
                if files.deleted > 0 { line += ", \(files.deleted) removed" }
            }
            line += " in \(String(format: "%.2f", seconds)) s"
            let skipped = [(result.skippedDrafts, "draft"), (result.skippedFuture, "future article")]
                .filter { $0.0 > 0 }.map { counted($0.0, $0.1) }
            if !skipped.isEmpty { line += " (left out: \(skipped.joined(separator: ", ")))" }
            print(line)
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension BuildCommand {
    /// Why a report could not be written to `path`, found before building: it names a folder, or
    /// its folder is missing or not writable. The output folder itself is fine before it exists
    /// (`--report Output/report.json` on a fresh checkout): the build makes it.
    static func reportProblem(_ path: String, output: String, sources: [String]) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return "it is a folder" }
        let given = URL(fileURLWithPath: path).standardizedFileURL
        if given.path == URL(fileURLWithPath: output).standardizedFileURL.path { return "it is the output folder" }
        // Links resolved in the folder, which exists (a file that does not exist yet is not
        // resolved at all): `/tmp/link/Content/report.json` is inside Content/ too.
        let file = given.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(given.lastPathComponent)
        // The report would replace one of the site's sources (`--report Content/site.yml`).
        for folder in sources {
            let source = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if file.path.hasPrefix(source + "/") { return "it is inside \(folder), which holds the site's sources; write it elsewhere" }
        }
        if file.lastPathComponent.utf8.count > 255 { return "the file name is longer than 255 bytes" }
        let parent = given.deletingLastPathComponent().path
        if parent == URL(fileURLWithPath: output).standardizedFileURL.path { return nil }
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(parent) does not exist"
        }
        guard access(parent, W_OK) == 0 else { return "the folder \(parent) cannot be written to" }
        return nil
    }
}
