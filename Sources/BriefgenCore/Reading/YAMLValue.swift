import Yams

/// A YAML value that remembers the line it came from.
///
/// Yams' `Node` carries marks but is neither `Sendable` nor convenient to query. Converting once
/// into this small value type lets readers run in parallel and lets every complaint about a value
/// ("`date` is not a day") point at the exact line in the file.
public indirect enum YAMLValue: Sendable, Equatable {
    case scalar(String, line: Int, plain: Bool)
    case list([YAMLValue], line: Int)
    case map([YAMLEntry], line: Int)

    public var line: Int {
        switch self {
        case .scalar(_, let line, _), .list(_, let line), .map(_, let line): return line
        }
    }

    /// True for `~`, `null` and empty plain scalars.
    public var isNull: Bool {
        if case .scalar(let text, _, let plain) = self, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// Parses YAML text; `firstLine` is the line of the file the text starts on. `container` names
    /// the text in messages: "front matter", "the site configuration".
    public static func parse(_ yaml: String, firstLine: Int, file: String, container: String = "front matter") throws(Diagnostic) -> YAMLValue? {
        if let flat = FlatYAML.parse(yaml, firstLine: firstLine) { return flat }
        return try parseWithYams(yaml, firstLine: firstLine, file: file, container: container)
    }

    /// The full YAML reader, for anything `FlatYAML` leaves alone (which never takes `&` or `*`).
    static func parseWithYams(_ yaml: String, firstLine: Int, file: String, container: String = "front matter") throws(Diagnostic) -> YAMLValue? {
        // Refused before Yams composes the text, which would expand every alias.
        if let found = YAMLAnchors.firstAlias(in: yaml) {
            throw Diagnostic(file: file, line: found.line + firstLine - 1, column: found.column,
                             "YAML aliases are not supported in \(container); write the value out")
        }
        let node: Node?
        do {
            // An explicit encoding: the default one reads the process environment on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            throw YAMLValue.diagnostic(for: error, yaml: yaml, firstLine: firstLine, file: file)
        } catch {
            throw Diagnostic(file: file, line: firstLine, "invalid YAML: \(error)")
        }
        guard let node else { return nil }
        return try convert(node, firstLine: firstLine, file: file)
    }

    private static func convert(_ node: Node, firstLine: Int, file: String) throws(Diagnostic) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        switch node {
        case .scalar(let scalar):
            // Escapes such as "\x0b" can write what the source file could not hold.
            let text = ControlCharacters.replaced(in: scalar.string) ?? scalar.string
            return .scalar(text, line: line, plain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for item in sequence { items.append(try convert(item, firstLine: firstLine, file: file)) }
            return .list(items, line: line)
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                let keyLine = (key.mark?.line ?? 1) + firstLine - 1
                guard let name = key.scalar?.string else {
                    throw Diagnostic(file: file, line: keyLine, "front matter keys must be plain words")
                }
                guard seen.insert(name).inserted else {
                    throw Diagnostic(file: file, line: keyLine, "the key '\(name)' appears twice")
                }
                entries.append(YAMLEntry(key: name, value: try convert(value, firstLine: firstLine, file: file), line: keyLine))
            }
            return .map(entries, line: line)
        case .alias:
            // Not produced by `compose`, which resolves aliases; `YAMLAnchors` refuses them earlier.
            throw Diagnostic(file: file, line: line, "YAML aliases are not supported in front matter")
        }
    }

    /// Yams names a repeated key and where it first stands in its mapping, not where it stands
    /// again: the next line that starts with the key at the same column (after spaces and a list
    /// item's `- `) is where an editor has to look. Repeating a key of another list item is
    /// not a mistake, so matching the first key's column, from its line on, keeps to its mapping.
    static func duplicateKey(_ key: String, in yaml: String, first: Mark, firstLine: Int, file: String) -> Diagnostic {
        let lines = yamlLines(yaml)
        // The file's line of a YAML line: the file counts line feeds only.
        func fileLine(_ index: Int) -> Int { firstLine + lines[min(index, lines.count - 1)].lineFeedsBefore }
        var line = fileLine(max(first.line - 1, 0))
        let column = first.column - 1
        for index in min(max(first.line, 0), lines.count)..<lines.count {
            let text = Array(lines[index].bytes)
            guard column >= 0, text.count > column,
                  text[..<column].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") }) else { continue }
            let rest = String(decoding: text[column...], as: UTF8.self)
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                line = fileLine(index)
                break
            }
        }
        return Diagnostic(file: file, line: line, "the key '\(key)' appears twice")
    }

    /// The text's lines as libyaml counts them, whose marks Yams reports: it breaks lines at CR
    /// LF, CR, LF, U+0085, U+2028 and U+2029, where the file counts line feeds only (pasted text
    /// brings U+2028 along). Each line with its bytes and the line feeds before it.
    static func yamlLines(_ yaml: String) -> [(bytes: ArraySlice<UInt8>, lineFeedsBefore: Int)] {
        let bytes = Array(yaml.utf8)
        var lines: [(bytes: ArraySlice<UInt8>, lineFeedsBefore: Int)] = []
        var start = 0, lineFeeds = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var breakLength = 0
            if byte == 0x0A { breakLength = 1 }
            else if byte == 0x0D { breakLength = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1 }
            else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { breakLength = 2 }
            else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { breakLength = 3 }
            guard breakLength > 0 else { index += 1; continue }
            lines.append((bytes[start..<index], lineFeeds))
            lineFeeds += bytes[index..<(index + breakLength)].filter { $0 == 0x0A }.count
            index += breakLength
            start = index
        }
        lines.append((bytes[start...], lineFeeds))
        return lines
    }

    private static func diagnostic(for error: YamlError, yaml: String, firstLine: Int, file: String) -> Diagnostic {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            // libyaml names its own setting in this one ("…, set with yaml_set_max_nest_level())").
            let problem = problem.hasPrefix("Maximum nesting level reached")
                ? "lists and mappings nest too deeply (a front matter needs a few levels)" : problem
            var message = "invalid YAML: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text))" }
            return Diagnostic(file: file, line: mark.line + firstLine - 1, column: mark.column, message)
        }
        switch error {
        case .scanner(let context?, let problem, _, _) where problem.contains("end of stream") && context.text.contains("quoted scalar"):
            // Yams notices only at the end of the front matter; the quote that was never closed
            // is where the editor has to look.
            return Diagnostic(file: file, line: context.mark.line + firstLine - 1, column: context.mark.column,
                              "invalid YAML: this quoted value is never closed (no matching quote mark before the end of the front matter)")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return located(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicateKey(duplicates.first ?? "", in: yaml, first: context.mark, firstLine: firstLine, file: file)
        default:
            return Diagnostic(file: file, line: firstLine, "invalid YAML: \(error)")
        }
    }
}

public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var value: YAMLValue
    public var line: Int
}
