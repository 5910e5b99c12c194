import Foundation

/// Recognises the furniture of a news page that is not part of the story: bylines, date blocks,
/// photo captions, view counters and "Read more" teasers. Text pasted from a web page carries
/// these; a sub-editor drops them, and so does the reader.
enum Furniture {
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]
    static let monthAbbreviations = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                                     "oct", "nov", "dec"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

    /// Whether a line is a byline, a date, a counter or a teaser. Furniture lines are short: body
    /// text is dismissed by its length before any of the finer tests run.
    static func isLineFurniture(_ line: String) -> Bool {
        guard line.utf8.count <= 200 else { return false }
        return isByline(line) || isDateLine(line) || isTimeStamp(line) || isViewCounter(line) || isTeaserOrChrome(line)
    }

    static let timeZones: Set<String> = ["gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "msk", "eet", "eest",
                                         "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "local", "time"]

    /// A live blog's entry time on a line of its own: "14:05 GMT", "2.05pm", "09:30".
    static func isTimeStamp(_ line: String) -> Bool {
        // A time's hours start with a digit or a sign (`Int` reads "+9"), after any spaces and
        // any separators `isTime` splits away (".9.30" is nine thirty to it).
        guard line.utf8.count <= 24, let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x3A && $0 != 0x2E }),
              (0x30...0x39).contains(first) || first == 0x2B || first == 0x2D else { return false }
        return timeStampMatches(line)
    }

    /// The whole test, without the byte check that dismisses most lines first.
    static func timeStampMatches(_ line: String) -> Bool {
        guard line.utf8.count <= 24, line.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        let tokens = line.lowercased().split(separator: " ")
        guard let first = tokens.first, isTime(String(first)) else { return false }
        return tokens.dropFirst().allSatisfy { timeZones.contains(String($0)) }
    }

    /// Labels that open a page's footer: what follows is about the writer, not the story.
    static func isFooterLabel(_ line: String) -> Bool {
        guard line.utf8.count <= 24, FurnitureBytes.containsFolded("about", in: line) else { return false }
        return footerLabelMatches(line)
    }

    /// The whole test, without the byte check that dismisses most lines first.
    static func footerLabelMatches(_ line: String) -> Bool {
        ["about the author", "about the authors", "about the writer", "about the writers"]
            .contains(line.trimmingWhitespace.lowercased().trimmingCharacters(in: [":"]))
    }

    /// "By Jane Doe", "By Jane Doe and John Roe, BBC News", "By JANE DOE | Reuters".
    static func isByline(_ line: String) -> Bool {
        guard line.utf8.count <= 120, let first = line.utf8.first(where: { $0 != 0x20 }), first == 0x42 || first == 0x62 else { return false }
        let text = line.trimmingWhitespace
        guard text.count <= 100, text.hasPrefix("By ") || text.hasPrefix("BY ") || text.hasPrefix("by ") else { return false }
        guard !text.hasSuffix(".") || text.hasSuffix(" Jr.") else { return false }
        let words = text.dropFirst(3).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" })
        guard let first = words.first, first.first?.isUppercase == true else { return false }
        // Bylines are names: mostly capitalised words, few of them.
        let capitalised = words.filter { $0.first?.isUppercase == true || $0 == "and" || $0 == "&" || $0 == "in" }
        return words.count <= 12 && capitalised.count * 4 >= words.count * 3
    }

    /// A line that is only a date or a date and time: "December 29, 2025", "29 Dec 2025 14:05 GMT",
    /// "Updated: Mon 29 December 2025", "2025-12-29", "Published 2 hours ago".
    static func isDateLine(_ line: String) -> Bool {
        // Every date has a digit and is short, and names a month, is ISO-written or says "ago".
        guard line.utf8.count <= 90, FurnitureBytes.mayBeDate(line) else { return false }
        return dateLineMatches(line)
    }

    /// The whole test, without the byte check that dismisses most lines first.
    static func dateLineMatches(_ line: String) -> Bool {
        guard line.utf8.count <= 90, line.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        let folded = String(decoding: line.utf8.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        guard monthAbbreviations.contains(where: { ByteSearch.contains($0, in: folded) }) || ByteSearch.contains("-", in: folded)
            || ByteSearch.contains("ago", in: folded) else { return false }
        var text = line.trimmingWhitespace.lowercased()
        guard !text.isEmpty, text.count <= 80 else { return false }
        for prefix in ["updated:", "updated", "published:", "published", "posted:", "posted", "last updated:", "last updated", "first published on", "first published"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingWhitespace
            if text.hasSuffix("ago") { return true }
            break
        }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" || $0 == "•" || $0 == "·" })
        guard !tokens.isEmpty else { return false }
        var sawMonthOrISO = false
        var sawYear = false
        for token in tokens {
            let word = token.strippingCharacters(".")
            if monthNames.contains(word) || monthAbbreviations.contains(word) { sawMonthOrISO = true; continue }
            if Day(iso: word) != nil { sawMonthOrISO = true; sawYear = true; continue }
            if weekdays.contains(word) { continue }
            if word.count == 4, let year = Int(word), (1900...2200).contains(year) { sawYear = true; continue }
            if let day = Int(word.strippingCharacters("stndrh")), (1...31).contains(day), word.count <= 4 { continue }
            if isTime(word) { continue }
            if ["gmt", "utc", "bst", "cet", "cest", "est", "edt", "et", "pt", "pst", "msk", "eet", "eest", "am", "pm", "a.m", "p.m", "at", "on", "-", "–", "—"].contains(word) { continue }
            return false
        }
        return sawMonthOrISO && sawYear || sawMonthOrISO && tokens.contains(where: { isTime(String($0)) })
    }

    private static func isTime(_ word: String) -> Bool {
        let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2 else { return false }
        let hours = parts[0], rest = parts[1]
        guard let h = Int(hours), (0...23).contains(h) else { return false }
        let minutes = rest.prefix(2)
        guard minutes.count == 2, let m = Int(minutes), (0...59).contains(m) else { return false }
        let suffix = rest.dropFirst(2)
        return suffix.isEmpty || suffix == "am" || suffix == "pm"
    }

    /// A line that could be a reporter's name on its own: two to four capitalised words, nothing else.
    static func isLoneName(_ line: String) -> Bool {
        // Two to four capitalised words of letters: no digits, no sentence punctuation.
        guard line.utf8.count <= 60, !line.utf8.contains(where: { (0x30...0x39).contains($0) || $0 == 0x2C || $0 == 0x3A || $0 == 0x3F }) else {
            return false
        }
        let text = line.trimmingWhitespace
        guard text.count <= 60, !text.contains(where: { ".,:;?!\"“”".contains($0) && $0 != "." }) else { return false }
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        }
    }

    static let captionMarkers = ["(file image)", "(file photo)", "(file picture)", "(file)", "image:", "photo:",
                                 "photograph:", "picture:", "credit:", "getty images", "via getty", "/afp", "/reuters",
                                 "ap photo", "/ap)", "(photo by", "(image:", "photo credit", "/ getty", "/getty",
                                 "shutterstock", "/epa", "epa-efe", "pool photo"]

    /// Photo captions: "Leaders meet in Florida (File image)", "… Image: Agency/Name".
    /// Credits sit at the end of a caption, so only the last characters are searched.
    static func isCaption(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 600, FurnitureBytes.mayBeCaption(paragraph) else { return false }
        return captionMatches(paragraph)
    }

    /// The whole test, without the byte check that dismisses most paragraphs first.
    static func captionMatches(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count <= 600 else { return false }
        // Every marker has a bracket, a colon, a slash, or one of a few agency names.
        let tailBytes = paragraph.utf8.suffix(100)
        if !tailBytes.contains(where: { $0 == 0x28 || $0 == 0x3A || $0 == 0x2F }) {
            let tailText = String(Substring(tailBytes))
            guard ["Getty", "Shutterstock", "Photo", "photo", "EPA", "AFP", "Reuters"].contains(where: { ByteSearch.contains($0, in: tailText) })
            else { return false }
        }
        let tail = String(paragraph.suffix(90)).lowercased()
        if tail.hasSuffix("(file image)") || tail.hasSuffix("(file photo)") || tail.hasSuffix("(file picture)") { return true }
        return captionMarkers.contains { ByteSearch.contains($0, in: tail) }
    }

    /// "1,234 views", "12K views", "Views: 5,100".
    static func isViewCounter(_ line: String) -> Bool {
        guard line.utf8.count <= 40, FurnitureBytes.mayBeViewCounter(line) else { return false }
        return viewCounterMatches(line)
    }

    /// The whole test, without the byte check that dismisses most lines first.
    static func viewCounterMatches(_ line: String) -> Bool {
        guard line.utf8.count <= 40, line.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
        let text = line.trimmingWhitespace.lowercased()
        guard text.count <= 40 else { return false }
        let words = text.split(separator: " ")
        if words.count == 2, ["views", "view", "reads", "comments", "shares"].contains(words[1]) {
            return words[0].allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "k" || $0 == "m" }
        }
        if words.count == 2, ["views:", "reads:", "comments:"].contains(words[0]) {
            return words[1].allSatisfy { $0.isNumber || $0 == "," || $0 == "." || $0 == "k" || $0 == "m" }
        }
        return false
    }

    /// "Read more: …", "READ MORE", "Related: …", "Advertisement", "Share this article".
    static func isTeaserOrChrome(_ line: String) -> Bool {
        guard let first = line.utf8.first(where: { $0 != 0x20 }), [0x52, 0x72, 0x53, 0x73, 0x41, 0x61, 0x57, 0x77, 0x4C, 0x6C, 0x46, 0x66, 0x43, 0x63, 0x4D, 0x6D].contains(first) else {
            return false // R(ead, elated, ecommended) S(ee, hare, ign, kip, tory) A(lso, dvert) W(atch) L(isten) F(ollow) C(opy) M(ore)
        }
        let text = line.trimmingWhitespace
        let lower = text.lowercased()
        for prefix in ["read more", "related:", "related coverage", "see also:", "also read", "watch:", "listen:", "recommended:", "more on this story"]
        where lower.hasPrefix(prefix) {
            // A teaser is short: a headline at most.
            return text.count <= 200
        }
        return ["advertisement", "share", "share this article", "copy link", "share on facebook", "share on x",
                "follow us", "sign up", "skip advertisement", "story continues below advertisement"].contains(lower)
    }
}
