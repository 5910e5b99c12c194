/// A parsed Mustache template: a tree of nodes, ready to render many times.
///
/// The syntax is Mustache's (variables, sections, inverted sections, partials, comments, set
/// delimiters, template inheritance with `{{<parent}}` and `{{$block}}`), with two additions
/// swift-mustache themes also use: transforms such as `{{^empty(list)}}` and names starting with a
/// dot (`{{#.heading}}`) that look only at the current item, not at enclosing ones.
public struct Template: Sendable {
    public let name: String
    let nodes: [TemplateNode]

    public init(name: String, source: String) throws(TemplateError) {
        self.name = name
        nodes = try TemplateParser(source: source).parse()
    }

    /// Names of the partials and parents this template refers to, with where.
    public var references: [(name: String, isParent: Bool, line: Int, column: Int)] {
        var result: [(String, Bool, Int, Int)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): result.append((name, false, line, column))
                case .parent(let name, let blocks, _, let line, let column):
                    result.append((name, true, line, column))
                    for block in blocks.values { walk(block) }
                case .section(_, let children, _), .inverted(_, let children), .block(_, let children): walk(children)
                default: break
                }
            }
        }
        walk(nodes)
        return result
    }

    /// Arguments of `{{#name}}argument{{/name}}` sections, for checking asset references.
    func sectionArguments(named target: String) -> [(argument: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .section(let name, let children, let raw):
                    if name.parts == [target], name.transforms.isEmpty { result.append((raw, name.position?.line ?? 0, name.position?.column ?? 0)) }
                    walk(children)
                case .parent(_, let blocks, _, _, _): for block in blocks.values { walk(block) }
                case .inverted(_, let children), .block(_, let children): walk(children)
                default: break
                }
            }
        }
        walk(nodes)
        return result
    }
}

struct SourcePosition: Sendable {
    var line: Int
    var column: Int
}

/// A variable or section name: `title`, `point.status.label`, `.`, `.heading`, `empty(points)`.
struct TemplateName: Sendable, Equatable {
    var parts: [String] { didSet { keys = parts.map(TemplateKey.init) } }
    /// The parts, hashed once here rather than at every lookup.
    private(set) var keys: [TemplateKey]
    /// Transforms, innermost first: `empty(points)` is ["empty"].
    var transforms: [String] { didSet { transformKinds = transforms.map(TemplateTransform.init) } }
    /// The transforms, recognised once here rather than by comparing strings at every lookup.
    private(set) var transformKinds: [TemplateTransform]
    /// `.name`: look only at the current item.
    var currentOnly: Bool
    /// Where the tag stands in its template, for a name no page ever has; not part of equality.
    var position: SourcePosition?

    static let dot = TemplateName(parts: [], transforms: [], currentOnly: true)

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool {
        lhs.parts == rhs.parts && lhs.transforms == rhs.transforms && lhs.currentOnly == rhs.currentOnly
    }

    /// As the template writes it, without transforms: `article.title`, `.heading`.
    var written: String { (currentOnly ? "." : "") + parts.joined(separator: ".") }

    init(parts: [String], transforms: [String], currentOnly: Bool) {
        self.parts = parts
        self.keys = parts.map(TemplateKey.init)
        self.transforms = transforms
        self.transformKinds = transforms.map(TemplateTransform.init)
        self.currentOnly = currentOnly
    }

    /// Parses the text inside a tag; nil when it is not a valid name.
    init?(_ text: String) {
        var body = Substring(text)
        var transforms: [String] = []
        while let open = body.firstIndex(of: "("), body.hasSuffix(")") {
            let transform = body[..<open]
            guard !transform.isEmpty, transform.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            transforms.insert(String(transform), at: 0)
            body = body[body.index(after: open)..<body.index(before: body.endIndex)]
        }
        if body == "." {
            self.init(parts: [], transforms: transforms, currentOnly: true)
            return
        }
        var currentOnly = false
        if body.hasPrefix(".") {
            currentOnly = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: { $0.isWhitespace || "{}".contains($0) }) }) else {
            return nil
        }
        self.init(parts: parts, transforms: transforms, currentOnly: currentOnly)
    }
}

indirect enum TemplateNode: Sendable {
    /// Text as the UTF-8 bytes it is written as: appended with one copy, where a `String` was
    /// read through its UTF-8 view (and retained twice) on every page.
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    /// `raw` is the unparsed text inside, for lambdas.
    /// Its tag's place in the file is the name's `position`.
    case section(TemplateName, [TemplateNode], raw: String)
    case inverted(TemplateName, [TemplateNode])
    case partial(String, indentation: String, line: Int, column: Int)
    /// `{{<parent}}` with the blocks it overrides.
    case parent(String, blocks: [String: [TemplateNode]], indentation: String, line: Int, column: Int)
    /// `{{$name}}default{{/name}}`: replaced by an override when the template is used as a parent.
    case block(String, [TemplateNode])
    case escaping(Bool)
}

/// The transforms themes use: counts and emptiness of lists, case of text, first and last items.
/// A name the engine does not know is `unknown`, which gives no value.
enum TemplateTransform: Sendable, Equatable {
    case empty, count, first, last, reversed, lowercased, uppercased, capitalized, plusone, minusone, even, odd, unknown

    init(_ name: String) {
        switch name {
        case "empty": self = .empty
        case "count": self = .count
        case "first": self = .first
        case "last": self = .last
        case "reversed": self = .reversed
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "capitalized": self = .capitalized
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        default: self = .unknown
        }
    }
}
