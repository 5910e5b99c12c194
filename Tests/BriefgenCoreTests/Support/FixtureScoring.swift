import Foundation
@testable import BriefgenCore

/// One fixture article's expected or actual reading, as `briefgen import --json` prints it.
struct ImportRecord: Codable, Equatable {
    struct QuoteRecord: Codable, Equatable, Hashable {
        var text: String
        var speaker: String?
        var actor: String?
    }

    /// The raw file's name.
    var file: String
    /// The `source` and `url` lines above the date line, if any (absent in the fixtures: none has them).
    var source: String?
    var url: String?
    var date: String
    var title: String
    var headings: [String]
    var quotes: [QuoteRecord]
    var points: [String]
    var actors: [String]
}

/// Precision and recall over a fixture set.
struct Score: CustomStringConvertible {
    var truePositives = 0
    var expected = 0
    var found = 0

    var precision: Double { found == 0 ? 1 : Double(truePositives) / Double(found) }
    var recall: Double { expected == 0 ? 1 : Double(truePositives) / Double(expected) }

    mutating func add(expected: [some Hashable], found: [some Hashable]) where Any: Any {
        self.expected += expected.count
        self.found += found.count
        var remaining = expected.map { AnyHashable($0) }
        for item in found {
            if let index = remaining.firstIndex(of: AnyHashable(item)) {
                truePositives += 1
                remaining.remove(at: index)
            }
        }
    }

    var description: String {
        String(format: "precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)", precision * 100, truePositives, found,
               recall * 100, truePositives, expected)
    }
}

enum FixtureSet {
    /// Every `*.txt` under a fixture folder with its expected record.
    static func load(_ folder: URL) throws -> [(source: URL, expected: ImportRecord)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let source = folder.appendingPathComponent(name)
            let json = folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected.json")
            return (source, try JSONDecoder().decode(ImportRecord.self, from: Data(contentsOf: json)))
        }
    }

    static func actual(_ importer: ArticleImporter, _ source: URL) throws -> ImportRecord {
        let imported = try importer.importFile(source, displayPath: source.lastPathComponent)
        return try JSONDecoder().decode(ImportRecord.self, from: Data(imported.json.utf8))
    }

    /// Headings, quotes (by text) and attributions (text with speaker's actor, else speaker) scored over a set.
    static func score(_ pairs: [(expected: ImportRecord, actual: ImportRecord)]) -> (headings: Score, quotes: Score, attributions: Score) {
        var headings = Score(), quotes = Score(), attributions = Score()
        for pair in pairs {
            headings.add(expected: pair.expected.headings, found: pair.actual.headings)
            quotes.add(expected: pair.expected.quotes.map(\.text), found: pair.actual.quotes.map(\.text))
            func attribution(_ quote: ImportRecord.QuoteRecord) -> String {
                quote.text + " | " + (quote.actor ?? quote.speaker?.lowercased() ?? "nobody")
            }
            attributions.add(expected: pair.expected.quotes.map(attribution), found: pair.actual.quotes.map(attribution))
        }
        return (headings, quotes, attributions)
    }
}
