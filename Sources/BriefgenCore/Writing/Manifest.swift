/// What the previous build wrote: path, size and content hash of every file in `Output/`.
///
/// Kept outside `Output/` (in `.briefgen-cache/`) so it is never published. A build compares its
/// pages against it to leave unchanged files alone and to delete files that no longer exist.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var hash: ContentHash
        public var size: Int
        /// The page's fingerprint when it was rendered (nil for copied files).
        public var fingerprint: ContentHash?

        public init(hash: ContentHash, size: Int, fingerprint: ContentHash? = nil) {
            self.hash = hash
            self.size = size
            self.fingerprint = fingerprint
        }

        /// Same bytes, whatever fingerprint they were rendered under.
        func sameFile(as other: Entry) -> Bool { hash == other.hash && size == other.size }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// One line per file: `hash size fingerprint path` (fingerprint `-` for copied files).
    public func serialised() -> String {
        var text = "briefgen-manifest 2\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += "\(entry.hash) \(entry.size) \(entry.fingerprint?.description ?? "-") \(path)\n"
        }
        return text
    }

    public static func parse(_ text: String) -> Manifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == "briefgen-manifest 2" else { return nil }
        lines.removeFirst()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { return nil }
            let fingerprint = UInt64(parts[2], radix: 16).map(ContentHash.init(raw:))
            entries[String(parts[3])] = Entry(hash: ContentHash(raw: hash), size: size, fingerprint: fingerprint)
        }
        return Manifest(entries: entries)
    }
}
