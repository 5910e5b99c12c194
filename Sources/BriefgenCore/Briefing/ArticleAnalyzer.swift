/// Renders one article and works out what it says about which sticking point and who said it.
///
/// A pure function of the article and the site's points and actors, so articles are analysed in
/// parallel and an unchanged article gives an unchanged result.
public struct ArticleAnalyzer: Sendable {
    public let renderer: MarkdownRenderer
    public let pointMatcher: PointMatcher
    public let actorLinker: ActorLinker
    public let quoteExtractor: QuoteExtractor
    let pointOrder: [String: Int]

    /// - Parameter reservedIDs: ids the article's page already has, which heading ids must avoid.
    public init(points: [Point], actors: [Actor], basePath: String, reservedIDs: Set<String> = []) {
        renderer = MarkdownRenderer(basePath: basePath, reservedIDs: reservedIDs)
        pointMatcher = PointMatcher(points: points)
        actorLinker = ActorLinker(actors: actors)
        quoteExtractor = QuoteExtractor(knownPeople: actors.filter { $0.kind == .person }.flatMap(\.names))
        pointOrder = Dictionary(uniqueKeysWithValues: points.enumerated().map { ($1.slug, $0) })
    }

    public func analyse(_ article: Article) -> AnalysedArticle {
        let body = renderer.render(article.markdown, firstLine: article.bodyFirstLine)
        var sections = ArticleAnalyzer.sections(of: body)
        // Each block is split into words once, into one array, for the points and for the actors;
        // a section's words are a slice of it (its blocks are consecutive).
        var allWords: [WordToken] = []
        allWords.reserveCapacity(article.markdown.utf8.count / 5)
        var blockRanges: [Range<Int>] = []
        blockRanges.reserveCapacity(body.blocks.count)
        for block in body.blocks {
            let start = allWords.count
            Tokenizer.append(wordsIn: block.text, to: &allWords)
            blockRanges.append(start..<allWords.count)
        }
        let hasHeadings = sections.contains { $0.heading != nil }
        let sectionWords = sections.map { section in
            section.blocks.isEmpty ? allWords[0..<0]
                : allWords[blockRanges[section.blocks.lowerBound].lowerBound..<blockRanges[section.blocks.upperBound - 1].upperBound]
        }
        for index in sections.indices {
            // Without headings, the title is what says what the article is about.
            let heading = sections[index].heading ?? (hasHeadings ? nil : article.title)
            sections[index].points = pointMatcher.points(heading: heading.map { Tokenizer.words(in: $0) }, body: sectionWords[index])
        }
        if let declared = article.declaredPoints {
            applyDeclaredPoints(declared, to: &sections, words: sectionWords, title: article.title)
        }
        let points = orderedPoints(Set(sections.flatMap(\.points)).union(article.declaredPoints ?? []))
        for index in sections.indices where !sections[index].points.isEmpty {
            sections[index].pointExcerpts = pointExcerpts(sections[index], body: body, words: allWords, blockRanges: blockRanges)
        }

        let quotes = locate(article.quotes ?? extractQuotes(from: body), in: body, sections: sections)
        let actors: [String]
        if let declared = article.declaredActors {
            actors = Array(Set(declared)).sorted()
        } else {
            var words = blockRanges.map { allWords[$0] }
            words.append(Tokenizer.words(in: article.title)[...])
            for speaker in quotes.compactMap(\.quote.speaker) { words.append(Tokenizer.words(in: speaker)[...]) }
            actors = Array(Set(actorLinker.actors(mentionedIn: words)).union(quotes.compactMap(\.quote.actor))).sorted()
        }
        // As Hugo's summary, a part of the lede rather than all of it: a lede of a dozen
        // sentences (or one pasted as a single line) went whole into every description and card.
        let summary = article.summary ?? Excerpt.make(from: body.summary)
        return AnalysedArticle(article: article, body: body, sections: sections, quotes: quotes, points: points,
                               actors: actors, summary: summary)
    }

