/// A compact binary encoding for the build cache: varints and length-prefixed UTF-8.
///
/// Hand-written rather than `Codable`/JSON because the cache of ten thousand articles must load in
/// a few tens of milliseconds for a rebuild to stay under half a second.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63)) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            write(buffer.count)
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }
}

/// Reads what `BinaryWriter` wrote, over a buffer that must outlive the reader.
struct BinaryReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    struct Truncated: Error {}

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    mutating func readUInt64() throws(Truncated) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Truncated() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws(Truncated) -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: raw >> 1 ^ (0 &- (raw & 1))))
    }

    /// A count of items that follow: never negative, never more than the bytes left (a damaged
    /// file must not make a loop run away).
    mutating func readCount() throws(Truncated) -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Truncated() }
        return count
    }

    mutating func readBool() throws(Truncated) -> Bool {
        guard position < bytes.count else { throw Truncated() }
        position += 1
        return bytes[position - 1] != 0
    }

    mutating func readString() throws(Truncated) -> String {
        let count = try readInt()
        guard count >= 0, position + count <= bytes.count else { throw Truncated() }
        defer { position += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
    }

    mutating func readOptionalString() throws(Truncated) -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readOptionalInt() throws(Truncated) -> Int? {
        try readBool() ? try readInt() : nil
    }

    mutating func readStrings() throws(Truncated) -> [String] {
        let count = try readCount()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try readString()) }
        return result
    }
}
