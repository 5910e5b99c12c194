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

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
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
