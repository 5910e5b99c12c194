import Foundation

/// URL- and anchor-safe identifiers derived from text, the way Zola's `slugify` does it.
public enum Slug {
    /// "Territory and Donbas Still Block a Breakthrough" → "territory-and-donbas-still-block-a-breakthrough".
    /// Accents are dropped (é → e); letters of other scripts are kept, lower-cased.
    public static func make(_ text: some StringProtocol, maxLength: Int = 80) -> String {
        if let ascii = asciiSlug(String(text), maxLength: maxLength) { return ascii }
        var result = ""
        var pendingDash = false
        let scalars = String(text).decomposedStringWithCanonicalMapping.unicodeScalars
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                if (48...57).contains(value) || (97...122).contains(value) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(scalar)
                } else if (65...90).contains(value) {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(Unicode.Scalar(value + 32)!)
                } else if scalar == "'" {
                    continue // "Russia's" → "russias", as readers expect
                } else {
                    pendingDash = true
                }
            } else {
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark { continue }
                if scalar == "\u{2019}" { continue }
                if properties.isAlphabetic || properties.numericType != nil {
                    if pendingDash && !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result += String(scalar).lowercased()
                } else {
                    pendingDash = true
                }
            }
            if result.utf8.count >= maxLength { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
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
    private var used: Set<String>
    /// The next suffix to try per base, so a heading repeated n times costs n, not n².
    private var nextSuffix: [String: Int] = [:]

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func claim(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        if used.insert(base).inserted { return base }
        var counter = nextSuffix[base, default: 1]
        while !used.insert("\(base)-\(counter)").inserted { counter += 1 }
        nextSuffix[base] = counter + 1
        return "\(base)-\(counter)"
    }
}
