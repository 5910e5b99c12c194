import Foundation

/// URL- and anchor-safe identifiers derived from text, the way Zola's `slugify` does it.
public enum Slug {
    /// "Territory and Donbas Still Block a Breakthrough" → "territory-and-donbas-still-block-a-breakthrough".
    /// Accents are dropped (é → e, Greek ά → α), as readers type those URLs, and so are marks left
    /// over once the text is composed: a Cyrillic stress mark, Hebrew and Arabic vowel points.
    /// Letters that Unicode composes with their mark stay whole outside Latin and Greek (Ukrainian
    /// ї and й: "Київ" → "київ", not "киів"), and the marks of scripts that spell with them
    /// (Devanagari and other Indic and Southeast Asian vowel signs) stay. The result is NFC.
    public static func make(_ text: some StringProtocol, maxLength: Int = 80) -> String {
        if let ascii = asciiSlug(String(text), maxLength: maxLength) { return ascii }
        var result = ""
        var pendingDash = false
        // Whether the letter before a combining mark is one whose marks are accents.
        var marksAreAccents = true
        for scalar in String(text).precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark {
                if !marksAreAccents, !pendingDash, !result.isEmpty { result.unicodeScalars.append(scalar) }
                continue
            }
            marksAreAccents = Self.marksAreAccents(after: scalar)
            // A composed Latin or Greek letter is its base letter without the accent.
            let letters = !scalar.isASCII && isLatinOrGreek(scalar)
                ? Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
                : [scalar]
            for letter in letters { append(letter, to: &result, pendingDash: &pendingDash) }
            if result.utf8.count >= maxLength { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.precomposedStringWithCanonicalMapping
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String, pendingDash: inout Bool) {
        if scalar == "'" || scalar == "\u{2019}" { return } // "Russia's" → "russias", as readers expect
        let value = scalar.value
        let isWordCharacter = scalar.isASCII
            ? (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
            : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        guard isWordCharacter else {
            pendingDash = true
            return
        }
        if pendingDash && !result.isEmpty { result.append("-") }
        pendingDash = false
        if scalar.isASCII {
            result.unicodeScalars.append((65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
        } else {
            result += String(scalar).lowercased()
        }
    }

    /// Latin and Greek letters, whose combining marks are accents.
    private static func isLatinOrGreek(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x02AF, 0x0370...0x03FF, 0x1D00...0x1DBF, 0x1E00...0x1FFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F:
            return true
        default:
            return false
        }
    }

    /// After composition, a mark left after a letter is an accent or an optional vowel point,
    /// except in the scripts that spell with marks: Indic (Devanagari to Sinhala), Thai, Lao,
    /// Tibetan, Myanmar and Khmer.
    private static func marksAreAccents(after scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0900...0x0DFF, 0x0E00...0x0EFF, 0x0F00...0x0FFF, 0x1000...0x109F, 0x1780...0x17FF, 0xA8E0...0xA8FF:
            return false
        default:
            return true
        }
    }

    /// The same rules over the bytes of ASCII text (every heading of most articles), or nil when
    /// the text has other characters.
    private static func asciiSlug(_ text: String, maxLength: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(min(bytes.count, maxLength))
            var pendingDash = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte &- 0x41 < 26 {
                    if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    result.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                } else if byte != UInt8(ascii: "'") {
                    pendingDash = true
                }
                if result.count >= maxLength { break }
            }
            while result.last == UInt8(ascii: "-") { result.removeLast() }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether `text` is already a slug (what file names and front matter references must be).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}

/// Hands out ids that are unique within one page: "context", "context-1", "context-2".
public struct UniqueIDs: Sendable {
    /// Ids by their word hash (cheaper than hashing each `String` for a `Set`, on every block of
    /// every article); the rare id whose hash another id already has goes to `collided`.
    private var byHash: HashTable
    private var ids: [String] = []
    private var collided: Set<String> = []
    /// The next suffix to try per base, so a heading repeated n times costs n, not n².
    private var nextSuffix: [String: Int] = [:]

    /// `expected`: about how many ids the page will have.
    public init(reserved: Set<String> = [], expected: Int = 0) {
        byHash = HashTable(capacity: reserved.count + expected)
        ids.reserveCapacity(reserved.count + expected)
        for id in reserved.sorted() { _ = insert(id) }
    }

    public mutating func claim(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        if insert(base) { return base }
        var counter = nextSuffix[base, default: 1]
        while !insert(base + "-" + String(counter)) { counter += 1 }
        nextSuffix[base] = counter + 1
        return base + "-" + String(counter)
    }

    /// Adds `id`; false when it was already taken.
    private mutating func insert(_ id: String) -> Bool {
        var text = id
        let hash = text.withUTF8 { Hashing.hash($0) }
        guard let index = byHash.find(hash) else {
            byHash.insert(hash, ids.count)
            ids.append(id)
            return true
        }
        if ids[index] == id { return false }
        return collided.insert(id).inserted
    }
}
