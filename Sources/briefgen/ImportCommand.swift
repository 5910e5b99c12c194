import ArgumentParser
import BriefgenCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turns raw news articles (.txt) into Markdown pages with front matter.",
        discussion: """
        Each page gets a title, date, source and url (when the file has them), the sticking points \
        and actors it speaks to, and its quotes with their speakers; the body keeps the lede, \
        headings, lists and embedded posts. \
        With --json, prints one JSON object per file instead.
        """
    )

    @Argument(help: ArgumentHelp("Raw article files to import.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The site whose points and actors are used for linking.", valueName: "dir"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("Folder to write the Markdown pages to (default: <content>/articles).", valueName: "dir"))
    var out: String?

    @Flag(name: .long, help: "Print the Markdown pages on standard output instead of writing files.")
    var stdout = false

    @Flag(name: .long, help: "Print one JSON object per file (file, source, url, date, title, headings, quotes, points, actors).")
    var json = false

    @Flag(name: .long, help: "Replace Markdown pages that already exist (by default an existing page, which an editor may have corrected, is left alone and reported).")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one raw article file to import") }
        if stdout && out != nil { throw ValidationError("--stdout and --out cannot be used together") }
    }

    func run() throws {
        let importer: ArticleImporter
        do {
            importer = try ArticleImporter(contentDirectory: URL(fileURLWithPath: content), displayPath: content)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
        var problems: [Diagnostic] = []
        let outputFolder = URL(fileURLWithPath: out ?? content + "/articles")
        var isFolder: ObjCBool = false
        if !json, !stdout, FileManager.default.fileExists(atPath: outputFolder.path, isDirectory: &isFolder), !isFolder.boolValue {
            DiagnosticPrinter.print([Diagnostic(file: outputFolder.relativePath, "the folder to write the pages to is a file; choose a folder with --out")])
            throw ExitCode(1)
        }
        // Pages written by this run, so a second file with the same name is told apart from an
        // editor's page that was there before.
        var written: [String: String] = [:]
        for file in files {
            do {
                let imported = try importer.importFile(URL(fileURLWithPath: file), displayPath: file)
                if json {
                    print(imported.json)
                } else if stdout {
                    print(imported.markdown, terminator: "")
                } else {
                    let target = outputFolder.appendingPathComponent(imported.slug + ".md")
                    // As `hugo new`: an existing page is not overwritten, since an editor may
                    // have corrected it since the last import.
                    if let first = written[target.path] {
                        problems.append(Diagnostic(file: file, "it would be imported as \(target.relativePath), as \(first) was a moment ago; rename one of them"))
                        continue
                    }
                    if !force, FileManager.default.fileExists(atPath: target.path) {
                        problems.append(Diagnostic(file: target.relativePath, "the page already exists and was left as it is; use --force to replace it with a new import of \(file)"))
                        continue
                    }
                    try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
                    try imported.markdown.write(to: target, atomically: true, encoding: .utf8)
                    written[target.path] = file
                    FileHandle.standardError.write(Data("\(file) → \(target.relativePath)\n".utf8))
                    let articles = URL(fileURLWithPath: content + "/articles")
                    if ImportCommand.isInside(URL(fileURLWithPath: file), articles), ImportCommand.isInside(target, articles) {
                        // Both files are now articles with the same slug, which a build refuses.
                        FileHandle.standardError.write(Data("note: \(file) is still in the content folder, and a build refuses two articles named '\(imported.slug)'; delete it or move it out of the content folder\n".utf8))
                    }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty {
            DiagnosticPrinter.print(problems)
            throw ExitCode(1)
        }
    }

    /// Whether `file` is somewhere in `folder`, where the build looks for articles.
    static func isInside(_ file: URL, _ folder: URL) -> Bool {
        let folderPath = folder.standardizedFileURL.resolvingSymlinksInPath().path
        return file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(folderPath + "/")
    }
}
