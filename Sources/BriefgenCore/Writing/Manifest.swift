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
        /// The written file's modification time (nanoseconds) and inode: with the size, what a
        /// later build compares to tell that the file in `Output/` is still the one it wrote. The
        /// size alone missed an edit by hand that kept it (a letter changed), and the page was
        /// never written again; rehashing every file would cost more than the rebuild.
        public var modified: Int
        public var inode: UInt64

        public init(hash: ContentHash, size: Int, fingerprint: ContentHash? = nil, modified: Int = 0, inode: UInt64 = 0) {
            self.hash = hash
            self.size = size
            self.fingerprint = fingerprint
            self.modified = modified
            self.inode = inode
        }

        /// Same bytes, whatever fingerprint they were rendered under.
        func sameFile(as other: Entry) -> Bool { hash == other.hash && size == other.size }

        /// Whether the file found in `Output/` is the one this entry recorded.
        func describes(_ found: FileSystem.Stamp?) -> Bool {
            guard let found else { return false }
            return found.size == size && found.modified == modified && found.inode == inode
        }
    }

    /// What the build that wrote these files started from, and what it reported: a rebuild from
    /// the same inputs has nothing to do.
    public struct BuildStamp: Sendable, Equatable {
        /// Hash of the site inputs, the publishing options and every article file's stamp.
        public var key: ContentHash
        /// The earliest date of an article held back as future; on that day the site changes.
        public var horizon: Day?
        /// The newest published article's date: built for an earlier day (`--now` moved back),
        /// that article would be future and the site changes too. Nil with `--future`.
        public var floor: Day?
        public var articles: Int
        public var skippedDrafts: Int
        public var skippedFuture: Int
        public var pagesByKind: [Page.Kind: Int]
    }

    public var entries: [String: Entry]
    public var build: BuildStamp?

    public init(entries: [String: Entry] = [:], build: BuildStamp? = nil) {
        self.entries = entries
        self.build = build
    }

    static let header = "briefgen-manifest 4"
    /// What every format's header starts with.
    static let headerStem = "briefgen-manifest "

    /// A header, a `build …` line, then one line per file:
    /// `hash size fingerprint modified inode path` (fingerprint `-` for copied files).
    public func serialised() -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 72 + 256)
        text += Manifest.header.utf8
        text.append(0x0A)
        if let build {
            let kinds = Page.Kind.allCases.compactMap { kind in build.pagesByKind[kind].map { "\(kind.rawValue)=\($0)" } }
            text += "build \(build.key) \(build.horizon.map { String($0.ordinal) } ?? "-") \(build.articles) \(build.skippedDrafts) \(build.skippedFuture) \(kinds.joined(separator: ",")) \(build.floor.map { String($0.ordinal) } ?? "-")\n".utf8
        }
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            Manifest.appendHex(entry.hash.value, to: &text)
            text.append(0x20)
            text += String(entry.size).utf8
            text.append(0x20)
            if let fingerprint = entry.fingerprint { Manifest.appendHex(fingerprint.value, to: &text) } else { text.append(UInt8(ascii: "-")) }
            text.append(0x20)
            text += String(entry.modified).utf8
            text.append(0x20)
            text += String(entry.inode).utf8
            text.append(0x20)
            text += path.utf8
            text.append(0x0A)
        }
        return text
    }

    /// Sixteen hexadecimal digits, as `ContentHash.description` prints them.
    private static func appendHex(_ value: UInt64, to text: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: (value >> UInt64(shift)) & 0xF)
            text.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }

    public static func parse(_ text: String) -> Manifest? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Reads a manifest over its bytes (it has a line per file of the site: tens of thousands).
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Manifest? {
        var lines: [Range<Int>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            if index > start { lines.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func text(_ range: Range<Int>) -> Substring { Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)) }
        guard let first = lines.first, text(first) == header else { return nil }
        var manifest = Manifest()
        manifest.entries.reserveCapacity(lines.count)
        for range in lines.dropFirst() {
            if bytes[range.lowerBound] == UInt8(ascii: "b"), manifest.build == nil, manifest.entries.isEmpty {
                guard let build = parseBuild(text(range)) else { return nil }
                manifest.build = build
                continue
            }
            // hash size fingerprint modified inode path
            var fields: [Range<Int>] = []
            var fieldStart = range.lowerBound
            for index in range where bytes[index] == 0x20 && fields.count < 5 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<range.upperBound)
            guard fields.count == 6, let hash = hex(bytes, fields[0]), let size = signed(bytes, fields[1]), size >= 0,
                  let modified = signed(bytes, fields[3]), let inode = unsigned(bytes, fields[4]), !fields[5].isEmpty
            else { return nil }
            let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[5]]), as: UTF8.self)
            // The previous build's paths are deleted when a build no longer writes them: one that
            // could leave the output folder (`../victim.txt`) means the manifest is not ours.
            guard OutputWriter.isSafe(path) else { return nil }
            manifest.entries[path] = Entry(hash: ContentHash(raw: hash), size: size, fingerprint: hex(bytes, fields[2]).map(ContentHash.init(raw:)),
                                           modified: modified, inode: inode)
        }
        return manifest
    }

    private static func parseBuild(_ line: Substring) -> BuildStamp? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 8, parts[0] == "build", let key = UInt64(parts[1], radix: 16), let articles = Int(parts[3]),
              let drafts = Int(parts[4]), let future = Int(parts[5]) else { return nil }
        var kinds: [Page.Kind: Int] = [:]
        for pair in parts[6].split(separator: ",") {
            let halves = pair.split(separator: "=")
            guard halves.count == 2, let kind = Page.Kind(rawValue: String(halves[0])), let count = Int(halves[1]) else { return nil }
            kinds[kind] = count
        }
        var horizon: Day?
        if let ordinal = Int(parts[2]) {
            guard let day = Day(storedOrdinal: ordinal) else { return nil }
            horizon = day
        }
        var floor: Day?
        if let ordinal = Int(parts[7]) {
            guard let day = Day(storedOrdinal: ordinal) else { return nil }
            floor = day
        }
        return BuildStamp(key: ContentHash(raw: key), horizon: horizon, floor: floor, articles: articles,
                          skippedDrafts: drafts, skippedFuture: future, pagesByKind: kinds)
    }

    private static func hex(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 16 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x57
            case 0x41...0x46: digit = byte - 0x37
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// Any UInt64 (an inode), nil past its range.
    private static func unsigned(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard !range.isEmpty, range.count <= 20 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            guard (0x30...0x39).contains(byte) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(byte - 0x30))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    /// Any Int (a size; a modification time in nanoseconds, negative before 1970).
    private static func signed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let negative = !range.isEmpty && bytes[range.lowerBound] == UInt8(ascii: "-")
        guard let magnitude = unsigned(bytes, negative ? range.dropFirst() : range) else { return nil }
        if negative { return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }
}
