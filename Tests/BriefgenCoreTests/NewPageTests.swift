import Foundation
import Testing
@testable import BriefgenCore

/// The pages `briefgen new` writes read back as what they say, and publish nothing by mistake.
@Suite("New pages")
struct NewPageTests {
    @Test("a new article is a draft with the title and date given, and a body the editor writes")
    func article() throws {
        let title = #"Talks "resume": Geneva, day 2"#
        let text = NewPage.article(title: title, date: Day(iso: "2026-03-04")!)
        let article = try MarkdownArticleReader.read(SourceText(path: "articles/a.md", text: text), slug: "a")
        #expect(article.title == title && article.date == Day(iso: "2026-03-04") && article.draft)
        #expect(article.source == nil && article.url == nil && article.declaredPoints == nil, "the hints are comments")
        #expect(article.markdown.trimmingWhitespace.isEmpty)
    }

    @Test("a new point is unresolved, ordered after the others, and matched by its title")
    func point() throws {
        let text = NewPage.point(title: "Prisoner exchanges", order: 5)
        let point = try PointReader.read(SourceText(path: "points/p.md", text: text), slug: "prisoner-exchanges")
        #expect(point.title == "Prisoner exchanges" && point.status == "unresolved" && point.order == 5)
        #expect(point.keywords == ["Prisoner exchanges"])
        #expect(PointMatcher(points: [point]).points(heading: "Prisoner exchanges resume", body: "") == ["prisoner-exchanges"])
    }

    @Test("a new actor has the name given and nothing else set")
    func actor() throws {
        let text = NewPage.actor(name: "Maria Kovač")
        let actor = try ActorReader.read(SourceText(path: "actors/a.md", text: text), slug: "maria-kovac")
        #expect(actor.name == "Maria Kovač" && actor.aliases.isEmpty && actor.role.isEmpty && actor.side == nil && actor.kind == .person)
    }
}
