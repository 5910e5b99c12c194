import Testing
@testable import BriefgenCore

/// The shortcuts listing pages take when building their contexts give what the long way gives.
@Suite("Listing page values")
struct ListingPageValuesTests {
    @Test("Actor.hasName agrees with names.contains")
    func hasName() {
        let actors = [
            Actor(slug: "kovac", name: "Maria Kovac", aliases: ["Kovac", "Foreign Minister Kovac", "Kovac", ""]),
            Actor(slug: "nobody", name: "", aliases: []),
            Actor(slug: "group", name: "European Union", aliases: ["EU", "the EU"], kind: .group),
        ]
        let texts = ["", "Maria Kovac", "Kovac", "kovac", "Foreign Minister Kovac", "Minister", "European Union", "EU", "the EU", "Eu"]
        for actor in actors {
            for text in texts {
                #expect(actor.hasName(text) == actor.names.contains(text), "\(actor.slug): '\(text)'")
            }
        }
    }

    /// A value's structure as text, fields in order, for comparing values (which hold lambdas, so
    /// are not `Equatable`).
    static func dump(_ value: TemplateValue) -> String {
        switch value {
        case .string(let text): return "s(\(text))"
        // Pieces show as their text joined, so they compare equal to it.
        case .pieces(let pieces): return "s(\(pieces.joined()))"
        case .prepared(let prepared): return "s(\(prepared.text))"
        case .bool(let flag): return "b(\(flag))"
        case .int(let number): return "i(\(number))"
        case .null: return "null"
        case .lambda: return "lambda"
        case .list(let items): return "[" + items.map(dump).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { "\($0.key):\(dump($0.value))" }.joined(separator: ",") + "}"
        }
    }

    static let briefing: Briefing = {
        let site = try! ContentLoader(directory: TestPaths.content).load()
        let analyzer = ArticleAnalyzer(points: site.points, actors: site.actors, basePath: "")
        return Briefing(content: site, articles: site.articles.map(analyzer.analyse))
    }()

    static func values(_ briefing: Briefing) -> ContextValues {
        ContextValues(config: briefing.config, points: briefing.points, actors: briefing.actors, assetURLs: [:],
                      days: briefing.articles.map(\.date))
    }

    @Test("developments, cards and quotes built field by field equal the same objects written as literals")
    func keyedFields() throws {
        let briefing = Self.briefing, values = Self.values(briefing), routes = values.routes
        #expect(!briefing.developments.isEmpty && !briefing.statementsByActor.isEmpty)
        for development in briefing.developments {
            let articleURL = routes.article(development.articleSlug)
            let literal: TemplateValue = [
                "date": values.date(development.date), "article_title": .string(development.articleTitle),
                "article_url": .string(articleURL), "url": .string(articleURL + "#" + development.anchor),
                "excerpt": .string(development.excerpt), "points": values.pointReferences(development.points),
                "heading": .text(development.sectionHeading),
            ]
            #expect(Self.dump(values.development(development)) == Self.dump(literal))
        }
        for article in briefing.articles {
            let literal: TemplateValue = [
                "title": .string(article.title), "url": .string(routes.article(article.slug)), "date": values.date(article.date),
                "summary": .string(article.summary), "points": values.pointReferences(article.points), "source": .text(article.source),
            ]
            #expect(Self.dump(values.articleCard(article)) == Self.dump(literal))
        }
        func literalQuote(_ located: LocatedQuote, _ day: Day, _ slug: String, _ title: String, _ points: [String]) -> TemplateValue {
            var literal: TemplateFields = [
                "text": .string(SmartPunctuation.display(located.quote.text)), "date": values.date(day), "article_title": .string(title),
                "url": .string(routes.article(slug) + (located.anchor.map { "#" + $0 } ?? "")),
                "speaker": .text(located.quote.speaker), "side": .string(values.side(of: located.quote)),
            ]
            // Both keys on every quote, null when they do not apply.
            literal["actor"] = .null
            literal["speaker_as_written"] = .null
            if let actor = located.quote.actor.flatMap(values.actor) {
                literal["actor"] = values.actorReference(actor.slug)
                if let speaker = located.quote.speaker, !actor.names.contains(speaker) { literal["speaker_as_written"] = .string(speaker) }
            }
            literal["points"] = values.pointReferences(points)
            return .object(literal)
        }
        var located = briefing.statementsByActor.values.joined().map { ($0.quote, $0.date, $0.articleSlug, $0.articleTitle, $0.points) }
        // The sample site quotes everyone by a listed name; these speakers are written other ways.
        let actor = try #require(briefing.actors.first)
        for speaker in [nil, "", actor.name, "Someone Else", actor.name.uppercased()] {
            let quote = Quote(text: "Words.", speaker: speaker, actor: actor.slug)
            located.append((LocatedQuote(quote: quote, anchor: nil, sectionIndex: 0), Day(ordinal: 740_000), "x", "X", []))
        }
        let unknown = Quote(text: "Words.", speaker: "Nobody", actor: nil)
        located.append((LocatedQuote(quote: unknown, anchor: "p-1", sectionIndex: 0), Day(ordinal: 740_000), "x", "X", ["y"]))
        var asWritten = 0
        for (quote, day, slug, title, points) in located {
            let built = values.quote(quote, date: day, articleSlug: slug, articleTitle: title, points: points)
            #expect(Self.dump(built) == Self.dump(literalQuote(quote, day, slug, title, points)))
            if Self.dump(built).contains("speaker_as_written:s(") { asWritten += 1 }
        }
        #expect(asWritten == 3, "\"\", \"Someone Else\" and the upper-cased name")
    }

