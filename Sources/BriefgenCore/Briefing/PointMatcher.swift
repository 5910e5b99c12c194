/// Decides which sticking points a section of an article speaks to, from the points' keywords.
///
/// A keyword in the heading says what the section is about; in the body, one mention is only a
/// passing reference ("…particularly on territory and security arrangements"), so a section needs
/// its heading to name the point, or at least two mentions in its body.
public struct PointMatcher: Sendable {
    public static let headingWeight = 3
    public static let threshold = 2

    private var matcher = PhraseMatcher<Int>(caseSensitive: false)
    private let slugs: [String]

    public init(points: [Point]) {
        slugs = points.map(\.slug)
        for (index, point) in points.enumerated() {
            for keyword in point.keywords { matcher.add(keyword, value: index) }
        }
    }

    /// Score per point index: heading mentions weigh `headingWeight`, body mentions one each.
    public func scores(heading: String?, body: String) -> [Int: Int] {
        scores(heading: heading.map { Tokenizer.words(in: $0) }, body: Tokenizer.words(in: body))
    }

    func scores(heading: [WordToken]?, body: [WordToken]) -> [Int: Int] {
        scores(heading: heading, body: body[...])
    }

    func scores(heading: [WordToken]?, body: ArraySlice<WordToken>) -> [Int: Int] {
        var scores: [Int: Int] = [:]
        if let heading {
            for match in matcher.matches(in: heading) { scores[match.value, default: 0] += PointMatcher.headingWeight }
        }
        for match in matcher.matches(in: body) { scores[match.value, default: 0] += 1 }
        return scores
    }

    /// Point slugs a section speaks to, in the points' order.
    public func points(heading: String?, body: String) -> [String] {
        points(heading: heading.map { Tokenizer.words(in: $0) }, body: Tokenizer.words(in: body)[...])
    }

    func points(heading: [WordToken]?, body: ArraySlice<WordToken>) -> [String] {
        scores(heading: heading, body: body)
            .filter { $0.value >= PointMatcher.threshold }
            .keys.sorted().map { slugs[$0] }
    }

    public func slug(at index: Int) -> String { slugs[index] }
}
