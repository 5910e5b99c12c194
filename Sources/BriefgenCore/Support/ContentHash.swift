/// A fast 64-bit content hash (FNV-1a over 8-byte words), for fingerprints and change detection.
/// Not cryptographic: it only has to tell whether a file or a page changed between builds.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// A hash read back from a manifest.
    public init(raw: UInt64) {
        value = raw
    }

    public init(_ bytes: some Sequence<UInt8>) {
        update(bytes)
    }

    public init(_ text: String) {
        var copy = text
        copy.withUTF8 { update($0) }
    }

    public mutating func update(_ buffer: UnsafeBufferPointer<UInt8>) {
        var hash = value
        var index = 0
        let count = buffer.count
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            func word(at offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            // Four lanes of a word each per step, mixed together at the end: every source file
            // and every page is hashed whole, and one chain of multiplications waited on itself
            // (a multiply's latency per word; four chains overlap).
            if count >= 32 {
                var lanes = (hash, hash ^ 0x9e37_79b9_7f4a_7c15, hash ^ 0xc2b2_ae3d_27d4_eb4f, hash ^ 0x1656_67b1_9e37_79f9)
                while index + 32 <= count {
                    lanes.0 = ContentHash.mix(lanes.0, word(at: index))
                    lanes.1 = ContentHash.mix(lanes.1, word(at: index + 8))
                    lanes.2 = ContentHash.mix(lanes.2, word(at: index + 16))
                    lanes.3 = ContentHash.mix(lanes.3, word(at: index + 24))
                    index += 32
                }
                hash = ContentHash.mix(ContentHash.mix(ContentHash.mix(lanes.0, lanes.1), lanes.2), lanes.3)
            }
            while index + 8 <= count {
                hash = ContentHash.mix(hash, word(at: index))
                index += 8
            }
        }
        while index < count {
            hash = (hash ^ UInt64(buffer[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        hash ^= UInt64(count) &* 0x9e37_79b9_7f4a_7c15
        value = hash
    }

    /// The same hash as `update(_:)` over the bytes of all the chunks fed, in order: for a
    /// file read piece by piece (an asset of gigabytes) without holding or mapping it whole.
    public struct Stream {
        private let start: UInt64
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        private var total = 0
        /// Bytes not yet in a 32-byte block: fewer than 32.
        private var carry: [UInt8] = []

        public init(_ hash: ContentHash = ContentHash()) {
            start = hash.value
            lanes = (start, start ^ 0x9e37_79b9_7f4a_7c15, start ^ 0xc2b2_ae3d_27d4_eb4f, start ^ 0x1656_67b1_9e37_79f9)
        }

        public mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
            total += buffer.count
            var index = 0
            if !carry.isEmpty {
                let taken = min(32 - carry.count, buffer.count)
                carry += buffer[0..<taken]
                index = taken
                guard carry.count == 32 else { return }
                carry.withUnsafeBytes { block(UnsafeRawPointer($0.baseAddress!)) }
                carry.removeAll(keepingCapacity: true)
            }
            if let base = buffer.baseAddress {
                while index + 32 <= buffer.count {
                    block(UnsafeRawPointer(base + index))
                    index += 32
                }
            }
            carry += buffer[index...]
        }

        private mutating func block(_ raw: UnsafeRawPointer) {
            func word(_ offset: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            lanes.0 = ContentHash.mix(lanes.0, word(0))
            lanes.1 = ContentHash.mix(lanes.1, word(8))
            lanes.2 = ContentHash.mix(lanes.2, word(16))
            lanes.3 = ContentHash.mix(lanes.3, word(24))
        }

        public func finish() -> ContentHash {
            var hash = total >= 32 ? ContentHash.mix(ContentHash.mix(ContentHash.mix(lanes.0, lanes.1), lanes.2), lanes.3) : start
            carry.withUnsafeBytes { raw in
                var index = 0
                while index + 8 <= raw.count {
                    hash = ContentHash.mix(hash, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    index += 8
                }
                while index < raw.count {
                    hash = (hash ^ UInt64(raw[index])) &* 0x0000_0100_0000_01b3
                    index += 1
                }
            }
            hash ^= UInt64(total) &* 0x9e37_79b9_7f4a_7c15
            return ContentHash(raw: hash)
        }
    }

    /// One word into the hash: FNV-1a's step on a whole word, then a shift that folds the high
    /// bits down.
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* 0x0000_0100_0000_01b3
        return mixed ^ (mixed >> 29)
    }

    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update($0) }) { return done }
        let array = Array(bytes)
        array.withUnsafeBufferPointer { update($0) }
    }

    public mutating func update(_ text: String) {
        var copy = text
        copy.withUTF8 { update($0) }
    }

    /// Mixes in another hash (a source file's, for a page's fingerprint) without printing it.
    public mutating func update(_ other: ContentHash) {
        update(Int(truncatingIfNeeded: other.value))
    }

    public mutating func update(_ number: Int) {
        withUnsafeBytes(of: number.littleEndian) { update($0.bindMemory(to: UInt8.self)) }
    }

    /// 16 hexadecimal digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
