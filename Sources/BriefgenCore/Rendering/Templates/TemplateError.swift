/// A template that cannot be parsed, with where and why, in words a theme author understands.
public struct TemplateError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
}