    /// Splits the blocks at `#`/`##` headings. Sections without an anchor to link to are dropped.
    static func sections(of body: RenderedMarkdown) -> [ArticleSection] {
        var sections: [ArticleSection] = []
        var heading: String?
        var anchor: String?
        var start = 0
        func close(at end: Int) {
            let range = start..<end
            let bodyBlocks = body.blocks[range]
            let target = anchor ?? bodyBlocks.first(where: { $0.id != nil })?.id
            if let target, heading != nil || !bodyBlocks.isEmpty {
                sections.append(ArticleSection(index: sections.count, heading: heading, anchor: target,
                                               blocks: range, excerpt: Excerpt.make(fromBlocks: bodyBlocks.lazy.map(\.text)), points: []))
            }
        }
        for (index, block) in body.blocks.enumerated() where block.startsSection {
            close(at: index)
            heading = block.text
            anchor = block.id
            start = index + 1
        }
        close(at: body.blocks.count)
        return sections
    }

    /// Front matter `points:` wins: only declared points count, and each declared point gets at
    /// least the section that speaks to it most (or the first section).
    private func applyDeclaredPoints(_ declared: [String], to sections: inout [ArticleSection], words: [ArraySlice<WordToken>],
                                     title: String) {
        let allowed = Set(declared)
        for index in sections.indices { sections[index].points.removeAll { !allowed.contains($0) } }
        guard !sections.isEmpty else { return }
        for slug in declared where !sections.contains(where: { $0.points.contains(slug) }) {
            guard let pointIndex = pointOrder[slug] else { continue }
            var best = 0
            var bestScore = 0
            for section in sections {
                let score = pointMatcher.scores(heading: Tokenizer.words(in: section.heading ?? title), body: words[section.index])[pointIndex] ?? 0
                if score > bestScore { best = section.index; bestScore = score }
            }
            sections[best].points.append(slug)
            sections[best].points = orderedPoints(Set(sections[best].points))
        }
    }

    /// The excerpts a section shows on the briefings of points its opening block does not mention
    /// (see `ArticleSection.pointExcerpts`), from the first block that mentions each. A point
    /// named only in the heading keeps the section's excerpt.
    private func pointExcerpts(_ section: ArticleSection, body: RenderedMarkdown, words: [WordToken],
                               blockRanges: [Range<Int>]) -> [String: String] {
        guard let opening = section.blocks.first(where: { !body.blocks[$0].text.isEmpty }) else { return [:] }
        var excerpts: [String: String] = [:]
        for slug in section.points {
            guard let pointIndex = pointOrder[slug], !pointMatcher.mentions(pointIndex, in: words[blockRanges[opening]]) else { continue }
            let later = section.blocks[(opening + 1)...]
            guard let first = later.first(where: { pointMatcher.mentions(pointIndex, in: words[blockRanges[$0]]) }) else { continue }
            excerpts[slug] = Excerpt.make(fromBlocks: body.blocks[first..<section.blocks.upperBound].lazy.map(\.text))
        }
        return excerpts
    }

    private func orderedPoints(_ slugs: Set<String>) -> [String] {
        slugs.sorted { (pointOrder[$0] ?? Int.max, $0) < (pointOrder[$1] ?? Int.max, $1) }
    }

    /// Quotes of a Markdown page that lists none in its front matter.
    private func extractQuotes(from body: RenderedMarkdown) -> [Quote] {
        var quotes: [Quote] = []
        let paragraphBlocks = body.blocks.indices.filter { body.blocks[$0].kind == .paragraph }
        let paragraphs = paragraphBlocks.map { body.blocks[$0].text }
        quotes = (quoteExtractor.extract(from: paragraphs) + quoteExtractor.interviewAnswers(in: paragraphs)).map { found in
            var quote = found.quote
            quote.block = paragraphBlocks[found.paragraph]
            return quote
        }
        for (index, block) in body.blocks.enumerated() where block.kind == .blockQuote {
            // A block quotation signed on its last line: "— Name".
            var text = block.text
            var speaker: String?
            if let dash = text.lastIndex(where: { $0 == "—" || $0 == "―" }) {
                let signature = text[text.index(after: dash)...].trimmingWhitespace
                if let name = Attribution.signature(signature) {
                    speaker = name
                    text = String(text[..<dash]).trimmingWhitespace
                }
            }
            if !text.isEmpty { quotes.append(Quote(text: text, speaker: speaker, block: index)) }
        }
        // Paragraph quotes and block quotations, in reading order.
        return QuoteExtractor.withoutRepeats(quotes.enumerated().sorted { ($0.element.block ?? 0, $0.offset) < ($1.element.block ?? 0, $1.offset) }.map(\.element))
    }

