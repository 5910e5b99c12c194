import Foundation

/// A social-media post pasted into an article, as embeds look once the page is copied as text:
///
///     "Our meeting was excellent…" – President Donald J. Trump 🇺🇸 pic.twitter.com/22j0LewxmX
///     — The White House (@WhiteHouse) December 29, 2025
///
/// The reader turns it into a block quotation with a cite line and one quote.
struct EmbeddedPost: Sendable, Equatable {
    /// The post's words, without surrounding quote marks.
    var text: String
    /// Whether the post quoted someone in quote marks (then `attribution` names them).
    var hadQuoteMarks: Bool
    /// "President Donald J. Trump 🇺🇸🇺🇦": who the post quotes, as written.
    var attribution: String?
    /// "pic.twitter.com/22j0LewxmX" and other links at the end of the post.
    var links: [String]
    /// "The White House (@WhiteHouse) December 29, 2025".
    var cite: String?
    /// "The White House": the account that posted.
    var account: String?

    /// Who is speaking: the person quoted, else the account.
    var speaker: String? {
        if let attribution {
            let cleaned = String(attribution.filter { !$0.isEmoji }).trimmingWhitespace
            return cleaned.isEmpty ? account : cleaned
        }
        return account
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func parse(_ paragraph: String) -> EmbeddedPost? {
        // A post has a picture link ("pic.twitter.com/") or ends in a cite with a handle ("(@"),
        // so it has a "/" or an "@", which most paragraphs have not: they were trimmed and
        // searched backwards from their end to find out. Sixteen bytes a step here.
        var scanned = paragraph
        guard scanned.withUTF8({ ByteScan.next(in: $0, from: 0, 0x2F, 0x40, 0x40, 0x40) < $0.count }) else { return nil }
        var text = paragraph.trimmingWhitespace
        let hasPicture = ByteSearch.contains("pic.twitter.com/", in: text)
        var cite: String?
        var account: String?
        if let found = trailingCite(in: text) {
            cite = found.cite
            account = found.account
            text = found.before
        }
        guard hasPicture || cite != nil else { return nil }

        // Links at the end of the post body.
        var links: [String] = []
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        words.removeAll { word in
            let isLink = word.hasPrefix("pic.twitter.com/") || word.hasPrefix("https://t.co/") || word.hasPrefix("http://t.co/")
                || word.hasPrefix("https://pic.twitter.com/")
            if isLink { links.append(word) }
            return isLink
        }
        text = words.joined(separator: " ").trimmingWhitespace

        var body = text
        var attribution: String?
        var hadQuoteMarks = false
        if let span = QuoteMarks.leadingQuotedSpan(in: text) {
            hadQuoteMarks = true
            body = span.inner
            var after = span.after.trimmingWhitespace
            if let first = after.first, "–—-―".contains(first) {
                after = String(after.drop(while: { "–—-― ".contains($0) }))
                attribution = after.trimmingWhitespace.isEmpty ? nil : after.trimmingWhitespace
            } else if !after.isEmpty {
                body = text
                hadQuoteMarks = false
            }
        } else if let dash = text.range(of: " – ", options: .backwards) ?? text.range(of: " — ", options: .backwards) {
            // An unquoted post signed by its author: "We stand with Ukraine – Jane Roe".
            let signature = text[dash.upperBound...].trimmingWhitespace
            if signature.split(separator: " ").count <= 6, signature.first?.isUppercase == true,
               !signature.contains(where: { ".!?".contains($0) }) {
                attribution = signature
                body = text[..<dash.lowerBound].trimmingWhitespace
            }
        }
        guard !body.isEmpty else { return nil }
        return EmbeddedPost(text: body, hadQuoteMarks: hadQuoteMarks, attribution: attribution, links: links,
                            cite: cite, account: account)
    }

    /// Finds "— Name (@handle) Month D, YYYY" at the end of the text.
    static func trailingCite(in text: String) -> (before: String, cite: String, account: String)? {
        guard let handleOffset = ByteSearch.lastOffset(of: "(@", in: text) else { return nil }
        let handleStart = text.utf8.index(text.utf8.startIndex, offsetBy: handleOffset)..<text.utf8.index(text.utf8.startIndex, offsetBy: handleOffset + 2)
        guard let close = text[handleStart.upperBound...].firstIndex(of: ")") else { return nil }
        let handle = text[handleStart.upperBound..<close]
        guard !handle.isEmpty, handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let dateText = text[text.index(after: close)...].trimmingWhitespace
        guard isPostDate(dateText) else { return nil }
        // The cite starts after the last dash before the handle.
        let head = text[..<handleStart.lowerBound]
        guard let dash = head.lastIndex(where: { $0 == "—" || $0 == "–" || $0 == "―" }) ?? head.range(of: " - ", options: .backwards)?.lowerBound else {
            return nil
        }
        let account = head[head.index(after: dash)...].trimmingWhitespace
        guard !account.isEmpty else { return nil }
        let cite = "\(account) (@\(handle)) \(dateText)"
        return (String(text[..<dash]).trimmingWhitespace, cite, account)
    }

    /// "December 29, 2025", "Dec 29, 2025", "29 December 2025".
    static func isPostDate(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard parts.count == 3 else { return false }
        func isMonth(_ word: Substring) -> Bool {
            monthNames.contains { $0 == word || $0.prefix(3) == word.prefix(3) && word.count >= 3 && $0.hasPrefix(word.strippingCharacters(".")) }
        }
        func isDay(_ word: Substring) -> Bool { Int(word).map { (1...31).contains($0) } ?? false }
        func isYear(_ word: Substring) -> Bool { word.count == 4 && Int(word) != nil }
        return (isMonth(parts[0]) && isDay(parts[1]) || isDay(parts[0]) && isMonth(parts[1])) && isYear(parts[2])
    }
}
