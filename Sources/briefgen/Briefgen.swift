import ArgumentParser
import BriefgenCore

@main
struct Briefgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefgen",
        abstract: "Builds a briefing website on the Russia–Ukraine peace talks from news articles.",
        discussion: """
        Articles go in Content/articles/ as raw news text (.txt) or Markdown with front matter (.md). \
        `briefgen build` groups what they say by sticking point and writes a static site into Output/.
        """,
        version: BriefgenVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ImportCommand.self],
        defaultSubcommand: nil
    )
}