    /// Finds each quote's paragraph and links its speaker to an actor.
    ///
    /// Quotes come in reading order, so the search for each starts where the previous one was
    /// found and wraps around once: linear in the article's length for the usual case.
    private func locate(_ quotes: [Quote], in body: RenderedMarkdown, sections: [ArticleSection]) -> [LocatedQuote] {
        guard !quotes.isEmpty else { return [] }
        var keys = [[UInt8]?](repeating: nil, count: body.blocks.count)
        // Section of every block, computed once.
        var sectionOfBlock = [Int](repeating: 0, count: body.blocks.count)
        var sectionCursor = 0
        for index in body.blocks.indices {
            while sectionCursor + 1 < sections.count, sections[sectionCursor + 1].blocks.lowerBound <= index { sectionCursor += 1 }
            sectionOfBlock[index] = sections.isEmpty ? 0 : sections[sectionCursor].index
        }
        let count = body.blocks.count
        var cursor = 0
        return quotes.map { quote in
            var quote = quote
            if quote.actor == nil { quote.actor = actorLinker.actor(forSpeaker: quote.speaker) }
            var blockIndex: Int?
            // The reader said which block it is in: no need to search.
            if let known = quote.block, known < count, body.blocks[known].id != nil { blockIndex = known }
            let fullKey = blockIndex == nil ? ArticleAnalyzer.searchKey(quote.text) : []
            // The quote's start, then a shorter start: a quotation split by its attribution
            // (`"We are close," said Trump, "closer than ever."`) is written whole in front matter
            // (`We are close, closer than ever.`), and only its first words stand together in the
            // paragraph. Without the second try it linked to no paragraph, and its section and
            // briefings were not the raw file's.
            let lengths = fullKey.count > 36 ? [60, 24] : [60]
            for length in lengths where blockIndex == nil && !fullKey.isEmpty && count > 0 {
                let key = Array(fullKey.prefix(length))
                // A shorter start alone matches any paragraph that opens the same way ("We are not
                // going to accept…"): the quote's last words (a dozen letters, short enough to
                // stay after the attribution's break) must stand in the paragraph too, or in the
                // next one for a quotation that runs on over two paragraphs.
                let ending = length < 60 ? Array(fullKey.suffix(12)) : []
                // The same words can stand twice, as a pull quote and then where someone says
                // them: the paragraph that also names the speaker is the one the raw reader took
                // the quote from, so an imported page links where its raw file does.
                let speakerKey = quote.speaker.map(ArticleAnalyzer.searchKey) ?? []
                for step in 0..<count {
                    let index = (cursor + step) % count
                    guard body.blocks[index].id != nil else { continue }
                    if keys[index] == nil { keys[index] = ArticleAnalyzer.searchKey(body.blocks[index].text) }
                    guard ByteSearch.contains(key, in: keys[index]!) else { continue }
                    if !ending.isEmpty, !ByteSearch.contains(ending, in: keys[index]!) {
                        let next = index + 1
                        guard next < count, body.blocks[next].id != nil else { continue }
                        if keys[next] == nil { keys[next] = ArticleAnalyzer.searchKey(body.blocks[next].text) }
                        guard ByteSearch.contains(ending, in: keys[next]!) else { continue }
                    }
                    if blockIndex == nil { blockIndex = index }
                    if speakerKey.isEmpty || ByteSearch.contains(speakerKey, in: keys[index]!) {
                        blockIndex = index
                        break
                    }
                }
            }
            if let blockIndex { cursor = blockIndex }
            return LocatedQuote(quote: quote, anchor: blockIndex.flatMap { body.blocks[$0].id },
                                sectionIndex: blockIndex.map { sectionOfBlock[$0] } ?? 0)
        }
    }

    /// The text reduced to what survives any typography: ASCII letters lower-cased, digits, and
    /// non-ASCII letters, without punctuation, quote marks, dashes or spaces. A quote and the
    /// paragraph it comes from match on these keys whatever the quote marks and dashes.
    static func searchKey(_ text: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: key.append(byte)
            case 0x41...0x5A: key.append(byte + 32)
            case 0xE2:
                // U+2000–U+206F (General Punctuation: curly quotes, dashes, ellipsis) is dropped.
                guard let second = bytes.next(), let third = bytes.next() else { break }
                if second == 0x80 || second == 0x81 { break }
                key += [byte, second, third]
            case 0xC2:
                // U+00A0–U+00BF: no-break space, guillemets, signs.
                _ = bytes.next()
            case 0x80...0xFF: key.append(byte)
            default: break
            }
        }
        return key
    }
}
