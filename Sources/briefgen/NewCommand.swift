import ArgumentParser
import BriefgenCore
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Starts a new article, sticking point or actor page in the content folder.",
        discussion: """
        As `hugo new`: writes Content/articles/<slug>.md (a draft, dated today), \
        Content/points/<slug>.md or Content/actors/<slug>.md with the front matter to fill in, the \
        slug made from the title or name, and never replaces a page that exists. Build with \
        --drafts (or `serve --drafts`) to see a draft; remove `draft: true` to publish it.
        """
    )

    @Argument(help: ArgumentHelp("What to start: article, point or actor.", valueName: "kind"))
    var kind: NewPage.Kind

    @Argument(help: ArgumentHelp("The article's or point's title, or the actor's name.", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("The content folder.", valueName: "dir"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("An article's date (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if title.trimmingWhitespace.isEmpty { throw ValidationError("give the \(kind == .actor ? "name" : "title") of the new \(kind.rawValue)") }
        if Slug.make(title).isEmpty { throw ValidationError("'\(title)' has no letter or digit to make the page's file name from") }
        if let date, Day(iso: date) == nil { throw ValidationError("--date should be a real day written YYYY-MM-DD, not '\(date)'") }
        if date != nil, kind != .article { throw ValidationError("--date is for articles; points and actors have no date") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: content).appendingPathComponent(kind.folder)
        let shown = content + "/" + kind.folder + "/" + Slug.make(title) + ".md"
        guard FileManager.default.fileExists(atPath: content) else {
            DiagnosticPrinter.print([Diagnostic(file: content, "the content folder does not exist; run this in the site's folder or give --content")])
            throw ExitCode(1)
        }
        let target = folder.appendingPathComponent(Slug.make(title) + ".md")
        if FileManager.default.fileExists(atPath: target.path) {
            DiagnosticPrinter.print([Diagnostic(file: shown, "the page already exists and was left as it is")])
            throw ExitCode(1)
        }
        let text: String
        switch kind {
        case .article: text = NewPage.article(title: title.trimmingWhitespace, date: date.flatMap { Day(iso: $0) } ?? Day.today())
        case .point: text = NewPage.point(title: title.trimmingWhitespace, order: NewCommand.pageCount(in: folder) + 1)
        case .actor: text = NewPage.actor(name: title.trimmingWhitespace)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // `withoutOverwriting`: a page made meanwhile by someone else is not replaced either.
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            DiagnosticPrinter.print([Diagnostic(file: shown, "cannot write the page: \(error.localizedDescription)")])
            throw ExitCode(1)
        }
        print(shown)
    }

    /// The Markdown pages a folder holds: a new point goes after them.
    static func pageCount(in folder: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.count
    }
}

extension NewPage.Kind: ExpressibleByArgument {}