    @Test("text and escaped values read in place give the bytes a copy gave, for small and large strings")
    func textInPlace() {
        let samples = ["", "a", "<b>", "short & sweet", "fifteen bytes!!", "sixteen bytes!!!", "é ø&amp; ü \"quoted\" 'single'",
                       String(repeating: "long text with <tags> & 'quotes' ", count: 20), "Київ & Москва", "🇺🇦<>"]
        for sample in samples {
            var escaped: [UInt8] = []
            HTMLEscaping.append(escaping: sample, to: &escaped)
            #expect(String(decoding: escaped, as: UTF8.self) == ReferenceEscaping.html(sample))
            var page = PageBytes(capacity: 1)
            page.append(0x2A)
            page.append(sample)
            page.append(escaping: sample)
            #expect(page.array == [0x2A] + Array(sample.utf8) + Array(ReferenceEscaping.html(sample).utf8))
        }
    }

    @Test("a list of developments, sharing each article's URL along a run, equals the developments built one by one")
    func developmentRuns() {
        let briefing = Self.briefing, values = Self.values(briefing)
        var lists = [briefing.developments, Array(briefing.developments.reversed()), briefing.whatChanged, []]
        lists += briefing.developmentsByPoint.values.map { $0 }
        for list in lists {
            #expect(values.developments(list).map(Self.dump) == list.map { Self.dump(values.development($0)) })
        }
    }

    @Test("String.concatenating joins its parts as + does")
    func concatenating() {
        let parts = ["", "/", "/articles/", "2025-12-29-a-slug-long-enough-to-live-on-the-heap", "#", "київ", "🇺🇦", "fifteen bytes!!"]
        for first in parts {
            for second in parts {
                #expect(String.concatenating(first, second) == first + second)
                for third in parts.prefix(4) {
                    let joined = String.concatenating(first, second, third, "/")
                    #expect(joined == first + second + third + "/")
                    #expect(Array(joined.utf8) == Array((first + second + third + "/").utf8))
                }
            }
        }
        let routes = Routes(config: Self.briefing.config)
        #expect(routes.article("x") == routes.basePath + "/articles/x/")
    }

    @Test("an article URL with an anchor, built in one piece, equals the URL followed by # and the anchor")
    func anchoredArticleURL() {
        let slugs = ["x", "2025-12-29-a-slug-long-enough-to-live-on-the-heap", "київ", ""]
        let anchors = ["p-1", "", "a-heading-long-enough-to-live-on-the-heap", "🇺🇦"]
        for baseURL in ["https://example.org", "https://example.org/briefings/", "/sub/path", ""] {
            let routes = Routes(config: SiteConfig(title: "T", baseURL: baseURL))
            for slug in slugs {
                for anchor in anchors {
                    let joined = routes.article(slug, anchor: anchor)
                    // The two-step way quotes built it before.
                    let oracle = String.concatenating(routes.basePath, "/articles/", slug, "/") + "#" + anchor
                    #expect(Array(joined.utf8) == Array(oracle.utf8), "\(baseURL) \(slug) \(anchor)")
                    #expect(routes.article(slug) == routes.basePath + "/articles/" + slug + "/")
                }
            }
        }
    }
}
