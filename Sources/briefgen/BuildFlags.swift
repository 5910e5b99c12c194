import ArgumentParser
import BriefgenCore
import Foundation

/// What is published: shared by `build`, `check` and `serve`.
struct PublishingOptions: ParsableArguments {
    @Flag(name: .long, help: "Publish articles marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Publish articles dated after --now.")
    var future = false

    @Option(name: .long, help: ArgumentHelp("The day the build takes as today, for leaving out future articles (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var now: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The URL the site is published at, overriding site.yml (e.g. https://example.org/briefings/).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let now, Day(iso: now) == nil {
            throw ValidationError("--now should be a real day written YYYY-MM-DD, not '\(now)'")
        }
        if let baseURL, baseURL != "/", let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError("--base-url should be an absolute http(s) URL such as https://example.org/briefings/, not '\(baseURL)': \(problem)")
        }
    }

    func buildOptions(folders: SiteFolderOptions, output: String) -> BuildOptions {
        let outputURL = URL(fileURLWithPath: output)
        return BuildOptions(contentDirectory: folders.contentURL, templatesDirectory: folders.templatesURL,
                            outputDirectory: outputURL, baseURL: baseURL,
                            contentDisplayPath: folders.content, templatesDisplayPath: folders.templates,
                            cacheDirectory: BuildOptions.defaultCacheDirectory(for: outputURL),
                            includeDrafts: drafts, includeFuture: future, now: now.flatMap { Day(iso: $0) } ?? Day.today())
    }
}

/// How much a command says.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print the time each build step took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}
