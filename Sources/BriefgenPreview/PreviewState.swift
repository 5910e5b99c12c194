import BriefgenCore
import Foundation

/// What the server knows about the site it serves: whether a build has succeeded, the problems
/// of the last failed one, and a generation number that changes with every build.
public final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var _generation = 0
    private var _problems: [Diagnostic] = []
    private var _hasSite = false

    public init() {}

    public var generation: Int { lock.withLock { _generation } }
    public var problems: [Diagnostic] { lock.withLock { _problems } }
    public var hasSite: Bool { lock.withLock { _hasSite } }

    public func buildSucceeded() {
        lock.withLock {
            _generation += 1
            _problems = []
            _hasSite = true
        }
    }

    public func buildFailed(_ problems: [Diagnostic]) {
        lock.withLock {
            _generation += 1
            _problems = problems
        }
    }
}
