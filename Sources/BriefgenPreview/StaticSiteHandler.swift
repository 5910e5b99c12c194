import BriefgenCore
import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Serves the built site: our own handler rather than FlyingFox's `DirectoryHTTPHandler`, which
/// serves files outside its root for `%2e%2e` paths.
///
/// The raw request path is decoded once and refused if it contains dot segments, NUL bytes or
/// backslashes; the resolved file must stay under the site folder after symlinks are followed.
/// Folders serve their `index.html` (`/dir` redirects to `/dir/`), responses carry a content type,
/// an ETag and Last-Modified (with 304 for revalidation), HEAD is answered without a body, and a
/// missing page gets the site's own `404.html` with status 404. HTML pages get the live-reload
/// script and, after a failed build, the build's errors.
public struct StaticSiteHandler: HTTPHandler {
    public let root: URL
    let state: PreviewState
    let liveReload: LiveReload?

    public init(root: URL, state: PreviewState, liveReload: LiveReload?) {
        self.root = root.standardizedFileURL
        self.state = state
        self.liveReload = liveReload
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let rawPath = request.target.path(percentEncoded: true)
        if let liveReload, rawPath == LiveReload.path, request.method == .GET {
            return liveReload.response()
        }
        guard request.method == .GET || request.method == .HEAD else {
            return plain(.methodNotAllowed, "Only GET and HEAD are supported.\n", headers: [.init("Allow"): "GET, HEAD"], request: request)
        }
        let segments: [String]
        do {
            segments = try RequestPath.segments(ofRawPath: rawPath)
        } catch {
            return plain(.badRequest, "Bad request path.\n", request: request)
        }
        guard state.hasSite else { return buildingPage(request) }

        guard let rootPath = realpath(root.path) else { return plain(.notFound, "Not found.\n", request: request) }
        var candidate = rootPath
        for segment in segments { candidate += "/" + segment }
        // Symlinks may point anywhere: only what resolves inside the site folder is served.
        guard let resolved = realpath(candidate), resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
            return notFound(request)
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return notFound(request) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if !rawPath.hasSuffix("/") {
                let query = request.target.query(percentEncoded: true)
                // Rebuilt from the non-empty segments: `//points` must not send the browser to a
                // host named "points" (a scheme-relative URL).
                let path = "/" + rawPath.split(separator: "/").joined(separator: "/") + "/"
                let location = path + (query.isEmpty ? "" : "?" + query)
                return plain(.movedPermanently, "Moved to \(location)\n", headers: [.location: location], request: request)
            }
            let index = resolved + "/index.html"
            guard stat(index, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return notFound(request) }
            return try serveFile(index, info: info, status: .ok, request: request)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return notFound(request) }
        return try serveFile(resolved, info: info, status: .ok, request: request)
    }

    // MARK: Files

    func serveFile(_ path: String, info: stat, status: HTTPStatusCode, request: HTTPRequest) throws -> HTTPResponse {
        let type = MediaTypes.type(forPath: path)
        let isHTML = MediaTypes.isHTML(type)
        let modified = Int(info.st_mtim.tv_sec)
        // HTML changes with the build state (live-reload script, error overlay), so its tag does too.
        var tag = "\"\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
        if isHTML { tag += "-g\(state.generation)" }
        tag += "\""
        var headers: HTTPHeaders = [
            .contentType: type,
            .init("ETag"): tag,
            .init("Last-Modified"): HTTPDate.format(modified),
            .init("Cache-Control"): "no-cache",
            .init("X-Content-Type-Options"): "nosniff",
        ]
        if status == .ok, isNotModified(request, tag: tag, modified: modified) {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        if isHTML { data = inject(into: data) }
        if request.method == .HEAD {
            headers[.contentLength] = String(data.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: data)
    }

    func isNotModified(_ request: HTTPRequest, tag: String, modified: Int) -> Bool {
        if let match = request.headers[.init("If-None-Match")] {
            // Weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`.
            return match.split(separator: ",").contains { candidate in
                let candidate = candidate.trimmingWhitespace
                return candidate == "*" || (candidate.hasPrefix("W/") ? String(candidate.dropFirst(2)) : candidate) == tag
            }
        }
        if let since = request.headers[.init("If-Modified-Since")].flatMap(HTTPDate.parse) {
            return modified <= since
        }
        return false
    }

    func notFound(_ request: HTTPRequest) -> HTTPResponse {
        guard let rootPath = realpath(root.path) else { return plain(.notFound, "Not found.\n", request: request) }
        var info = stat()
        let page = rootPath + "/404.html"
        if stat(page, &info) == 0, let response = try? serveFile(page, info: info, status: .notFound, request: request) {
            return response
        }
        return plain(.notFound, "Not found.\n", request: request)
    }

    // MARK: Injection

    /// Adds the live-reload script and, after a failed build, its errors before `</body>`.
    func inject(into data: Data) -> Data {
        var addition = ""
        let problems = state.problems
        if !problems.isEmpty { addition += ErrorOverlay.html(problems) }
        if liveReload != nil { addition += LiveReload.script }
        guard !addition.isEmpty else { return data }
        var html = String(decoding: data, as: UTF8.self)
        if let body = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: addition, at: body.lowerBound)
        } else {
            html += addition
        }
        return Data(html.utf8)
    }

    func buildingPage(_ request: HTTPRequest) -> HTTPResponse {
        let problems = state.problems
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>briefgen serve</title></head><body>"
        html += problems.isEmpty ? "<p>The site is being built…</p>" : "<p>The site could not be built yet.</p>"
        html += ErrorOverlay.html(problems) + (liveReload != nil ? LiveReload.script : "") + "</body></html>"
        let headers: HTTPHeaders = [.contentType: "text/html; charset=utf-8", .init("Retry-After"): "1", .init("Cache-Control"): "no-store"]
        return HTTPResponse(statusCode: problems.isEmpty ? .serviceUnavailable : .internalServerError,
                            headers: headers, body: request.method == .HEAD ? Data() : Data(html.utf8))
    }

    func plain(_ status: HTTPStatusCode, _ text: String, headers: HTTPHeaders = [:], request: HTTPRequest) -> HTTPResponse {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        if request.method == .HEAD {
            headers[.contentLength] = String(text.utf8.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }
}

/// The box `serve` shows at the bottom of every page while the last build has failed.
enum ErrorOverlay {
    static func html(_ problems: [Diagnostic]) -> String {
        guard !problems.isEmpty else { return "" }
        let lines = problems.map { HTMLEscaping.text($0.description) }.joined(separator: "\n")
        return """
        <div id="briefgen-build-error" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;\
        z-index:2147483647;background:#fff4f4;color:#5b0000;border-top:4px solid #b00020;padding:12px 16px;\
        font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)">\
        <strong>briefgen: the last build failed. You are seeing the last site that built.</strong>\
        <pre style="white-space:pre-wrap;margin:8px 0 0">\(lines)</pre></div>
        """
    }
}

func realpath(_ path: String) -> String? {
    guard let resolved = Glibc.realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}
