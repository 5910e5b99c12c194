import ArgumentParser
import Foundation

/// The entry point: refuses `briefgen help <unknown>` (see `Briefgen.unknownHelpTopic`), then
/// hands the command line to swift-argument-parser.
@main
enum BriefgenMain {
    static func main() async {
        if let problem = Briefgen.unknownHelpTopic(in: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data(problem.utf8))
            exit(ExitCode.validationFailure.rawValue)
        }
        await Briefgen.main()
    }
}
