/// What the previous build wrote: path, size and content hash of every file in `Output/`.
///
/// Kept outside `Output/` (in `.briefgen-cache/`) so it is never published. A build compares its
/// pages against it to leave unchanged files alone and to delete files that no longer exist.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var hash: ContentHash
        public var size: Int
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// One line per file: `hash size path`.
    public func serialised() -> String {
        var text = "briefgen-manifest 1\n"
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            text += "\(entry.hash) \(entry.size) \(path)\n"
        }
        return text
    }

    public static func parse(_ text: String) -> Manifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == "briefgen-manifest 1" else { return nil }
        lines.removeFirst()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { return nil }
            var contentHash = ContentHash()
            contentHash.setValue(hash)
            entries[String(parts[2])] = Entry(hash: contentHash, size: size)
        }
        return Manifest(entries: entries)
    }
}

extension ContentHash {
    mutating func setValue(_ raw: UInt64) {
        self = ContentHash(raw: raw)
    }
}
