/// A problem found in the input, located in a file and, where it is known, a line.
///
/// Every failure a user can fix is reported as a `Diagnostic`, so that `build` and `check` print
/// the same `file:line: message` lines that editors and CI annotations understand.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line, always: a file name or a quoted value with a line break in it (`bad⏎name.md`)
    /// would split the problem over two lines, which editors and CI annotations read as two.
    /// Such a name is shown quoted with its control characters escaped, as git shows it.
    public var description: String {
        var location = Diagnostic.oneLine(file, quoted: true)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(Diagnostic.oneLine(message, quoted: false))"
    }

    /// `text` unchanged when it has no control character or line separator; else with each of
    /// them escaped (`\n`, `\t`, `\u{85}`), and in double quotes when `quoted`.
    static func oneLine(_ text: String, quoted: Bool) -> String {
        func breaksLine(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: breaksLine) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\"" where quoted: escaped += "\\\""
            case "\\" where quoted: escaped += "\\\\"
            case _ where breaksLine(scalar): escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return quoted ? "\"" + escaped + "\"" : escaped
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0, rhs.message)
    }
}

/// Several problems at once: a build reports everything it found, not only the first.
public struct DiagnosticList: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    /// Sorted, and each problem once: the same mistake in a template is found by every page
    /// that uses it.
    public init(_ diagnostics: [Diagnostic]) {
        var unique: [Diagnostic] = []
        for diagnostic in diagnostics.sorted() where unique.last != diagnostic { unique.append(diagnostic) }
        self.diagnostics = unique
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Error {
    /// The problems this error stands for, whatever its type.
    public var diagnostics: [Diagnostic] {
        if let list = self as? DiagnosticList { return list.diagnostics }
        if let single = self as? Diagnostic { return [single] }
        return [Diagnostic(file: "briefgen", "\(self)")]
    }
}
