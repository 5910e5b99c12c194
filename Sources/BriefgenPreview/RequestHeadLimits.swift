/// How large a request head the front relay accepts, and how long it waits for one.
///
/// FlyingFox reads each line of a request head in time that grows with the square of the line's
/// length and has no limit of its own (an 8 KB line takes about a second in a debug build, a
/// 600 KB one minutes), so these are checked before it sees a byte. The values are those of
/// common servers: Apache allows 8,190 bytes per request line and per header line, nginx
/// `large_client_header_buffers 4 8k`; real request lines and cookies stay far below.
public struct RequestHeadLimits: Sendable, Equatable {
    /// The longest request line (method, target, version), without its line end. Longer: 414.
    public var requestLine: Int
    /// The longest header line, without its line end. Longer: 431.
    public var headerLine: Int
    /// The whole head, request line to blank line included. Larger: 431.
    public var head: Int
    /// How long a client may take to send its head, counted from the connection (slowloris:
    /// one byte every few seconds would otherwise hold a connection for ever). Later: 408.
    public var deadline: Duration
    /// How long the server may take to start its answer once the head is through: a head that
    /// promises a body and never sends it would otherwise hold the connection for ever.
    public var responseStart: Duration

    public init(requestLine: Int = 8 * 1024, headerLine: Int = 8 * 1024, head: Int = 64 * 1024,
                deadline: Duration = .seconds(20), responseStart: Duration = .seconds(30)) {
        self.requestLine = requestLine
        self.headerLine = headerLine
        self.head = head
        self.deadline = deadline
        self.responseStart = responseStart
    }
}
