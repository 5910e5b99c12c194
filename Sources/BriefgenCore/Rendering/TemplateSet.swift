import Foundation

/// The theme's Mustache templates, parsed once and checked before any page is rendered.
///
/// A template that does not parse, a partial or parent that does not exist, or an asset helper
/// pointing at a missing file fails the build with the template's file, line, column and a
/// sentence that says what is wrong.
public struct TemplateSet: Sendable {
    let templates: [String: Template]
    /// Template names (path under `Templates/` without `.mustache`).
    public let names: Set<String>
    /// Raw text per template name, for the fingerprint.
    let sources: [String: String]
    public let directory: URL
    public let displayPath: String
    private let renderer: TemplateRenderer

    /// Templates every theme must have; the pipeline renders these by name.
    public static let required = ["home", "article", "articles", "point", "points", "actor", "actors", "timeline", "404",
                                  "feed.xml", "sitemap.xml", "sitemap-index.xml", "robots.txt"]

    public static func load(from directory: URL, displayPath: String) throws(DiagnosticList) -> TemplateSet {
        try load(from: directory, displayPath: displayPath, linkPolicy: nil)
    }

    /// - Parameter linkPolicy: where links among the templates and assets may lead; by default
    ///   inside the theme folder's project.
    static func load(from directory: URL, displayPath: String, linkPolicy: LinkPolicy?) throws(DiagnosticList) -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw DiagnosticList([Diagnostic(file: displayPath, "the theme folder does not exist")])
        }
        guard isDirectory.boolValue else { throw DiagnosticList([Diagnostic(file: displayPath, "the theme folder is a file, not a folder")]) }
        var problems: [Diagnostic] = []
        var templates: [String: Template] = [:]
        var sources: [String: String] = [:]
        let linkPolicy = linkPolicy ?? LinkPolicy(sourceFolders: [directory.path])
        let (files, linkProblems) = TemplateSet.templateFiles(in: directory, shown: displayPath, policy: linkPolicy)
        guard linkProblems.isEmpty else { throw DiagnosticList(linkProblems) }
        if files.isEmpty {
            throw DiagnosticList([Diagnostic(file: displayPath, "no .mustache templates found (is this the theme folder?)")])
        }
        for relative in files {
            let shownPath = displayPath + "/" + relative
            let name = String(relative.dropLast(".mustache".count))
            do throws(Diagnostic) {
                let source = try SourceText.read(fileAt: directory.appendingPathComponent(relative), displayPath: shownPath)
                // Like Jinja, drop the file's final newline, so `{{> partial}}` inside a line adds no line break.
                var text = source.text
                if text.hasSuffix("\n") { text.removeLast() }
                sources[name] = text
                do throws(TemplateError) {
                    templates[name] = try Template(name: name, source: text)
                } catch {
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                    let shown = error.line <= lines.count ? lines[error.line - 1].trimmingWhitespace : ""
                    let context = shown.isEmpty ? "" : " in \"\(shown.count > 60 ? String(shown.prefix(60)) + "…" : shown)\""
                    throw Diagnostic(file: shownPath, line: error.line, column: error.column, error.message + context)
                }
            } catch {
                problems.append(error)
            }
        }
        let set = TemplateSet(templates: templates, sources: sources, directory: directory, displayPath: displayPath)
        if problems.isEmpty { problems += set.missingReferences(linkPolicy: linkPolicy) }
        // A required template that is there but could not be read or parsed was reported above.
        for name in required where !set.names.contains(name) && !files.contains(name + ".mustache") {
            problems.append(Diagnostic(file: displayPath, "the theme has no '\(name).mustache', which briefgen needs to render the site"))
        }
        // An empty page template published empty files without a word (a truncated save, a
        // template emptied to "turn off" a page), and so did an empty layout, which every page of
        // the default theme extends. An empty robots.txt is a valid one; an empty partial is a
        // hook left unused.
        for name in required + ["layout"] where name != "robots.txt" && sources[name]?.trimmingWhitespace.isEmpty == true {
            problems.append(Diagnostic(file: displayPath + "/" + name + ".mustache", line: 1,
                                       name == "layout" ? "the layout is empty, so every page that extends it would be an empty file"
                                           : "the template is empty, so every page made from it would be an empty file"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return set
    }

    init(templates: [String: Template], sources: [String: String], directory: URL, displayPath: String) {
        self.templates = templates
        self.sources = sources
        names = Set(sources.keys)
        self.directory = directory
        self.displayPath = displayPath
        renderer = TemplateRenderer(templates: templates)
    }

    /// Hash of every template's text: a change to any of them can change any page.
    public var fingerprint: ContentHash {
        var hash = ContentHash()
        for name in sources.keys.sorted() {
            hash.update(name)
            hash.update(sources[name]!)
        }
        return hash
    }

    /// Renders a page; `name` must be one of `names`.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        renderer.render(name, context)
    }

    /// The page as the UTF-8 bytes that are written to disk, without making a string first.
    public func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        renderer.renderBytes(name, context)
    }

    /// A page to write: its bytes, or an error naming the template when its partials and parents
    /// include each other without end.
    public func renderPage(_ name: String, _ context: TemplateValue) throws(Diagnostic) -> [UInt8] {
        let page = renderer.renderPage(name, context)
        if let open = page.includesTooDeep { throw includeLoop(page: name, open: open) }
        if let open = page.includesTooMany, let last = open.last {
            throw Diagnostic(file: displayPath + "/" + last.tagTemplate + ".mustache", line: last.line, column: last.column,
                             "includes '\(last.template)' after partials and parents were included \(IncludeDepth.totalLimit) times "
                                 + "on one page; templates that each include others more than once multiply at every level: "
                                 + "include each once, or loop over data")
        }
        return page.bytes
    }

    /// Names in the theme that no page rendered so far had, each near a key the object had:
    /// misspellings, reported at their tag (see `NameUsage`). Meaningful once every page has been
    /// rendered with these templates.
    public func namesNoPageHad() -> [Diagnostic] {
        let program = renderer.program
        return renderer.usage.neverFound().map { unknown in
            let site = program.nameSites[Int(unknown.number)]
            var parts = site.written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let index = parts.firstIndex(of: unknown.missing) { parts[index] = unknown.suggestion }
            return Diagnostic(file: displayPath + "/" + program.templateNames[Int(site.template)] + ".mustache", line: site.line, column: site.column,
                              "no page has '\(site.written)'; did you mean '\(parts.joined(separator: "."))'?")
        }
    }

    /// Where nesting ran away: the `{{> …}}` or `{{< …}}` tag that included a template already
    /// being rendered, with its line, and the loop it closed.
    func includeLoop(page: String, open steps: [TemplateRenderer.IncludeStep]) -> Diagnostic {
        let chain = [page] + steps.map(\.template)
        for index in chain.indices.dropFirst() where chain[..<index].contains(chain[index]) {
            let step = steps[index - 1]
            // The loop alone, from the template's first opening: the same for every page that
            // runs into it, so the build reports it once.
            let loop = chain[chain[..<index].firstIndex(of: step.template)!...index].joined(separator: " → ")
            return Diagnostic(file: displayPath + "/" + step.tagTemplate + ".mustache", line: step.line, column: step.column,
                              "includes '\(step.template)' while it is still being rendered (\(loop)), and nesting passed "
                                  + "\(IncludeDepth.limit) levels; a template that includes itself needs data that ends the recursion")
        }
        return Diagnostic(file: displayPath + "/" + page + ".mustache",
                          "partials and parent templates nest more than \(IncludeDepth.limit) levels deep when rendering it: \(chain.joined(separator: " → "))")
    }

    /// Every `.mustache` file under the folder, sorted, and what listing them found wrong (links
    /// that may not be followed, a folder reached twice); `assets/` is the theme's static files.
    static func templateFiles(in directory: URL, shown: String, policy: LinkPolicy) -> (files: [String], problems: [Diagnostic]) {
        var walk = SourceWalk(shownFolder: shown, policy: policy, recursive: true) { relative, name, isDirectory in
            isDirectory ? relative != "assets" : name.hasSuffix(".mustache")
        }
        let files = walk.files(in: directory.path, relativeTo: "")
        return (files, walk.problems)
    }

    /// Partials and parents that are named but do not exist, and asset references to missing files.
    func missingReferences(linkPolicy: LinkPolicy) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // What the assets folder publishes, as `Assets.collect` lists it: files, not hidden, not
        // through `..`, and not through a link that may not be followed.
        var published: Set<String>?
        var refused: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let template = templates[name]!
            let file = displayPath + "/" + name + ".mustache"
            for reference in template.references where templates[reference.name] == nil {
                let kind = reference.isParent ? "parent template" : "partial"
                problems.append(Diagnostic(file: file, line: reference.line, column: reference.column,
                                           "the \(kind) '\(reference.name)' does not exist (expected \(displayPath)/\(reference.name).mustache)"))
            }
            for use in template.sectionArguments(named: "asset") {
                let argument = use.argument.trimmingWhitespace
                if published == nil {
                    let listing = Assets.listFiles(in: directory.appendingPathComponent("assets").path, shown: displayPath + "/assets",
                                                   policy: linkPolicy)
                    published = Set(listing.files)
                    refused = listing.problems
                }
                guard published?.contains(argument) != true else { continue }
                // A file behind a link that is not followed: the link's problem says why.
                let wanted = displayPath + "/assets/" + argument
                if let problem = refused.first(where: { wanted == $0.file || wanted.hasPrefix($0.file + "/") }) {
                    problems.append(problem)
                } else {
                    problems.append(Diagnostic(file: file, line: use.line, column: use.column,
                                               "the asset '\(argument)' does not exist (expected \(displayPath)/assets/\(argument))"))
                }
            }
        }
        return problems
    }
}
