import ArgumentParser
import BriefgenCore

struct Briefgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefgen",
        abstract: "Builds a briefing website on the Russia–Ukraine peace talks from news articles.",
        discussion: """
        Articles go in Content/articles/ as raw news text (.txt) or Markdown with front matter (.md). \
        `briefgen build` groups what they say by sticking point and writes a static site into Output/.
        """,
        version: BriefgenVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ImportCommand.self, NewCommand.self],
        defaultSubcommand: nil
    )
}

extension Briefgen {
    /// Why `briefgen help …` names no subcommand of briefgen, or nil. swift-argument-parser's
    /// `help` prints the overview and exits 0 for a name it does not know, so a typo in a script
    /// (`briefgen help buidl`) looked like success; `git help nosuch` fails, and so does this.
    static func unknownHelpTopic(in arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        let names = configuration.subcommands.map { $0._commandName }
        for topic in arguments.dropFirst() where !topic.hasPrefix("-") {
            // `help help` is swift-argument-parser's own subcommand, which the list does not hold.
            guard names.contains(topic) || topic == "help" else {
                return "Error: '\(topic)' is not a subcommand of briefgen; it has \(names.joined(separator: ", ")).\n"
                    + "Usage: briefgen help <subcommand>\n"
            }
            // Our subcommands have none of their own: anything after the first is not a topic.
            break
        }
        return nil
    }
}
