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
}
