import ArgumentParser
import BriefgenCore
import BriefgenPreview
import CBriefgenSystem
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds the site, serves it locally and rebuilds and reloads on every change.",
        discussion: """
        The site is built into a temporary folder (or --output) with the server's own address as \
        base URL, so `Output/` is left alone. Changes under the content and template folders \
        trigger an incremental rebuild, and open pages reload; when a rebuild fails, the last good \
        site stays up with the errors shown on every page. Press Ctrl-C to stop.
        """
    )

    @OptionGroup var folders: SiteFolderOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Anything but loopback exposes the preview to the network.", valueName: "ip"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("Build into this folder instead of a temporary one.", valueName: "dir"))
    var output: String?

    @OptionGroup var publishing: PublishingOptions

    @Flag(name: .long, help: "Serve without watching for changes.")
    var noWatch = false

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("--output needs a folder, not an empty name") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        if publishing.baseURL != nil {
            throw ValidationError("serve sets the base URL to its own address; --base-url applies to build")
        }
    }

    func run() async throws {
        let outputDirectory: URL
        let temporary = output == nil
        if let output {
            outputDirectory = URL(fileURLWithPath: output)
        } else {
            do {
                outputDirectory = try ServeCommand.makeTemporaryFolder().appendingPathComponent("site")
            } catch {
                FileHandle.standardError.write(Data("error: cannot create a temporary folder: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        var options = publishing.buildOptions(folders: folders, output: outputDirectory.path)
        options.cacheDirectory = outputDirectory.deletingLastPathComponent().appendingPathComponent(".briefgen-cache")
        let server = PreviewServer(configuration: .init(host: host == "localhost" ? "127.0.0.1" : host, port: UInt16(port),
                                                        build: options, watch: !noWatch, removeOutputOnStop: temporary))
        let builds = BuildHistory()
        server.onRebuild = { outcome in
            let builtBefore = builds.record(outcome.succeeded)
            if outcome.succeeded {
                let rendered = outcome.report.map { "\($0.rendered) of \($0.pages) pages rendered" } ?? ""
                say("Built in \(Int(outcome.seconds * 1000)) ms (\(rendered)).")
            } else {
                DiagnosticPrinter.print(outcome.problems)
                if builtBefore {
                    FileHandle.standardError.write(Data("Build failed; still serving the last site that built.\n".utf8))
                } else if !ServeCommand.concernsFolder(outputDirectory, outcome.problems) {
                    FileHandle.standardError.write(Data("The first build failed; the errors are shown until a build succeeds.\n".utf8))
                }
            }
        }
        server.onListenerRestart = { message in
            FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
        }
        // Ctrl-C and SIGTERM stop the server cleanly, or, when that takes too long, end the
        // process from the signal thread (see StopSignals). Watched before the first build, which
        // may take a while: a Ctrl-C during it must remove the temporary folder as well.
        let (stop, stopContinuation) = AsyncStream<Void>.makeStream()
        let stopRequested = Mutex(false)
        do {
            try StopSignals.watch(onStop: {
                stopRequested.withLock { $0 = true }
                stopContinuation.yield()
                stopContinuation.finish()
            }, mayExit: { server.endBuilds() }, cleanUp: {
                server.removeBackendSocket()
                // Shared with the clean stop, which may be removing the folder at this moment.
                server.removeTemporaryOutput()
            })
        } catch {
            FileHandle.standardError.write(Data("error: cannot watch for Ctrl-C: \(error)\n".utf8))
            server.removeTemporaryOutput()
            throw ExitCode(1)
        }
        let url: URL
        do {
            url = try await server.start()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            // The temporary folder was made before listening; nothing else will remove it. The
            // same removal as a stop's, under its lock: a Ctrl-C may be forcing an exit meanwhile.
            server.removeTemporaryOutput()
            throw ExitCode(1)
        }
        if stopRequested.withLock({ $0 }) {
            // Stopped during the first build: nothing to announce.
            await server.stop()
            StopSignals.markStopped()
            return
        }
        if let first = server.lastRebuild, !first.succeeded,
           ServeCommand.concernsFolder(outputDirectory, first.problems) {
            // Editing content cannot fix a folder the build refuses to write into.
            FileHandle.standardError.write(Data("error: cannot build into \(outputDirectory.path); choose another --output\n".utf8))
            await server.stop()
            StopSignals.markStopped()
            throw ExitCode(1)
        }
        if !["127.0.0.1", "localhost"].contains(host) {
            FileHandle.standardError.write(Data("warning: listening on \(host), not loopback: anyone who can reach this machine can read the preview\n".utf8))
        }
        // Announced only once Ctrl-C is watched: a Ctrl-C right after it must stop cleanly.
        say("Serving \(folders.content)/ at \(url.absoluteString) (press Ctrl-C to stop)")
        if server.watcherPolls { say("Watching for changes by polling (inotify is unavailable).") }
        for await _ in stop { break }
        await server.stop()
        StopSignals.markStopped()
    }
}

extension ServeCommand {
    /// Whether a problem is about `folder` itself (say, a foreign output folder the build will
    /// not overwrite): no edit to the content fixes that.
    static func concernsFolder(_ folder: URL, _ problems: [Diagnostic]) -> Bool {
        problems.contains { URL(fileURLWithPath: $0.file).standardizedFileURL.path == folder.standardizedFileURL.path }
    }

    /// Creates a fresh folder for the build with `mkdtemp`: unpredictable name, mode 0700, never
    /// one that someone else created first in a shared temporary folder.
    static func makeTemporaryFolder() throws -> URL {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("briefgen-serve-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else {
            throw SystemCallError(description: "\(template): \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: created), isDirectory: true)
    }
}

/// Whether any build has succeeded yet, so a failure can say whether an older site is still
/// being served.
final class BuildHistory: @unchecked Sendable {
    private let lock = NSLock()
    private var succeeded = false

    /// Records a build's outcome; returns whether an earlier build had succeeded.
    func record(_ success: Bool) -> Bool {
        lock.withLock {
            defer { succeeded = succeeded || success }
            return succeeded
        }
    }
}

/// A system call that failed, with the system's reason.
struct SystemCallError: Error, CustomStringConvertible {
    var description: String
}

/// Writes a line to standard output at once (unbuffered), so messages appear as they happen
/// even when the output is a file or a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

