/// Finds the spans of text between quote marks, telling quote marks from apostrophes.
///
/// Handles straight and curly double quotes, guillemets, straight and curly single quotes,
/// quotes nested inside quotes (only the outer span counts), and a quote left open at the end of
/// a paragraph, which news style uses when a quotation runs on into the next paragraph.
struct QuotedSpan: Equatable {
    /// The words between the marks.
    var inner: String
    /// Character offsets of the whole span, marks included.
    var start: Int
    var end: Int
    var isDouble: Bool
    /// False when the paragraph ended before a closing mark.
    var closed: Bool
}

enum QuoteMarks {
    /// Membership tests by code point: these run on every scalar of every quoted paragraph, and a
    /// `Set` lookup (hashing each scalar) cost more than the scan itself.
    @inline(__always) static func isDoubleOpener(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value { case 0x22, 0x201C, 0xAB, 0x201E: return true; default: return false }
    }
    @inline(__always) static func isSingleOpener(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x27 || scalar.value == 0x2018
    }
    @inline(__always) static func isSingleCloser(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x27 || scalar.value == 0x2019
    }
    /// Any quote mark: " “ ” « » „ ' ‘ ’.
    static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x201E, 0x27, 0x2018, 0x2019: return true
        default: return false
        }
    }

    /// A cheap first look at the bytes: false when the text certainly has no quotation (no double
    /// quote marks, guillemets or opening single quotes), so the full search can be skipped.
    static func mayContainQuotes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                // Straight quote marks and the lead bytes of other marks are all that matter; the
                // byte before one is the last byte of the character before it.
                index = ByteScan.next(in: bytes, from: index, 0x22, 0x27, 0x22, 0x27, highBytes: true)
                guard index < count else { break }
                let previous: UInt8 = index > 0 ? bytes[index - 1] : 0x20
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x22: return true // "
                case 0x27: if previous == 0x20 || previous == 0x28 || previous == 0x5B { return true } // ' after space or bracket
                case 0xC2:
                    if index < count {
                        let next = bytes[index]
                        if next == 0xAB || next == 0xBB { return true } // « »
                        index += 1
                    }
                case 0xE2:
                    if index + 1 < count, bytes[index] == 0x80 {
                        let third = bytes[index + 1]
                        if third == 0x9C || third == 0x9D || third == 0x9E || third == 0x98 { return true } // “ ” „ ‘
                        if third == 0x99, previous == 0x20 { return true } // ’ opening a quote, as some paste it
                        index += 2
                    }
                default: break
                }
            }
            return false
        }
    }

    static func spans(in text: String) -> [QuotedSpan] {
        spans(in: Array(text.unicodeScalars))
    }

    static func spans(in characters: [Unicode.Scalar]) -> [QuotedSpan] {
        var result: [QuotedSpan] = []
        var index = 0
        let count = characters.count
        while index < count {
            index = nextPossibleOpener(in: characters, from: index)
            guard index < count else { break }
            let character = characters[index]
            if isDoubleOpener(character) {
                if let close = findDoubleClose(characters, from: index + 1, opener: character) {
                    result.append(span(characters, index, close, isDouble: true, closed: true))
                    index = close + 1
                    continue
                }
                // Unclosed: the quote runs to the end of the paragraph.
                result.append(span(characters, index, count, isDouble: true, closed: false))
                break
            }
            if isSingleOpener(character), isSingleOpener(characters, index) {
                if let close = findSingleClose(characters, from: index + 1) {
                    result.append(span(characters, index, close, isDouble: false, closed: true))
                    index = close + 1
                    continue
                }
                if index == 0 || characters[index - 1].isWhitespace && character == "‘" {
                    result.append(span(characters, index, count, isDouble: false, closed: false))
                    break
                }
            }
            index += 1
        }
        return result
    }

    /// The first index at or after `start` whose scalar could open a quote: `"` or `'`, or any
    /// scalar beyond ASCII (the curly marks and guillemets). Every other scalar is skipped in a
    /// tight loop; the opener tests cost about three times as much per scalar.
    static func nextPossibleOpener(in characters: [Unicode.Scalar], from start: Int) -> Int {
        characters.withUnsafeBufferPointer { scalars in
            var index = start
            while index < scalars.count {
                let value = scalars[index].value
                if value == 0x22 || value == 0x27 || value >= 0x80 { return index }
                index += 1
            }
            return scalars.count
        }
    }

    private static func span(_ characters: [Unicode.Scalar], _ open: Int, _ close: Int, isDouble: Bool, closed: Bool) -> QuotedSpan {
        let innerEnd = min(close, characters.count)
        let inner = String(scalars: characters[(open + 1)..<max(open + 1, innerEnd)]).trimmingWhitespace
        return QuotedSpan(inner: inner, start: open, end: closed ? close + 1 : characters.count, isDouble: isDouble, closed: closed)
    }

    private static func findDoubleClose(_ characters: [Unicode.Scalar], from start: Int, opener: Unicode.Scalar) -> Int? {
        var index = start
        while index < characters.count {
            let character = characters[index]
            switch opener {
            case "«": if character == "»" { return index }
            case "„": if character == "“" || character == "”" { return index }
            case "“": if character == "”" || character == "\"" { return index }
            default: if character == "\"" || character == "”" { return index }
            }
            // A curly opener inside a straight quote means our opener was in fact a closer: stop.
            if opener == "\"", character == "“" { return nil }
            index += 1
        }
        return nil
    }

    /// `'` opens a quote after a space, a bracket or a dash, and before a word.
    private static func isSingleOpener(_ characters: [Unicode.Scalar], _ index: Int) -> Bool {
        let before: Unicode.Scalar? = index > 0 ? characters[index - 1] : nil
        let after: Unicode.Scalar? = index + 1 < characters.count ? characters[index + 1] : nil
        guard let after, !after.isWhitespace else { return false }
        if let before, !(before.isWhitespace || before.isOne(of: "([{—–-\"“")) { return false }
        // 'tis, '90s: an apostrophe at a word start followed by digits or a known elision.
        if after.isNumber { return false }
        return true
    }

    /// `'` closes a quote after a word and before a space or punctuation, never inside a word.
    private static func findSingleClose(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < characters.count {
            let character = characters[index]
            if isSingleCloser(character) {
                let before = characters[index - 1]
                let after: Unicode.Scalar? = index + 1 < characters.count ? characters[index + 1] : nil
                let closesWord = !before.isWhitespace
                let endsHere = after == nil || after!.isWhitespace || after!.isOne(of: ",.;:!?)]—–-\"”")
                // "leaders' talks": a plural possessive is followed by a space too; accept the ambiguity
                // only when the quote has at least one more word than the possessive would leave.
                if closesWord && endsHere { return index }
            }
            // A double quote cannot sit inside an open single quote: the single was an apostrophe.
            if character == "\n" { return nil }
            index += 1
        }
        return nil
    }

    /// A span that starts the text, with what follows it: for embedded posts and block quotes.
    static func leadingQuotedSpan(in text: String) -> (inner: String, after: String)? {
        let characters = Array(text.unicodeScalars)
        guard let first = characters.first, isDoubleOpener(first) || isSingleOpener(first) else { return nil }
        guard let span = spans(in: characters).first, span.start == 0, span.closed else { return nil }
        return (span.inner, String(scalars: characters[span.end...]))
    }
}
