import Foundation
import Mustache

/// The theme's Mustache templates, parsed once and checked before any page is rendered.
///
/// swift-mustache renders a missing partial as nothing and reports parse errors as bare enum
/// cases; a newsroom needs a failed build that says which file, where, and what is wrong. So
/// parse errors are turned into sentences, and every `{{> partial}}` and `{{< parent}}` is
/// checked against the templates that exist.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Template names (path under `Templates/` without `.mustache`).
    public let names: Set<String>
    /// Raw text per template name, for the static checks.
    let sources: [String: String]
    public let directory: URL
    public let displayPath: String

    /// Templates every theme must have; the pipeline renders these by name.
    public static let required = ["home", "article", "articles", "point", "points", "actor", "actors", "timeline", "404",
                                  "feed.xml", "sitemap.xml", "robots.txt"]

    public static func load(from directory: URL, displayPath: String) throws(DiagnosticList) -> TemplateSet {
        var problems: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        let files = TemplateSet.templateFiles(in: directory)
        if files.isEmpty {
            throw DiagnosticList([Diagnostic(file: displayPath, "no .mustache templates found (is this the theme folder?)")])
        }
        for relative in files {
            let shownPath = displayPath + "/" + relative
            let name = String(relative.dropLast(".mustache".count))
            do {
                let source = try SourceText.read(fileAt: directory.appendingPathComponent(relative), displayPath: shownPath)
                // Like Jinja, drop the file's final newline, so `{{> partial}}` inside a line adds no line break.
                var text = source.text
                if text.hasSuffix("\n") { text.removeLast() }
                sources[name] = text
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as Diagnostic {
                problems.append(error)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: shownPath, line: error.context.lineNumber, column: error.context.columnNumber,
                                           TemplateSet.sentence(for: error.error, line: error.context.line)))
            } catch {
                problems.append(Diagnostic(file: shownPath, "the template cannot be read: \(error)"))
            }
        }
        let set = TemplateSet(library: MustacheLibrary(templates: templates), names: Set(sources.keys), sources: sources,
                              directory: directory, displayPath: displayPath)
        if problems.isEmpty { problems += set.missingReferences() }
        for name in required where !set.names.contains(name) {
            problems.append(Diagnostic(file: displayPath, "the theme has no '\(name).mustache', which briefgen needs to render the site"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return set
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
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Every `.mustache` file under the folder, sorted; `assets/` is the theme's static files.
    static func templateFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasPrefix("assets/") || path == "assets" { continue }
            if path.hasSuffix(".mustache"), !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// A readable sentence for each of swift-mustache's parse errors.
    static func sentence(for error: Error, line: String) -> String {
        let shown = line.trimmingWhitespace
        let suffix = shown.isEmpty ? "" : " in \"\(shown.count > 60 ? String(shown.prefix(60)) + "…" : shown)\""
        guard let parseError = error as? MustacheTemplate.Error else {
            // swift-mustache's reader reports running off the end of the text as "overflow".
            if "\(error)" == "overflow" { return "a tag is not finished: the template ends before its closing '}}'" + suffix }
            return "the template cannot be parsed (\(error))" + suffix
        }
        switch parseError {
        case .sectionCloseNameIncorrect:
            return "a closing tag {{/…}} does not match the section it closes" + suffix
        case .unfinishedName:
            return "a tag is not finished: '{{' without a matching '}}', or an empty name" + suffix
        case .expectedSectionEnd:
            return "a section {{#…}}, {{^…}}, {{$…}} or {{<…}} is never closed with {{/…}}" + suffix
        case .invalidSetDelimiter:
            return "the set-delimiter tag is malformed; write it as {{=<% %>=}}" + suffix
        case .transformAppliedToInheritanceSection:
            return "a transform such as lowercased(…) cannot be applied to a {{<parent}} or {{$block}}" + suffix
        case .illegalTokenInsideInheritSection:
            return "only {{$block}} overrides may appear inside a {{<parent}} section" + suffix
        case .textInsideInheritSection:
            return "text inside a {{<parent}} section must be inside a {{$block}}…{{/block}} override" + suffix
        case .invalidConfigVariableSyntax:
            return "a pragma {{% … }} is malformed; write it as {{% CONTENT_TYPE: HTML }}" + suffix
        case .unrecognisedConfigVariable:
            return "unknown pragma; only {{% CONTENT_TYPE: … }} is understood" + suffix
        }
    }

    /// Partials and parents that are named but do not exist, and asset references to missing files.
    func missingReferences() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            for tag in TemplateSet.tags(in: text) {
                let file = displayPath + "/" + name + ".mustache"
                switch tag.sigil {
                case ">", "<":
                    if !names.contains(tag.name) {
                        let kind = tag.sigil == ">" ? "partial" : "parent template"
                        problems.append(Diagnostic(file: file, line: tag.line, column: tag.column,
                                                   "the \(kind) '\(tag.name)' does not exist (expected \(displayPath)/\(tag.name).mustache)"))
                    }
                case "#":
                    if tag.name == "asset", let argument = tag.sectionBody?.trimmingWhitespace {
                        let assetURL = directory.appendingPathComponent("assets").appendingPathComponent(argument)
                        if !FileManager.default.fileExists(atPath: assetURL.path) {
                            problems.append(Diagnostic(file: file, line: tag.line, column: tag.column,
                                                       "the asset '\(argument)' does not exist (expected \(displayPath)/assets/\(argument))"))
                        }
                    }
                default:
                    break
                }
            }
        }
        return problems
    }

    struct Tag {
        var sigil: Character
        var name: String
        var line: Int
        var column: Int
        /// For `{{#asset}}path{{/asset}}`: the text up to the closing tag.
        var sectionBody: String?
    }

    /// Scans `{{> name}}`, `{{< name}}` and `{{#name}}` tags with their positions.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                let tagLine = line, tagColumn = column
                var cursor = index + 2
                while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
                if cursor < characters.count, ">#<".contains(characters[cursor]) {
                    let sigil = characters[cursor]
                    cursor += 1
                    var name = ""
                    while cursor < characters.count, characters[cursor] != "}" { name.append(characters[cursor]); cursor += 1 }
                    name = name.trimmingWhitespace
                    var body: String?
                    if sigil == "#", cursor + 1 < characters.count {
                        let closing = "{{/\(name)}}"
                        let rest = String(characters[(cursor + 2)...])
                        if let range = rest.range(of: closing) { body = String(rest[..<range.lowerBound]) }
                    }
                    tags.append(Tag(sigil: sigil, name: name, line: tagLine, column: tagColumn, sectionBody: body))
                }
            }
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return tags
    }
}
