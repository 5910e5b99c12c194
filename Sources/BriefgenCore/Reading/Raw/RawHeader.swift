/// The optional lines above a raw article's `date` line that say where the text comes from:
///
///     source BBC News
///     url https://www.bbc.co.uk/news/…
///     updated 2025-12-30
///     date 2025-12-29 US President Donald Trump has claimed …
///
/// They are written like the date line (a keyword, then a space or a colon) and mean what
/// `source:`, `url:` and `updated:` mean in a Markdown article's front matter. Without them an
/// article has no source: its file name, which the pages used to show, means nothing to a reader.
struct RawHeader: Sendable, Equatable {
    var source: String?
    var url: String?
    /// The day of the last correction, and its line (checked against the date once that is read).
    var updated: (day: Day, line: Int)?

    static func == (lhs: RawHeader, rhs: RawHeader) -> Bool {
        lhs.source == rhs.source && lhs.url == rhs.url && lhs.updated?.day == rhs.updated?.day && lhs.updated?.line == rhs.updated?.line
    }

    /// Reads header lines from `start` (the file's first non-blank line) on, skipping blank lines;
    /// returns the header and the index of the first line that is not part of it.
    static func read(_ lines: [RawLine], from start: Int, file: String) throws(Diagnostic) -> (header: RawHeader, next: Int) {
        var header = RawHeader()
        var seen: [String: Int] = [:]
        var index = start
        while index < lines.count {
            let line = lines[index]
            let text = line.text.trimmingWhitespace
            if text.isEmpty {
                index += 1
                continue
            }
            guard let (keyword, value) = keywordLine(text) else { break }
            if let first = seen[keyword] {
                throw Diagnostic(file: file, line: line.number, "a second '\(keyword)' line; the first is on line \(first)")
            }
            seen[keyword] = line.number
            guard !value.isEmpty else {
                let example = switch keyword {
                case "source": "names no source (write it as: source BBC News)"
                case "updated": "has no date (write it as: updated YYYY-MM-DD)"
                default: "has no address (write it as: url https://…)"
                }
                throw Diagnostic(file: file, line: line.number, "the '\(keyword)' line \(example)")
            }
            if keyword == "source" {
                header.source = value
            } else if keyword == "updated" {
                guard let day = Day(iso: value) else {
                    // As the date line says it: a day of the right shape that the calendar lacks.
                    let shaped = value.count == 10 && value.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" }
                    throw Diagnostic(file: file, line: line.number, shaped ? "the 'updated' day \(value) does not exist"
                                     : "the 'updated' line should give a date written YYYY-MM-DD, not '\(value)'")
                }
                header.updated = (day, line.number)
            } else {
                guard WebAddress.isValid(value) else { throw Diagnostic(file: file, line: line.number, WebAddress.problem("url", value)) }
                header.url = value
            }
            index += 1
        }
        return (header, index)
    }

    /// `source NAME`, `Source: NAME`, `url ADDRESS`, `updated YYYY-MM-DD`: the keyword in any case,
    /// then white space or a colon. "Sources close to …" is not one (the keyword must end there).
    private static func keywordLine(_ text: String) -> (keyword: String, value: String)? {
        for keyword in ["source", "url", "updated"] {
            guard text.utf8.count >= keyword.utf8.count,
                  text.utf8.prefix(keyword.utf8.count).elementsEqual(keyword.utf8, by: { $0 | 0x20 == $1 }) else { continue }
            let rest = text.dropFirst(keyword.count)
            guard rest.isEmpty || rest.first!.isWhitespace || rest.first == ":" else { continue }
            let value = rest.drop(while: { $0.isWhitespace || $0 == ":" }).trimmingWhitespace
            return (keyword, value)
        }
        return nil
    }
}
