import BriefgenCore
@testable import BriefgenPreview
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A preview server on a free loopback port, over a scratch copy of the sample site.
final class PreviewFixture: @unchecked Sendable {
    let folder: URL
    let server: PreviewServer
    let port: UInt16

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(watch: Bool = false, headLimits: RequestHeadLimits = RequestHeadLimits(), heartbeat: Duration = .seconds(15)) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefgen-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        // A secret beside the site: nothing may ever serve it.
        try "TOP SECRET".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("serve/site")
        let options = BuildOptions(contentDirectory: folder.appendingPathComponent("Content"),
                                   templatesDirectory: folder.appendingPathComponent("Templates"),
                                   outputDirectory: output, contentDisplayPath: "Content", templatesDisplayPath: "Templates",
                                   cacheDirectory: folder.appendingPathComponent("serve/.briefgen-cache"))
        server = PreviewServer(configuration: .init(host: "127.0.0.1", port: 0, build: options, watch: watch, removeOutputOnStop: false,
                                                    headLimits: headLimits, heartbeat: heartbeat))
        let url = try await server.start()
        port = UInt16(url.port!)
        PreviewFixture.leftovers.remember(folder: folder, server: server)
    }

    /// Tests stop their fixture from a `defer`, in a task of its own that the test process may
    /// not wait for: what such tasks had not removed when the process exits is removed then, so
    /// test runs leave no folders behind.
    static let leftovers = Leftovers()

    final class Leftovers: @unchecked Sendable {
        private let lock = NSLock()
        private var folders: [URL] = []
        private var servers: [PreviewServer] = []
        private var registered = false

        func remember(folder: URL, server: PreviewServer) {
            lock.withLock {
                folders.append(folder)
                servers.append(server)
                if !registered {
                    registered = true
                    atexit { PreviewFixture.leftovers.removeAll() }
                }
            }
        }

        func removeAll() {
            let (folders, servers) = lock.withLock { (self.folders, self.servers) }
            // A rebuild still running (a watching fixture) would write its folders again.
            for server in servers {
                for _ in 0..<500 where !server.endBuilds() { usleep(10_000) }
                server.removeBackendSocket()
            }
            for folder in folders { try? FileManager.default.removeItem(at: folder) }
        }
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTPClient.Response {
        let port = self.port
        return try await RawHTTPClient.offThread { try RawHTTPClient.request(port: port, method: method, target: target, headers: headers) }
    }
}

@Suite("Preview server", .timeLimit(.minutes(1)))
struct PreviewTests {
    @Test("traversal vectors never return a file outside the site")
    func traversal() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        // A symlink inside the site that points outside it.
        try FileManager.default.createSymbolicLink(atPath: preview.folder.appendingPathComponent("serve/site/leak.txt").path,
                                                   withDestinationPath: preview.folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: preview.folder.appendingPathComponent("serve/site/up").path,
                                                   withDestinationPath: preview.folder.path)
        let vectors = [
            "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt",
            "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
            "//etc/passwd", "/\\..\\secret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/%00", "/index.html%00.txt",
            "/a/../../secret.txt", "/points/%2e%2e/%2e%2e/secret.txt", "/./../secret.txt", "/leak.txt", "/up/secret.txt",
            "/%c0%ae%c0%ae/secret.txt", "/..;/secret.txt", "/etc/passwd",
        ]
        for vector in vectors {
            let response = try await preview.get(vector)
            #expect(!response.text.contains("TOP SECRET"), "\(vector) leaked the secret")
            #expect(!response.text.contains("root:x:0:0"), "\(vector) leaked /etc/passwd")
            #expect(response.status == 400 || response.status == 404, "\(vector) answered \(response.status)")
        }
    }

    @Test("content types, index.html for folders, a redirect from /dir to /dir/")
    func contentTypes() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        let cases: [(String, String)] = [
            ("/", "text/html; charset=utf-8"), ("/points/territory-and-donbas/", "text/html; charset=utf-8"),
            ("/feed.xml", "application/atom+xml; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"), ("/404.html", "text/html; charset=utf-8"),
        ]
        for (target, type) in cases {
            let response = try await preview.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
        }
        let home = try await preview.get("/")
        let css = try #require(home.text.range(of: #"/assets/site\.[0-9a-f]{10}\.css"#, options: .regularExpression).map { String(home.text[$0]) })
        #expect(try await preview.get(css).headers["content-type"] == "text/css; charset=utf-8")
        let redirect = try await preview.get("/points?x=1")
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/points/?x=1")
        for sneaky in ["//points", "///points"] {
            let response = try await preview.get(sneaky)
            #expect(response.status == 301)
            #expect(response.headers["location"] == "/points/", "never a scheme-relative URL to another host")
        }
    }

    @Test("ETag and Last-Modified revalidate with 304; HEAD has the headers and no body")
    func caching() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        let first = try await preview.get("/feed.xml")
        let tag = try #require(first.headers["etag"])
        let modified = try #require(first.headers["last-modified"])
        #expect(try await preview.get("/feed.xml", headers: ["If-None-Match": tag]).status == 304)
        #expect(try await preview.get("/feed.xml", headers: ["If-Modified-Since": modified]).status == 304)
        #expect(try await preview.get("/feed.xml", headers: ["If-None-Match": "\"other\""]).status == 200)
        // Weak comparison: a tag a proxy marked weak still matches; a list with it too.
        #expect(try await preview.get("/feed.xml", headers: ["If-None-Match": "W/" + tag]).status == 304)
        #expect(try await preview.get("/feed.xml", headers: ["If-None-Match": "\"other\", W/\(tag)"]).status == 304)
        let head = try await preview.get("/feed.xml", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(first.body.count))
        #expect(head.body.isEmpty)
        #expect(try await preview.get("/", method: "POST").status == 405)
    }

    @Test("a missing page gets the site's 404.html with status 404")
    func notFound() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        let response = try await preview.get("/no/such/page/")
        #expect(response.status == 404)
        #expect(response.text.contains("<h1>Page not found</h1>"))
    }

    @Test("the reload script is in served pages only, never in the files build writes")
    func injection() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        #expect(try await preview.get("/").text.contains(LiveReload.path))
        let onDisk = try String(contentsOf: preview.folder.appendingPathComponent("serve/site/index.html"), encoding: .utf8)
        #expect(!onDisk.contains(LiveReload.path))
        #expect(!(try await preview.get("/feed.xml").text.contains(LiveReload.path)), "only HTML gets the script")
    }

    @Test("200 concurrent requests all succeed")
    func concurrency() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        let targets = ["/", "/points/", "/feed.xml", "/timeline/", "/actors/trump/", "/articles/"]
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask { try await preview.get(targets[index % targets.count]).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
    }

    @Test("a port already in use gives a clear error")
    func portInUse() async throws {
        let preview = try await PreviewFixture()
        defer { Task { await preview.stop() } }
        let second = PreviewServer(configuration: .init(host: "127.0.0.1", port: preview.port, build: preview.server.configuration.build, watch: false))
        do {
            _ = try await second.start()
            Issue.record("a second server started on a port in use")
        } catch let error as PreviewServer.StartError {
            #expect(error.description.hasPrefix("port \(preview.port) on 127.0.0.1 is already in use"))
        }
    }
}

