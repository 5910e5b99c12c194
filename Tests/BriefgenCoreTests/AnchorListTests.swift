import Testing
@testable import BriefgenCore

@Suite("Anchor lists")
struct AnchorListTests {
    @Test("an anchor is found whole, wherever it stands, and a part of one is not")
    func wholeAnchors() {
        let anchors = AnchorList(["intro-p1", "meetings", "meetings-p1", "київ-p2"])
        for anchor in ["intro-p1", "meetings", "meetings-p1", "київ-p2"] { #expect(anchors.contains(anchor), "\(anchor)") }
        for anchor in ["intro", "p1", "meeting", "eetings", "meetings-p", "", "intro-p1\nmeetings"] { #expect(!anchors.contains(anchor), "\(anchor)") }
        #expect(anchors.all == ["intro-p1", "meetings", "meetings-p1", "київ-p2"])
        #expect(AnchorList(joined: anchors.joined) == anchors)
        #expect(!AnchorList([String]()).contains("intro-p1") && AnchorList([String]()).all.isEmpty)
    }
}
