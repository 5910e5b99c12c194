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
        slug made from the title or name, and never replaces a page that exists or takes a slug \
        an article has. Build with --drafts (or `serve --drafts`) to see a draft; remove \
        `draft: true` to publish it. A title that starts with a dash goes after `--`: \
        briefgen new article -- "-30 degrees in Kyiv".
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
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            DiagnosticPrinter.print([Diagnostic(file: content, FileManager.default.fileExists(atPath: content)
                ? "is a file, not the content folder; give --content the folder that holds site.yml"
                : "the content folder does not exist; run this in the site's folder or give --content")])
            throw ExitCode(1)
        }
        let target = folder.appendingPathComponent(Slug.make(title) + ".md")
        if FileManager.default.fileExists(atPath: target.path) {
            DiagnosticPrinter.print([Diagnostic(file: shown, "the page already exists and was left as it is")])
            throw ExitCode(1)
        }
        // An article in a sub-folder (`articles/2025/…`) with the same name has the slug already,
        // and the build would refuse both.
        if kind == .article, let other = NewCommand.article(withSlug: Slug.make(title), in: content) {
            DiagnosticPrinter.print([Diagnostic(file: shown, "the article \(content)/\(other) has the slug '\(Slug.make(title))' already; choose another title")])
            throw ExitCode(1)
        }
        let text: String
        switch kind {
        case .article: text = NewPage.article(title: title.trimmingWhitespace, date: date.flatMap { Day(iso: $0) } ?? Day.today())
        case .point: text = NewPage.point(title: title.trimmingWhitespace, order: NewCommand.nextPointOrder(in: content))
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

    /// After the points there are: one past the largest `order` among those that read.
    static func nextPointOrder(in content: String) -> Int {
        NewPage.nextPointOrder(ContentLoader(directory: URL(fileURLWithPath: content), displayPath: content))
    }

    /// An article file (as the build lists them) whose slug is `slug`.
    static func article(withSlug slug: String, in content: String) -> String? {
        ContentLoader(directory: URL(fileURLWithPath: content), displayPath: content).articleFiles().files
            .first { ContentLoader.slug(forFile: $0) == slug }
    }
}

extension NewPage.Kind: ExpressibleByArgument {}
