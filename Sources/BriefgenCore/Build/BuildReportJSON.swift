/// The `--report FILE` JSON: what CI dashboards and benchmarks read.
public enum BuildReportJSON {
    public static func text(_ report: BuildReport, seconds: Double) -> String {
        let kinds = Page.Kind.allCases.compactMap { kind -> (String, String)? in
            guard let count = report.pagesByKind[kind] else { return nil }
            return (kind.rawValue, String(count))
        }
        var fields: [(String, String)] = [
            ("pages", String(report.pages)),
            ("rendered", String(report.rendered)),
            ("pages_by_kind", JSONText.object(kinds)),
            ("articles", String(report.articles)),
            ("left_out", JSONText.object([("drafts", String(report.skippedDrafts)), ("future", String(report.skippedFuture))])),
        ]
        if let output = report.output {
            fields.append(("files", JSONText.object([
                ("total", String(output.files)), ("written", String(output.written)),
                ("unchanged", String(output.unchanged)), ("removed", String(output.deleted)),
            ])))
            fields.append(("bytes", JSONText.object([("total", String(output.totalBytes)), ("written", String(output.bytes))])))
        }
        if let mode = report.mode { fields.append(("mode", JSONText.string(mode.rawValue))) }
        fields.append(("seconds", format(seconds)))
        fields.append(("steps", JSONText.array(report.steps.map { step in
            JSONText.object([("name", JSONText.string(step.name)), ("seconds", format(step.seconds))])
        })))
        return JSONText.object(fields) + "\n"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return String(rounded)
    }
}
