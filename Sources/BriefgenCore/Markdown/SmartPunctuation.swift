/// Typographic punctuation for Markdown text: curly quotes and apostrophes, en and em dashes,
/// ellipses. It does what cmark's `CMARK_OPT_SMART` does for prose, on the text nodes, at a
/// fraction of the cost (cmark's smart option doubled its parse time on the benchmark corpus).
enum SmartPunctuation {
    /// Text shown outside the Markdown body with the body's punctuation: a quotation lifted from
    /// an article reads "excellent…", as the paragraph it links to does, not "excellent...".
    static func display(_ text: String) -> String {
        var text = text
        guard let changed = text.withUTF8({ transform($0, previous: 0x20) }) else { return text }
        return String(decoding: changed, as: UTF8.self)
    }

    /// Transforms `text`; `previous` is the last byte of text before it in the same block (a
    /// space at the start of a block), so quotes that follow emphasis or links open or close right.
    /// Returns nil when nothing changes.
    static func transform(_ text: UnsafeBufferPointer<UInt8>, previous: UInt8) -> [UInt8]? {
        // Most text has nothing to change.
        guard ByteScan.hasSmartPunctuation(text) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 16)
        var changed = false
        var before = previous
        var index = 0
        let count = text.count
        while index < count {
            // Everything up to the next quote mark, `--` or `...` is copied as it is.
            let special = ByteScan.nextSmartPunctuation(in: text, from: index)
            if special > index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<special]))
                before = text[special - 1]
                index = special
            }
            guard index < count else { break }
            let byte = text[index]
            let next: UInt8 = index + 1 < count ? text[index + 1] : 0x20
            switch byte {
            case 0x22: // "
                append(0xE2, 0x80, opensQuote(after: before) ? 0x9C : 0x9D, to: &output)
                changed = true
            case 0x27: // '
                let opening = opensQuote(after: before) && !isSpace(next)
                append(0xE2, 0x80, opening ? 0x98 : 0x99, to: &output)
                changed = true
            case 0x2D where next == 0x2D: // -- and ---
                var run = 0
                while index + run < count, text[index + run] == 0x2D { run += 1 }
                // Like cmark: runs split into em dashes where they can, else en dashes.
                var ems = 0, ens = 0
                if run % 3 == 0 { ems = run / 3 }
                else if run % 2 == 0 { ens = run / 2 }
                else if run % 3 == 2 { ems = (run - 2) / 3; ens = 1 }
                else { ems = (run - 4) / 3; ens = 2 }
                for _ in 0..<ems { append(0xE2, 0x80, 0x94, to: &output) }
                for _ in 0..<ens { append(0xE2, 0x80, 0x93, to: &output) }
                index += run
                before = 0x2D
                changed = true
                continue
            case 0x2E where next == 0x2E && index + 2 < count && text[index + 2] == 0x2E: // ...
                append(0xE2, 0x80, 0xA6, to: &output)
                index += 3
                before = 0x2E
                changed = true
                continue
            default:
                output.append(byte)
            }
            before = byte
            index += 1
        }
        return changed ? output : nil
    }

    @inline(__always)
    private static func append(_ first: UInt8, _ second: UInt8, _ third: UInt8, to output: inout [UInt8]) {
        output.append(first)
        output.append(second)
        output.append(third)
    }

    /// A quote opens after a space, an opening bracket, a dash or another opening quote.
    private static func opensQuote(after byte: UInt8) -> Bool {
        isSpace(byte) || byte == 0x28 || byte == 0x5B || byte == 0x7B || byte == 0x2D
            || byte == 0x9C || byte == 0x98 || byte == 0x94 || byte == 0x93 // last byte of “ ‘ — –
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xA0
    }
}
