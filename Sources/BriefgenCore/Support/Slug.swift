import Foundation

/// URL- and anchor-safe identifiers derived from text, the way Zola's `slugify` does it.
public enum Slug {
    /// "Territory and Donbas Still Block a Breakthrough" → "territory-and-donbas-still-block-a-breakthrough".
    /// Accents are dropped (é → e); letters of other scripts are kept, lower-cased.
    public static func make(_ text: some StringProtocol, maxLength: Int = 80) -> String {
        var result = ""
        var pendingDash = false
        let isASCII = text.utf8.allSatisfy { $0 < 128 }
        let scalars = isASCII ? String(text).unicodeScalars : String(text).decomposedStringWithCanonicalMapping.unicodeScalars
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
