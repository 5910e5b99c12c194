/// Collects a request head as it arrives in chunks and finds where it ends, in time linear in its
/// length: each byte is looked at once, whatever the chunk sizes.
///
/// Lines end with `\r\n` or a bare `\n` (RFC 9112 lets a server accept both); the head ends at
/// the first empty line. Empty lines before the request line are skipped, as RFC 9112 §2.2 asks.
/// Limits are checked as bytes arrive, so an over-long line is refused before its end is sent.
struct RequestHeadScanner {
    enum Outcome: Equatable {
        /// No blank line yet, and nothing over a limit.
        case needMore
        /// The head is complete: `lines` holds it, and any bytes after it (a body) are in `rest`.
        case complete
        case requestLineTooLong
        case headersTooLarge
    }

    let limits: RequestHeadLimits
    /// Every byte received so far (the head, and whatever followed it in the same chunk).
    private(set) var bytes: [UInt8] = []
    /// The lines of the head, without their line ends; the first is the request line.
    private(set) var lines: [ArraySlice<UInt8>] = []
    private var scanned = 0
    private var lineStart = 0
    private var headEnd: Int?

    init(limits: RequestHeadLimits) {
        self.limits = limits
    }

    /// Whether any byte has arrived (a connection that sent nothing is closed without an answer).
    var hasBytes: Bool { !bytes.isEmpty }

    /// The bytes after the head, once it is complete.
    var rest: ArraySlice<UInt8> { headEnd.map { bytes[$0...] } ?? [] }

    mutating func append(_ chunk: some Sequence<UInt8>) -> Outcome {
        guard headEnd == nil else { return .complete }
        bytes.append(contentsOf: chunk)
        while scanned < bytes.count {
            let index = scanned
            scanned += 1
            guard bytes[index] == UInt8(ascii: "\n") else { continue }
            var end = index
            if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[lineStart..<end]
            lineStart = index + 1
            if line.isEmpty {
                if lines.isEmpty { continue } // an empty line before the request line
                guard scanned <= limits.head else { return .headersTooLarge }
                headEnd = scanned
                return .complete
            }
            if let excess = tooLong(line.count) { return excess }
            lines.append(line)
        }
        // The line still arriving is refused as soon as it cannot fit (a final `\r` may be its end).
        var partial = bytes.count - lineStart
        if partial > 0, bytes[bytes.count - 1] == UInt8(ascii: "\r") { partial -= 1 }
        if let excess = tooLong(partial) { return excess }
        return bytes.count >= limits.head ? .headersTooLarge : .needMore
    }

    /// The outcome for a line of `length` bytes as the next line of the head, if it is too long.
    private func tooLong(_ length: Int) -> Outcome? {
        if lines.isEmpty { return length > limits.requestLine ? .requestLineTooLong : nil }
        return length > limits.headerLine ? .headersTooLarge : nil
    }
}
