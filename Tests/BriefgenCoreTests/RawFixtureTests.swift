import Foundation
import Testing
@testable import BriefgenCore

/// The raw reader against articles written by hand in fourteen outlets' shapes (all fictional),
/// each with the reading a careful sub-editor would give it.
@Suite("Raw reader fixture set")
struct RawFixtureTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("raw")
    static let importer = try! ArticleImporter(contentDirectory: folder.appendingPathComponent("Content"), displayPath: "Content")

    /// The first set (tuned against) and two held-out sets (each measured before any change for it).
    static let sets = ["raw/articles", "raw-holdout/articles", "raw-holdout-2/articles"]

    static var cases: [String] {
        sets.flatMap { set in
            ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.appendingPathComponent(set).path)) ?? [])
                .filter { $0.hasSuffix(".txt") }.sorted().map { set + "/" + $0 }
        }
    }

    @Test("each fixture reads as expected", arguments: cases)
    func fixture(_ name: String) throws {
        let source = TestPaths.fixtures.appendingPathComponent(name)
        let expectedURL = source.deletingPathExtension().appendingPathExtension("expected.json")
        let expected = try JSONDecoder().decode(ImportRecord.self, from: Data(contentsOf: expectedURL))
        let actual = try FixtureSet.actual(Self.importer, source)
        #expect(actual.file == expected.file && actual.source == expected.source && actual.url == expected.url)
        #expect(actual.date == expected.date)
        #expect(actual.title == expected.title)
        #expect(actual.headings == expected.headings)
        #expect(actual.quotes == expected.quotes)
        #expect(actual.points == expected.points)
        #expect(actual.actors == expected.actors)
    }

    @Test("the first set covers at least twelve outlets' shapes")
    func size() {
        #expect(Self.cases.filter { $0.hasPrefix("raw/") }.count >= 12)
    }

    @Test("precision and recall of headings and quotes", arguments: sets)
    func precisionAndRecall(_ set: String) throws {
        var pairs: [(expected: ImportRecord, actual: ImportRecord)] = []
        for (source, expected) in try FixtureSet.load(TestPaths.fixtures.appendingPathComponent(set)) {
            pairs.append((expected, try FixtureSet.actual(Self.importer, source)))
        }
        let (headings, quotes, attributions) = FixtureSet.score(pairs)
        print("Fixture set \(set), \(pairs.count) articles: headings \(headings); quotes \(quotes); quotes with the right speaker \(attributions)")
        #expect(headings.precision == 1 && headings.recall == 1)
        #expect(quotes.precision == 1 && quotes.recall == 1)
        #expect(attributions.precision == 1 && attributions.recall == 1)
    }

    @Test("the seed reads as expected", .enabled(if: TestPaths.seedExists, "the seed ../shared/seeds/000_0a79b0e51191f896.txt is not present in this checkout"))
    func seed() throws {
        let importer = try ArticleImporter(contentDirectory: TestPaths.content, displayPath: "Content")
        let actual = try FixtureSet.actual(importer, TestPaths.seed)
        let expected = try JSONDecoder().decode(ImportRecord.self, from: Data(contentsOf: Self.folder.appendingPathComponent("seed.expected.json")))
        #expect(actual == expected)
    }
}