@Suite("Preview rebuilds", .timeLimit(.minutes(1)))
struct PreviewRebuildTests {
    /// Reads server-sent events until `event: reload` arrives or the timeout passes.
    func waitForReload(port: UInt16, after action: @escaping @Sendable () throws -> Void, timeout: TimeInterval = 8) async throws -> Bool {
        try await RawHTTPClient.offThread { try Self.readReload(port: port, after: action, timeout: timeout) }
    }

    static func readReload(port: UInt16, after action: () throws -> Void, timeout: TimeInterval) throws -> Bool {
        let fd = try RawHTTPClient.connect(port: port, timeout: timeout)
        defer { close(fd) }
        try RawHTTPClient.send(fd, "GET \(LiveReload.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        var acted = false
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return false }
            received += String(decoding: buffer[..<count], as: UTF8.self)
            if !acted, received.contains("live reload") {
                acted = true
                try action()
            }
            if acted, received.contains("event: reload") { return true }
        }
        return false
    }

    @Test("editing an article rebuilds, re-renders only what depends on it, and sends a reload")
    func editTriggersReload() async throws {
        let preview = try await PreviewFixture(watch: true)
        defer { Task { await preview.stop() } }
        let article = preview.folder.appendingPathComponent("Content/articles/2025-12-29-europe-watches-the-talks.md")
        let started = Date()
        let reloaded = try await waitForReload(port: preview.port) {
            let text = try String(contentsOf: article, encoding: .utf8)
            try text.replacingOccurrences(of: "premature celebration", with: "early celebration").write(to: article, atomically: true, encoding: .utf8)
        }
        #expect(reloaded)
        #expect(Date().timeIntervalSince(started) < 5)
        let page = try await preview.get("/articles/2025-12-29-europe-watches-the-talks/")
        #expect(page.text.contains("early celebration"))
        let report = try #require(preview.server.lastRebuild?.report)
        #expect(report.rendered > 0 && report.rendered < report.pages / 2, "re-rendered \(report.rendered) of \(report.pages) pages")
        #expect(preview.server.state.problems.isEmpty)
    }

    @Test("a failed rebuild keeps the last good site and shows the error in the browser")
    func failedRebuild() async throws {
        let preview = try await PreviewFixture(watch: true)
        defer { Task { await preview.stop() } }
        let broken = preview.folder.appendingPathComponent("Content/articles/broken.txt")
        let reloaded = try await waitForReload(port: preview.port) {
            try "date 2025-02-30 A day that never was.\n".write(to: broken, atomically: true, encoding: .utf8)
        }
        #expect(reloaded)
        let home = try await preview.get("/")
        #expect(home.status == 200, "the last good site is still served")
        #expect(home.text.contains("briefgen-build-error"))
        #expect(home.text.contains("Content/articles/broken.txt:1: the date 2025-02-30 does not exist"))
        // Fixing it removes the error.
        let fixed = try await waitForReload(port: preview.port) { try FileManager.default.removeItem(at: broken) }
        #expect(fixed)
        #expect(!(try await preview.get("/").text.contains("briefgen-build-error")))
    }
}
