/// Checks that need the whole site: references between files.
public enum ReferenceChecker {
    /// Unknown point and actor slugs in articles' front matter.
    public static func references(in content: SiteContent) -> [Diagnostic] {
        let points = Set(content.points.map(\.slug))
        let actors = Set(content.actors.map(\.slug))
        return content.articles.flatMap { problems(of: $0, points: points, actors: actors) }
    }

    /// Unknown point and actor slugs in one article's front matter.
    public static func problems(of article: Article, points: Set<String>, actors: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for slug in article.declaredPoints ?? [] where !points.contains(slug) {
            problems.append(Diagnostic(file: article.sourcePath, line: article.lines["points"],
                                       "unknown point '\(slug)'\(suggestion(for: slug, in: points))"))
        }
        for slug in article.declaredActors ?? [] where !actors.contains(slug) {
            problems.append(Diagnostic(file: article.sourcePath, line: article.lines["actors"],
                                       "unknown actor '\(slug)'\(suggestion(for: slug, in: actors))"))
        }
        for quote in article.quotes ?? [] {
            if let actor = quote.actor, !actors.contains(actor) {
                problems.append(Diagnostic(file: article.sourcePath, line: article.lines["quotes"],
                                           "a quote names unknown actor '\(actor)'\(suggestion(for: actor, in: actors))"))
            }
        }
        return problems
    }

    /// ", did you mean 'territory'?" for near misses; the list of known slugs otherwise.
    static func suggestion(for slug: String, in known: Set<String>) -> String {
        let close = known.filter { editDistance($0, slug) <= max(2, slug.count / 4) }.sorted()
        if let best = close.first { return "; did you mean '\(best)'?" }
        if known.isEmpty { return "; there are none in the content folder" }
        return " (known: \(known.sorted().joined(separator: ", ")))"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
