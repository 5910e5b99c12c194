/// What a build did: pages by kind, files and bytes written, seconds per step.
public struct BuildReport: Sendable {
    public struct Step: Sendable, Equatable {
        public var name: String
        public var seconds: Double
    }

    public var steps: [Step] = []
    public var pagesByKind: [Page.Kind: Int] = [:]
    public var output: OutputWriter.Summary?
    public var articles = 0
    public var mode: OutputWriter.Mode?
    /// Pages rendered by this build; the others were kept from the previous one unchanged.
    public var rendered = 0
    public var skippedDrafts = 0
    public var skippedFuture = 0

    public var pages: Int { pagesByKind.values.reduce(0, +) }
    public var seconds: Double { steps.reduce(0) { $0 + $1.seconds } }

    public init() {}
}

/// Times the named steps of a build, the way Zola's `Site::build()` does.
struct StepTimer {
    private(set) var report = BuildReport()
    let onStep: (@Sendable (String) -> Void)?

    init(onStep: (@Sendable (String) -> Void)?) {
        self.onStep = onStep
    }

    mutating func step<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        onStep?(name)
        let clock = ContinuousClock()
        let start = clock.now
        let value = try work()
        let duration = clock.now - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        report.steps.append(BuildReport.Step(name: name, seconds: seconds))
        return value
    }

    mutating func update(_ change: (inout BuildReport) -> Void) {
        change(&report)
    }
}
