import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import BriefgenCore

/// FIFOs, devices and links to them among the sources: opening a FIFO waits for a writer that
/// never comes, and `/dev/zero` never ends. Each must fail the build at once with the file named.
@Suite("Special files")
struct SpecialFileTests {
    /// Makes a FIFO, and while it exists keeps giving any reader stuck on it an end of file, so
    /// code that still blocks on FIFOs fails the test instead of hanging the whole suite.
    func makeFIFO(_ url: URL) {
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o644) == 0)
        let path = url.path
        Thread.detachNewThread {
            while FileManager.default.fileExists(atPath: path) {
                Thread.sleep(forTimeInterval: 2)
                // Succeeds only while someone has it open for reading; closing it ends their read.
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 { close(descriptor) }
            }
        }
    }

    func expectFailure(_ folder: TemporaryFolder, file: String, kind: String,
                       sourceLocation: SourceLocation = #_sourceLocation, _ breakIt: () -> Void) throws {
        let problems = try TestSite.failedBuildProblems(folder, sourceLocation: sourceLocation, after: breakIt)
        #expect(problems.map(\.file) == [file], sourceLocation: sourceLocation)
        // Assets keep their own noun: "cannot read the asset: …".
        let message = problems.first?.message ?? ""
        #expect(message == "cannot read the file: it is not a regular file (\(kind))"
                    || message == "cannot read the asset: it is not a regular file (\(kind))", sourceLocation: sourceLocation)
    }

    @Test("a FIFO article fails the build at once")
    func fifoArticle() throws {
        let folder = TemporaryFolder()
        try expectFailure(folder, file: "Content/articles/pipe.md", kind: "a FIFO") {
            makeFIFO(folder.path("Content/articles/pipe.md"))
        }
    }

    @Test("a FIFO partial fails template loading at once")
    func fifoPartial() throws {
        let folder = TemporaryFolder()
        try expectFailure(folder, file: "Templates/partials/pipe.mustache", kind: "a FIFO") {
            makeFIFO(folder.path("Templates/partials/pipe.mustache"))
        }
    }

    @Test("a FIFO among the theme's assets or the site's static files is named for what it is",
          arguments: ["Templates/assets/pipe.css", "Content/static/pipe.txt"])
    func fifoAsset(path: String) throws {
        let folder = TemporaryFolder()
        try expectFailure(folder, file: path, kind: "a FIFO") {
            makeFIFO(folder.path(path))
        }
    }

    @Test("a link to /dev/zero among the articles fails the build instead of reading for ever")
    func devZeroArticle() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            try! FileManager.default.createSymbolicLink(atPath: folder.path("Content/articles/zero.txt").path,
                                                       withDestinationPath: "/dev/zero")
        }
        // Refused as a link out of the project, before anything opens it.
        #expect(problems.map(\.file) == ["Content/articles/zero.txt"])
        #expect(problems.first?.message.hasPrefix("is a symbolic link to /dev/zero, outside the project (") == true)
    }

    @Test("a device is refused by the reader itself, whole or a chunk at a time",
          arguments: ["/dev/zero", "/dev/null"])
    func deviceRead(path: String) throws {
        #expect(throws: Diagnostic(file: "x", "cannot read the file: it is not a regular file (a device)")) {
            _ = try FileSystem.read(path, shown: "x")
        }
        #expect(throws: Diagnostic.self) {
            try FileSystem.forEachChunk(path, shown: "x") { _ in }
        }
    }

    @Test("regular files and empty ones still read")
    func regularFiles() throws {
        let folder = TemporaryFolder()
        let file = folder.write("a.txt", "hello")
        #expect(try FileSystem.read(file.path, shown: "a.txt") == Array("hello".utf8))
        let empty = folder.write("empty.txt", "")
        #expect(try FileSystem.read(empty.path, shown: "empty.txt") == [])
    }

    @Test("assets are read a chunk at a time: their hash and copy are those of the whole file")
    func chunkedFiles() throws {
        let folder = TemporaryFolder()
        var random = SeededRandom(seed: 9)
        for size in [0, 1, 31, 32, 4095, (1 << 20) + 33, 3 << 20] {
            let bytes = (0..<size).map { _ in UInt8(random.next(256)) }
            let file = folder.path("f\(size).bin")
            try Data(bytes).write(to: file)
            var chunks = 0
            try FileSystem.forEachChunk(file.path, shown: "f") { _ in chunks += 1 }
            #expect(chunks == (size + (1 << 20) - 1) >> 20, "\(size) bytes in megabyte chunks")
            #expect(try Assets.hashFile(file, shown: "f") == ContentHash(bytes))
            try FileSystem.copyFile(file.path, to: folder.path("copy\(size).bin").path)
            #expect(try Data(contentsOf: folder.path("copy\(size).bin")) == Data(bytes))
        }
    }

    @Test("a hash fed in chunks of any sizes equals the hash of the whole")
    func streamedHash() {
        var random = SeededRandom(seed: 21)
        for _ in 0..<300 {
            let bytes = (0..<random.next(300)).map { _ in UInt8(random.next(256)) }
            var stream = ContentHash.Stream()
            var index = 0
            while index < bytes.count {
                let length = min(random.next(70), bytes.count - index)
                bytes[index..<(index + length)].withUnsafeBufferPointer { stream.feed($0) }
                index += length
            }
            #expect(stream.finish() == ContentHash(bytes), "\(bytes.count) bytes")
        }
    }

    @Test("an article whose file name is not valid UTF-8 is reported as such, not as missing")
    func invalidUTF8Name() throws {
        let folder = TemporaryFolder()
        let problems = try TestSite.failedBuildProblems(folder) {
            // "bad\xFFname.md": made with the bytes, as no Swift string can hold them.
            let path = Array(folder.path("Content/articles").path.utf8) + Array("/bad".utf8) + [0xFF] + Array("name.md".utf8) + [0]
            let descriptor = path.withUnsafeBufferPointer { bytes in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { open($0, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(descriptor >= 0)
            _ = "---\ntitle: A\ndate: 2025-12-20\n---\nBody.\n".withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        #expect(problems.map(\.file) == ["Content/articles/bad\u{FFFD}name.md"])
        #expect(problems.first?.message == "cannot read the file: its name is not valid UTF-8 (shown here with \u{FFFD}); rename it")
    }
}
