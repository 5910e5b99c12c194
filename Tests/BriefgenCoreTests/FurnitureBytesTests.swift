import Testing
@testable import BriefgenCore

/// The byte checks in front of the furniture tests must never dismiss a line the whole test
/// accepts: each test is compared with its whole form on lines built from furniture-like pieces.
@Suite("Furniture byte checks")
struct FurnitureBytesTests {
    /// Pieces that make lines furniture or nearly so, in mixed cases, with Unicode white space,
    /// characters whose lower case is ASCII (İ, K), digits, separators and markers.
    static let pieces = [
        "About the author", "ABOUT THE WRITERS", "about the Authors", "About", "about", "ABOUT", "aBoUt", "the", "The", "author", "Authors", "writer", "WRITERS:", ":", "::", " ", "  ",
        "\u{00A0}", "\t", "\u{2003}", "\u{0085}", "\u{1F}", "İ", "\u{212A}", "ſ", "é", "s\u{301}", "👍", "🇺🇦",
        "12K", "1,234", "5.1m", "views", "Views:", "VIEWS", "view", "reads", "Reads:", "comments", "Comments:", "shares", "W", "S",
        "09:30", "14:05", "2.05pm", ".9.30", "::9:30", "+9.30", "-0.15", "23:59", "24:00", "GMT", "utc", "a.m.", "local", "time",
        "Dec", "DECEMBER", "sept", "Sep", "29", "2025", "2025-12-29", "Monday,", "ago", "AGO", "2 hours", "Updated:", "Published",
        "-", "–", "|", "•", "(File photo)", "(file image)", "Image:", "Getty", "GETTY IMAGES", "Reuters", "/AFP", "AP Photo",
        "Shutterstock", "EPA-EFE", "photo", "Pool Photo", "credit:", "Leaders meet in Florida", "said the chair.", "x", "7",
    ]

    /// Deterministic lines of one to seven pieces, joined with nothing or a space.
    static func lines(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in
            (0..<(1 + next(7))).map { _ in pieces[next(pieces.count)] }.joined(separator: next(3) == 0 ? "" : " ")
        }
    }

    @Test("each byte check is implied by its test: no line the test accepts is dismissed")
    func checksAreExact() {
        var accepted = (footer: 0, time: 0, date: 0, views: 0, caption: 0)
        for line in Self.lines(count: 60_000, seed: 7) + Self.pieces {
            let footer = line.utf8.count <= 24 && Furniture.footerLabelMatches(line)
            #expect(Furniture.isFooterLabel(line) == footer, "footer label: \(line.debugDescription)")
            #expect(Furniture.isTimeStamp(line) == Furniture.timeStampMatches(line), "time stamp: \(line.debugDescription)")
            #expect(Furniture.isDateLine(line) == Furniture.dateLineMatches(line), "date line: \(line.debugDescription)")
            #expect(Furniture.isViewCounter(line) == Furniture.viewCounterMatches(line), "view counter: \(line.debugDescription)")
            #expect(Furniture.isCaption(line) == Furniture.captionMatches(line), "caption: \(line.debugDescription)")
            if footer { accepted.footer += 1 }
            if Furniture.timeStampMatches(line) { accepted.time += 1 }
            if Furniture.dateLineMatches(line) { accepted.date += 1 }
            if Furniture.viewCounterMatches(line) { accepted.views += 1 }
            if Furniture.captionMatches(line) { accepted.caption += 1 }
        }
        // The generated lines reach every test's accepting side, so the comparison means something.
        #expect(accepted.footer > 0 && accepted.time > 0 && accepted.date > 0 && accepted.views > 0 && accepted.caption > 0,
                "accepted: \(accepted)")
    }

    @Test("lines of the forms each test is for are still furniture", arguments: [
        "About the author", " about the writers: ", "ABOUT THE AUTHOR:", "12K views", "1,234 Views", "Views: 5,100",
        "14:05 GMT", ".9.30", "2.05pm", "December 29, 2025", "Updated: Mon 29 December 2025", "2025-12-29", "Published 2 hours ago",
        "Leaders meet in Florida (File photo)", "Talks resume in Geneva Getty Images/Reuters",
    ])
    func furnitureStillFound(line: String) {
        let found = Furniture.isFooterLabel(line) || Furniture.isViewCounter(line) || Furniture.isTimeStamp(line)
            || Furniture.isDateLine(line) || Furniture.isCaption(line)
        #expect(found, "\(line.debugDescription)")
    }

    @Test("the packed month prefixes are the words they stand for")
    func monthPrefixes() {
        for word in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "ago"] {
            #expect(FurnitureBytes.isMonthPrefix(word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }), "\(word)")
        }
        #expect(!FurnitureBytes.isMonthPrefix("the".utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }))
    }
}
