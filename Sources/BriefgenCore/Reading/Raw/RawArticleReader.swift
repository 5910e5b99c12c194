/// Reads a raw news article (`.txt`) the way a careful sub-editor would.
///
/// The format is what editors paste from outlets: a first line ` date YYYY-MM-DD ` followed by the
/// first paragraph, then blank-line-separated paragraphs. The reader recovers the headline (or
/// derives a title from the lede), drops page furniture (bylines, captions, counters, teasers),
/// removes a wire dateline from the lede, and finds section headings, lists, embedded posts, block
/// quotations and the quotes with their speakers.
public struct RawArticleReader: Sendable {
    /// Names of actors who are people, to recognise them in the text.
    public var knownPeople: [String]

    let quoteExtractor: QuoteExtractor

    public init(knownPeople: [String] = []) {
        self.knownPeople = knownPeople
        quoteExtractor = QuoteExtractor(knownPeople: knownPeople)
    }

    public func read(_ source: SourceText) throws(Diagnostic) -> RawDocument {
        let lines = RawArticleReader.lines(of: source.text)
        guard let firstIndex = lines.firstIndex(where: { !$0.text.trimmingWhitespace.isEmpty }) else {
            throw Diagnostic(file: source.path, line: 1, "the file is empty")
        }
        let (header, dateIndex) = try RawHeader.read(lines, from: firstIndex, file: source.path)
        guard dateIndex < lines.count else {
            // At the last header line: the file has nothing after it.
            let last = lines[..<dateIndex].last { !$0.text.trimmingWhitespace.isEmpty } ?? lines[firstIndex]
            throw Diagnostic(file: source.path, line: last.number, "the file ends after this line, before its 'date YYYY-MM-DD' line")
        }
        let (date, rest) = try RawArticleReader.dateLine(lines[dateIndex], file: source.path, afterHeader: dateIndex > firstIndex)
        if let updated = header.updated, updated.day < date {
            throw Diagnostic(file: source.path, line: updated.line, "the 'updated' day, \(updated.day.iso), is before the article's date, \(date.iso)")
        }
        var bodyLines = Array(lines[(dateIndex + 1)...])
        if !rest.isEmpty { bodyLines.insert(RawLine(text: rest, number: lines[dateIndex].number), at: 0) }

        var chunks = RawArticleReader.chunks(of: bodyLines)
        chunks = RawArticleReader.removingFurniture(chunks)
        guard !chunks.isEmpty else {
            throw Diagnostic(file: source.path, line: lines[dateIndex].number, "the article has a date but no text")
        }

        // Headline: a short first paragraph shaped like a title, with the story after it.
        var headline: String?
        if chunks.count >= 2, chunks[0].count == 1, RawArticleReader.isHeadline(chunks[0][0].text) {
            headline = chunks[0][0].text.trimmingWhitespace
            chunks.removeFirst()
        }
        // The paragraph right after a headline is its standfirst, never a heading.
        let standfirst = headline != nil ? 0 : -1

        var dateline: String?
        var blocks = blocks(from: chunks, standfirst: standfirst, dateline: &dateline)
        if blocks.isEmpty, let headline {
            blocks = [.paragraph(headline)]
        }
        let lede = blocks.lazy.compactMap { if case .paragraph(let text) = $0 { return text } else { return nil } }.first ?? ""
        let title = headline ?? TitleDeriver.title(fromLede: lede.isEmpty ? (blocks.first.map(RawArticleReader.text(of:)) ?? "") : lede)
        let quotes = quotes(in: blocks)
        return RawDocument(date: date, title: title, titleWasDerived: headline == nil, dateline: dateline,
                           blocks: blocks, quotes: quotes, source: header.source, url: header.url,
                           updated: header.updated.flatMap { $0.day > date ? $0.day : nil })
    }

    // MARK: Lines and chunks

