import ArgumentParser
import Foundation

/// The folders every command that reads a site shares.
struct SiteFolderOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yml, points/, actors/, articles/.", valueName: "dir"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("The theme folder with the Mustache templates and assets/.", valueName: "dir"))
    var templates: String = "Templates"

    func validate() throws {
        if content.isEmpty { throw ValidationError("--content needs a folder, not an empty name") }
        if templates.isEmpty { throw ValidationError("--templates needs a folder, not an empty name") }
    }

    var contentURL: URL { URL(fileURLWithPath: content) }
    var templatesURL: URL { URL(fileURLWithPath: templates) }
}

/// Prints diagnostics one per line on standard error, as `file:line: message`.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data(("error: " + diagnostic.description + "\n").utf8))
        }
    }
}

import BriefgenCore
