/// A value a template can show: the typed counterpart of Mustache's "anything".
///
/// Contexts are built from these rather than `Any`, so a lookup is a search of hashed names and
/// a switch, not a chain of dynamic casts; and text is escaped in one pass over its bytes.
public enum TemplateValue: Sendable {
    case string(String)
    /// Text given in pieces, which a template shows exactly as the pieces joined: an article's
    /// body is its blocks' HTML, each written straight into the page, where joining them first
    /// cost an allocation and a copy of the whole body per page.
    case pieces([String])
    /// Text with its HTML escaping worked out once, shown exactly as `.string` of the text.
    case prepared(PreparedText)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object(TemplateFields)
    /// `{{#name}}text{{/name}}` calls the function with `text`; the result is inserted (escaped).
    case lambda(@Sendable (String) -> String)
    case null

    /// Whether a section shows: false, null, empty text and empty lists do not.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): return value
        case .null: return false
        case .string(let text): return !text.isEmpty
        case .pieces(let pieces): return pieces.contains { !$0.isEmpty }
        case .prepared(let prepared): return !prepared.text.isEmpty
        case .list(let items): return !items.isEmpty
        case .int, .object, .lambda: return true
        }
    }

    /// A named child of an object; nil for anything else.
    @inline(__always)
    func child(_ key: TemplateKey) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[key]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateFields(distinct: elements))
    }
}

extension TemplateValue {
    /// `.string` for a value, `.null` for nil: for optional fields.
    public static func text(_ value: String?) -> TemplateValue {
        value.map(TemplateValue.string) ?? .null
    }

    /// Text escaped now, once, rather than each time a template shows it: for values made once
    /// per site that many pages show (the site's title and links, points' and actors' names,
    /// dates). `.null` for nil. (A page's own title and description, shown three times by the
    /// layout, cost more to prepare than escaping them three times saved.)
    static func escapedOnce(_ value: String?) -> TemplateValue {
        value.map { .prepared(PreparedText($0)) } ?? .null
    }
}

/// Text and its HTML-escaped bytes. A class, so a value holding it stays one word and copying
/// it is one retain.
public final class PreparedText: Sendable {
    public let text: String
    let escaped: [UInt8]

    init(_ text: String) {
        self.text = text
        var bytes = PageBytes(capacity: text.utf8.count + 16)
        bytes.append(escaping: text)
        escaped = bytes.array
    }
}
