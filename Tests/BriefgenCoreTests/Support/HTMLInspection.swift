import Foundation

/// Small, purpose-built readers of the generated HTML: enough to assert on what a page lists.
enum HTMLInspection {
    /// The part of `html` from the element with `id` to the end of its `<section>`.
    static func section(_ html: String, headingID id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// (date, link) of every development listed in a fragment, in order.
    static func developments(_ fragment: String) -> [(date: String, link: String)] {
        matches(#"<li class="development">.*?<time datetime="([^"]+)">.*?<h3><a href="([^"]+)""#, in: fragment)
            .map { ($0[0], $0[1]) }
    }

    /// Every `id="…"` on a page.
    static func ids(_ html: String) -> Set<String> {
        Set(matches(#" id="([^"]+)""#, in: html).map { $0[0] })
    }
}

extension HTMLInspection {
    /// Every `id="…"` on a page, in order and with repeats, to find ids used twice.
    static func idList(_ html: String) -> [String] {
        matches(#" id="([^"]+)""#, in: html).map { $0[0] }
    }
}
