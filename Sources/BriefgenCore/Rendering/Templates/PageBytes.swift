/// The bytes of a page while it renders: a growable buffer that appends with a capacity check and
/// a `memcpy`.
///
/// A page is written in some hundreds of pieces. `Array.append(contentsOf:)` with a buffer
/// pointer went through the generic sequence path (a uniqueness check, a capacity check and a
/// call, about 90 instructions) for each; here a piece costs a compare and a copy.
///
/// It can start in memory it does not own (an array's uninitialised capacity, see
/// `TemplateRenderer.renderBytes`), so a page that fits is written where it ends up; one that
/// outgrows it moves to memory of its own.
struct PageBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// False while writing into memory given at `init(writingInto:)`.
    private(set) var ownsMemory: Bool

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        ownsMemory = true
    }

    /// Writes into `memory` (which must stay valid while this buffer is used) until it is full.
    init(writingInto memory: UnsafeMutableBufferPointer<UInt8>) {
        if let start = memory.baseAddress, memory.count >= 16 {
            base = start
            capacity = memory.count
            ownsMemory = false
        } else {
            capacity = 16
            base = .allocate(capacity: capacity)
            ownsMemory = true
        }
    }

    deinit { if ownsMemory { base.deallocate() } }

    /// The bytes written so far, as they are written to disk.
    var array: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.initialize(from: base, count: count) }
            initialized = count
        }
    }

    /// The bytes written so far, read in place.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Appends the text's bytes, read in place (native and small strings always allow it).
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// Appends `text` HTML-escaped (`& < > " '` become entities); the runs between special
    /// bytes are copied whole.
    mutating func append(escaping text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            var copy = text
            copy.withUTF8 { append(escaping: $0) }
        }
    }

    mutating func append(escaping bytes: UnsafeBufferPointer<UInt8>) {
        HTMLEscaping.forEachPiece(escaping: bytes) { append($0) }
    }

    /// Mustache's standalone partial indentation: every line of `text` starts indented.
    mutating func append(_ text: borrowing PageBytes, indentedWith indentation: String) {
        let prefix = Array(indentation.utf8)
        text.withBytes { text in
            prefix.withUnsafeBufferPointer { prefix in
                var atLineStart = true
                for byte in text {
                    if atLineStart, byte != 0x0A { append(prefix) }
                    append(byte)
                    atLineStart = byte == 0x0A
                }
            }
        }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsMemory { base.deallocate() }
        ownsMemory = true
        base = newBase
        capacity = newCapacity
    }
}
