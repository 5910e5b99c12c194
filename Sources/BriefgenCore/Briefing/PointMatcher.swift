/// Decides which sticking points a section of an article speaks to, from the points' keywords.
///
/// A keyword in the heading says what the section is about; in the body, one mention is only a
/// passing reference ("…particularly on territory and security arrangements"), so a section needs
/// its heading to name the point, or at least two mentions in its body.
public struct PointMatcher: Sendable {
    public static let headingWeight = 3
    public static let threshold = 2

    /// The keywords and slugs, built once and never changed, behind one reference: the matcher
    /// holds a dozen arrays, and the closures that count the scores copied the whole struct,
    /// retaining and releasing each of them, several times per section.
    private final class Keywords: Sendable {
        let matcher: PhraseMatcher<Int>
        let slugs: [String]

        init(points: [Point]) {
            var matcher = PhraseMatcher<Int>(caseSensitive: false)
            for (index, point) in points.enumerated() {
                for keyword in point.keywords { matcher.add(keyword, value: index) }
            }
            self.matcher = matcher
            slugs = points.map(\.slug)
        }
    }

    private let keywords: Keywords
    private var matcher: PhraseMatcher<Int> { keywords.matcher }
    private var slugs: [String] { keywords.slugs }

    public init(points: [Point]) {
        keywords = Keywords(points: points)
    }

    /// Score per point index: heading mentions weigh `headingWeight`, body mentions one each.
    public func scores(heading: String?, body: String) -> [Int: Int] {
        scores(heading: heading.map { Tokenizer.words(in: $0) }, body: Tokenizer.words(in: body))
    }

    func scores(heading: [WordToken]?, body: [WordToken]) -> [Int: Int] {
        scores(heading: heading, body: body[...])
    }

    func scores(heading: [WordToken]?, body: ArraySlice<WordToken>) -> [Int: Int] {
        withScores(heading: heading, body: body) { scores in
            var result: [Int: Int] = [:]
            for (index, score) in scores.enumerated() where score > 0 { result[index] = score }
            return result
        }
    }

    /// Whether the words mention the point at `pointIndex` at all.
    func mentions(_ pointIndex: Int, in body: ArraySlice<WordToken>) -> Bool {
        withScores(heading: nil, body: body) { scores in scores[pointIndex] > 0 }
    }

    /// Point slugs a section speaks to, in the points' order.
    public func points(heading: String?, body: String) -> [String] {
        points(heading: heading.map { Tokenizer.words(in: $0) }, body: Tokenizer.words(in: body)[...])
    }

    func points(heading: [WordToken]?, body: ArraySlice<WordToken>) -> [String] {
        withScores(heading: heading, body: body) { scores in
            var slugs: [String] = []
            for (index, score) in scores.enumerated() where score >= PointMatcher.threshold { slugs.append(self.slugs[index]) }
            return slugs
        }
    }

    /// `body` given the score of every point, by index: counted in a buffer on the stack, where a
    /// dictionary of them cost a hashed insert per mention and an allocation per section.
    private func withScores<Result>(heading: [WordToken]?, body: ArraySlice<WordToken>,
                                    _ use: (UnsafeBufferPointer<Int>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: slugs.count) { scores in
            scores.initialize(repeating: 0)
            let values = matcher.values
            if let heading {
                heading.withUnsafeBufferPointer { tokens in
                    matcher.forEachMatch(in: tokens) { phrase, _, _ in scores[values[phrase]] += PointMatcher.headingWeight }
                }
            }
            body.withUnsafeBufferPointer { tokens in
                matcher.forEachMatch(in: tokens) { phrase, _, _ in scores[values[phrase]] += 1 }
            }
            return use(UnsafeBufferPointer(scores))
        }
    }

    public func slug(at index: Int) -> String { slugs[index] }
}