    /// Lines with typographic spaces made plain; zero-width characters removed.
    static func lines(of text: String) -> [RawLine] {
        var result: [RawLine] = []
        var number = 0
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            let count = bytes.count
            while start <= count {
                // Line ends found sixteen bytes a step: splitting was a tenth of reading an article.
                let end = ByteScan.next(in: bytes, from: start, 0x0A, 0x0A, 0x0A, 0x0A)
                number += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                result.append(RawLine(text: RawArticleReader.cleanedLine(line), number: number))
                start = end + 1
            }
        }
        return result
    }

    /// A line with tabs and typographic spaces made plain and zero-width characters removed.
    /// Looks at the bytes first: almost every line has none of them.
    static func cleanedLine(_ line: UnsafeBufferPointer<UInt8>) -> String {
        let needsCleaning = ByteScan.next(in: line, from: 0, 0x09, 0xC2, 0xE2, 0xEF) < line.count
        let text = String(decoding: line, as: UTF8.self)
        guard needsCleaning else { return text }
        guard text.unicodeScalars.contains(where: { [0xA0, 0x2009, 0x202F, 0x200B, 0xFEFF, 0x09, 0x2007].contains($0.value) }) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar.value {
            case 0xA0, 0x2009, 0x202F, 0x2007, 0x09: return " "
            case 0x200B, 0xFEFF: return nil
            default: return scalar
            }
        }))
    }

    /// Parses ` date YYYY-MM-DD rest of the first paragraph`.
    static func dateLine(_ line: RawLine, file: String, afterHeader: Bool = false) throws(Diagnostic) -> (Day, String) {
        let text = line.text.trimmingWhitespace
        let expected = afterHeader
            ? "expected the line after 'source', 'url' and 'updated' to start with 'date YYYY-MM-DD'"
            : "expected the first line to start with 'date YYYY-MM-DD'"
        guard text.lowercased().hasPrefix("date"), text.count > 4 else {
            throw Diagnostic(file: file, line: line.number, expected)
        }
        let afterKeyword = text.dropFirst(4)
        guard afterKeyword.first?.isWhitespace == true || afterKeyword.first == ":" else {
            throw Diagnostic(file: file, line: line.number, expected)
        }
        let value = afterKeyword.drop(while: { $0.isWhitespace || $0 == ":" })
        let token = value.prefix(while: { !$0.isWhitespace })
        guard token.count == 10, token.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
              token.dropFirst(4).first == "-", token.dropFirst(7).first == "-" else {
            throw Diagnostic(file: file, line: line.number, "\(expected), found '\(String(token))'")
        }
        guard let day = Day(iso: token) else {
            throw Diagnostic(file: file, line: line.number, "the date \(token) does not exist")
        }
        return (day, value.dropFirst(token.count).trimmingWhitespace)
    }

    /// Groups lines into blank-line-separated chunks.
    static func chunks(of lines: [RawLine]) -> [[RawLine]] {
        var chunks: [[RawLine]] = []
        var current: [RawLine] = []
        for line in lines {
            let trimmed = line.text.trimmingWhitespace
            if trimmed.isEmpty {
                if !current.isEmpty { chunks.append(current); current = [] }
            } else {
                current.append(RawLine(text: trimmed, number: line.number))
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    // MARK: Furniture

    static func removingFurniture(_ chunks: [[RawLine]]) -> [[RawLine]] {
        var result: [[RawLine]] = []
        var index = 0
        while index < chunks.count {
            var lines = chunks[index]
            // "About the author" and what follows is a footer, not the story.
            if lines.count == 1, Furniture.isFooterLabel(lines[0].text) { break }
            // A lone name followed by a date line, in one chunk or in two.
            if lines.count == 1, Furniture.isLoneName(lines[0].text), index + 1 < chunks.count,
               chunks[index + 1].count == 1, Furniture.isDateLine(chunks[index + 1][0].text) {
                index += 2
                continue
            }
            if lines.count >= 2, Furniture.isLoneName(lines[0].text), Furniture.isDateLine(lines[1].text) {
                lines.removeFirst(2)
            }
            lines.removeAll { Furniture.isLineFurniture($0.text) }
            if !lines.isEmpty, Furniture.isCaption(lines.count == 1 ? lines[0].text : lines.map(\.text).joined(separator: " ")) {
                lines = []
            }
            if !lines.isEmpty { result.append(lines) }
            index += 1
        }
        return result
    }

    /// "Q: What is still open?", "A: Two things.": the turns of an interview are its text, never
    /// its section headings.
    static func isInterviewTurn(_ text: String) -> Bool {
        for marker in ["Q:", "Q.", "Q -", "Q –", "A:", "Question:", "Answer:"] where text.hasPrefix(marker) { return true }
        return false
    }

    static func isHeadline(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= 160, let last = trimmed.last, !".,:;".contains(last) else { return false }
        guard let first = trimmed.first, first.isUppercase || first.isNumber || "\"“'‘".contains(first) else { return false }
        let words = HeadingShape.words(trimmed)
        guard words.count <= 24 else { return false }
        // Two sentences are a lede, not a headline.
        return Sentences.split(trimmed).count == 1
    }

    // MARK: Blocks

    private func blocks(from chunks: [[RawLine]], standfirst: Int, dateline: inout String?) -> [RawBlock] {
        var blocks: [RawBlock] = []
        var ledeSeen = false
        var previousChunkEndedList = false
        for (index, chunk) in chunks.enumerated() {
            let texts = chunk.map(\.text)
            var text = texts.joined(separator: " ")

            // An attribution line ("– Maria Kovac") closes a block quotation written without quote marks.
            if chunk.count == 1, isAttribution(text), let quoted = quotedParagraphs(before: blocks) {
                blocks.removeLast(quoted.count)
                let name = Attribution.signature(String(text.drop(while: { "–—―- ".contains($0) }))) ?? text
                blocks.append(.quotation(paragraphs: quoted, cite: name))
                previousChunkEndedList = false
                continue
            }

            // Lists: every line an item, or intro lines followed by items.
            let items = texts.map(ListItem.parse)
            if let firstItem = items.firstIndex(where: { $0 != nil }), items[firstItem...].allSatisfy({ $0 != nil }) {
                if firstItem > 0 {
                    blocks.append(.paragraph(texts[..<firstItem].joined(separator: " ")))
                    ledeSeen = true
                }
                let parsed = items[firstItem...].compactMap { $0 }
                if firstItem == 0, previousChunkEndedList, case .list(let previous, let ordered, let start)? = blocks.last,
                   ordered == parsed[0].ordered {
                    // Items separated by blank lines still make one list.
                    blocks[blocks.count - 1] = .list(items: previous + parsed.map(\.text), ordered: ordered, start: start)
                } else {
                    blocks.append(.list(items: parsed.map(\.text), ordered: parsed[0].ordered,
                                        start: parsed[0].ordered ? parsed[0].number : 1))
                }
                previousChunkEndedList = true
                continue
            }
            previousChunkEndedList = false

            if let post = EmbeddedPost.parse(text) {
                blocks.append(.quotation(paragraphs: [RawArticleReader.postLine(post)], cite: post.cite))
                continue
            }

            let isLast = index == chunks.count - 1
            if chunk.count == 1, index != standfirst, !isLast, HeadingShape.isHeadingLike(text), !RawArticleReader.isInterviewTurn(text),
               !QuoteMarks.isQuoteMark(text.unicodeScalars.first!) {
                blocks.append(.heading(text))
                continue
            }

            if !ledeSeen {
                if dateline == nil, let split = Dateline.split(text) {
                    dateline = split.dateline
                    text = split.rest
                }
                // A standfirst is not the lede: the dateline may still open the next paragraph.
                if index != standfirst { ledeSeen = true }
            }
            blocks.append(.paragraph(text))
        }
        return blocks
    }

    /// "– President Donald J. Trump", "— Maria Kovac, foreign minister".
    private func isAttribution(_ text: String) -> Bool {
        // "-" or the first byte of "–", "—" and "―" (E2 80 93…95): most paragraphs start otherwise.
        guard let lead = text.utf8.first, lead == 0x2D || lead == 0xE2 else { return false }
        guard let first = text.first, "–—―-".contains(first) else { return false }
        let rest = text.drop(while: { "–—―- ".contains($0) })
        guard let initial = rest.first, initial.isUppercase else { return false }
        let words = rest.split(separator: " ")
        return words.count <= 10 && !rest.hasSuffix(".") && !rest.contains(where: { "?!:;\"“”".contains($0) })
    }

    /// The paragraphs an attribution line closes: those after an intro ending in ":" (at most
    /// four); else, when a reporting paragraph introduces them ("In a statement, she went
    /// further."), the run of paragraphs between it and the attribution; else the one paragraph
    /// right before. Nil when the line follows no paragraph or a list intro.
    private func quotedParagraphs(before blocks: [RawBlock]) -> [String]? {
        var trailing: [String] = []
        var introduced = false
        for block in blocks.reversed() {
            guard case .paragraph(let text) = block else { break }
            if text.hasSuffix(":") {
                return trailing.isEmpty ? nil : trailing
            }
            if !trailing.isEmpty, RawArticleReader.reportsSpeech(text) {
                introduced = true
                break
            }
            trailing.insert(text, at: 0)
            if trailing.count == 4 { break }
        }
        guard let last = trailing.last else { return nil }
        return introduced ? trailing : [last]
    }

    /// A narrator's paragraph: it reports speech or refers to someone in the third person.
    static func reportsSpeech(_ paragraph: String) -> Bool {
        let words = Tokenizer.strings(in: paragraph).map { $0.lowercased() }
        return words.contains { Attribution.speechVerbs.contains($0) || ["he", "she", "statement", "further"].contains($0) }
    }

    /// The post as one line: its words (in their quote marks), the attribution and the links.
    static func postLine(_ post: EmbeddedPost) -> String {
        var line = post.hadQuoteMarks ? "\"\(post.text)\"" : post.text
        if let attribution = post.attribution { line += " – " + attribution }
        for link in post.links { line += " " + link }
        return line
    }

    static func text(of block: RawBlock) -> String {
        switch block {
        case .paragraph(let text), .heading(let text): return text
        case .list(let items, _, _): return items.joined(separator: " ")
        case .quotation(let paragraphs, _): return paragraphs.joined(separator: " ")
        }
    }

    // MARK: Quotes

    private func quotes(in blocks: [RawBlock]) -> [Quote] {
        // Paragraphs go through the shared extractor; quotations are quotes by construction.
        var paragraphTexts: [String] = []
        var paragraphBlock: [Int] = []
        for (index, block) in blocks.enumerated() {
            if case .paragraph(let text) = block {
                paragraphTexts.append(text)
                paragraphBlock.append(index)
            }
        }
        var located: [(block: Int, order: Int, quote: Quote)] = []
        let found = quoteExtractor.extract(from: paragraphTexts) + quoteExtractor.interviewAnswers(in: paragraphTexts)
        for (order, item) in found.enumerated() {
            var quote = item.quote
            quote.block = paragraphBlock[item.paragraph]
            located.append((paragraphBlock[item.paragraph], order, quote))
        }
        for (index, block) in blocks.enumerated() {
            guard case .quotation(let paragraphs, let cite) = block else { continue }
            if paragraphs.count == 1, let post = EmbeddedPost.parse(paragraphs[0] + (cite.map { " — " + $0 } ?? "")) {
                located.append((index, 0, Quote(text: post.text, speaker: post.speaker, block: index)))
            } else {
                var text = paragraphs.joined(separator: " ")
                if let span = QuoteMarks.leadingQuotedSpan(in: text), span.after.trimmingWhitespace.isEmpty { text = span.inner }
                // "Maria Kovac, foreign minister of Northland": the speaker is the name before the comma.
                let speaker = cite.map { String($0.prefix(while: { $0 != "," })).trimmingWhitespace }
                located.append((index, 0, Quote(text: text.collapsingWhitespace, speaker: speaker, block: index)))
            }
        }
        return QuoteExtractor.withoutRepeats(located.sorted { ($0.block, $0.order) < ($1.block, $1.order) }.map(\.quote))
    }
}
