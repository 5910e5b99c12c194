import FlyingFox
import FlyingSocks
import Foundation

/// Server-Sent Events that tell open pages to reload after a rebuild.
///
/// Each browser tab holds one `GET /__briefgen/events` stream; a build (successful or not)
/// sends `event: reload`, and the page reloads to show the new site or the build error.
public final class LiveReload: @unchecked Sendable {
    public static let path = "/__briefgen/events"

    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]

    public init() {}

    /// Tells every open page to reload.
    public func reload() {
        broadcast(Data("event: reload\ndata: reload\n\n".utf8))
    }

    func broadcast(_ data: Data) {
        let current = lock.withLock { Array(listeners.values) }
        for listener in current { listener.yield(data) }
    }

    /// Ends every stream, so connections close and the server can stop.
    public func closeAll() {
        lock.withLock {
            heartbeat?.cancel()
            heartbeat = nil
        }
        let current = lock.withLock { () -> [AsyncStream<Data>.Continuation] in
            let all = Array(listeners.values)
            listeners.removeAll()
            return all
        }
        for listener in current { listener.finish() }
    }

    public var listenerCount: Int { lock.withLock { listeners.count } }

    private var heartbeat: DispatchSourceTimer?

    /// Sends every open stream a comment line every `interval`. A stream whose browser tab has
    /// gone is only noticed when something is written to it: without this, each one kept a
    /// connection, a descriptor and its buffers until the next rebuild, and a few thousand page
    /// views without an edit ran the server out of descriptors. (Proxies also keep a stream that
    /// carries bytes open.)
    public func startHeartbeat(every interval: Duration = .seconds(15)) {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "briefgen.serve.heartbeat"))
        let nanoseconds = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in self?.broadcast(Data(": keep-alive\n\n".utf8)) }
        lock.withLock {
            heartbeat?.cancel()
            heartbeat = timer
        }
        timer.resume()
    }

    /// The response for one browser tab: an endless `text/event-stream`.
    func response() -> HTTPResponse {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
        // A comment first, so the browser knows the stream is open; then retry advice.
        continuation.yield(Data(": briefgen live reload\nretry: 1000\n\n".utf8))
        lock.withLock { listeners[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.lock.withLock { self?.listeners.removeValue(forKey: id) }
        }
        let body = HTTPBodySequence(from: EventStreamBytes(stream: stream))
        let headers: HTTPHeaders = [
            .contentType: "text/event-stream; charset=utf-8",
            .init("Cache-Control"): "no-cache",
            .init("X-Accel-Buffering"): "no",
        ]
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    /// The script added to every HTML page `serve` sends (never to files `build` writes).
    static let script = """
    <script>/* briefgen serve: live reload */(function(){if(!window.EventSource)return;\
    var s=new EventSource("\(path)");s.addEventListener("reload",function(){s.close();location.reload();});})();</script>
    """
}

/// Adapts an `AsyncStream<Data>` to FlyingSocks' buffered byte sequence, which FlyingFox sends
/// with chunked transfer encoding, one chunk per event.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(iterator: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var iterator: AsyncStream<Data>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let data = await iterator.next() else { return nil }
                pending = Array(data)
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            guard let data = await iterator.next() else { return nil }
            return Array(data)
        }
    }
}
