import Foundation
import Testing
@testable import BriefgenCore

/// `PathText` against NSString's path methods, on the paths NSString handles, and on the ones
/// it traps on.
@Suite("Path text")
struct PathTextTests {
    @Test("agrees with NSString on generated paths without doubled slashes")
    func matchesNSString() {
        var random = SeededRandom(seed: 11)
        let pieces = ["a", "b", "talks", ".", "..", "/", "md", "é", "київ", "😀", "e\u{301}", " ", "-"]
        var compared = 0
        for _ in 0..<5000 {
            let path = (0..<random.next(7)).map { _ in pieces[random.next(pieces.count)] }.joined()
            // NSString also folds doubled slashes and resolves "." and ".." components; the
            // build's paths come from walking folders and have neither.
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            // It traps on a doubled slash, and its parent of a one-character name (`e`, `a/`).
            guard !path.contains("//"), !components.contains(where: { $0 == "." || $0 == ".." }),
                  components.filter({ !$0.isEmpty }).last.map({ $0.count > 1 }) ?? true else { continue }
            compared += 1
            let ns = path as NSString
            #expect(PathText.lastComponent(path) == ns.lastPathComponent, "\(path)")
            #expect(PathText.parent(path) == ns.deletingLastPathComponent, "\(path)")
            #expect(PathText.pathExtension(path) == ns.pathExtension, "\(path)")
            #expect(PathText.removingExtension(path) == ns.deletingPathExtension, "\(path)")
        }
        #expect(compared > 1000)
    }

    @Test("paths NSString traps on")
    func doubledSlashBeforeNonASCII() {
        #expect(PathText.lastComponent("a//é") == "é")
        #expect(PathText.parent("a//é") == "a")
        #expect(PathText.removingExtension("a//é") == "a//é")
        #expect(PathText.pathExtension("notes//звіт.txt") == "txt")
        #expect(PathText.parent("/") == "/")
        #expect(PathText.parent("/b") == "/")
        #expect(PathText.lastComponent("a/b/") == "b")
        #expect(PathText.removingExtension(".hidden") == ".hidden")
        #expect(PathText.parent("e") == "")
        #expect(PathText.parent("a/") == "")
        #expect(PathText.parent("x/é") == "x")
    }
}
