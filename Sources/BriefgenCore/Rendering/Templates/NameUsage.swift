import CBriefgenSystem
import Foundation

/// Which of a theme's names the pages found, so that a misspelt one (`{{article.titel}}`,
/// `{{#article.tocc}}`) is reported at its tag, as Hugo and Zola report an unknown field, instead
/// of publishing an empty headline on every page. Mustache gives nothing for a name it cannot
/// find, and a theme may test names some pages lack (`page.is_not_found`), so a name is only
/// reported when no page ever had it and the object it was looked for in has a key one or two
/// letters away.
final class NameUsage: @unchecked Sendable {
    private static let found: UInt8 = 1, missed: UInt8 = 2
    private let flags: UnsafeMutablePointer<UInt8>
    private let count: Int
    private let lock = NSLock()
    /// For a name missed and not yet found: the key it missed and the keys that were there.
    private var misses: [Int32: (missing: String, available: [String])] = [:]

    init(names: Int) {
        count = max(names, 1)
        flags = .allocate(capacity: count)
        flags.initialize(repeating: 0, count: count)
    }

    deinit { flags.deallocate() }

    /// Notes a lookup of name `number`; `value` is what it gave. Only a name's first miss does
    /// any work beyond a load.
    @inline(__always)
    func note(_ number: Int32, found: Bool, keys: UnsafeBufferPointer<TemplateKey>, currentOnly: Bool, stack: [TemplateValue]) {
        let state = briefgen_flags_load(flags, Int(number))
        if found {
            if state & NameUsage.found == 0 { briefgen_flags_set(flags, Int(number), NameUsage.found) }
            return
        }
        guard state == 0, !keys.isEmpty else { return }
        briefgen_flags_set(flags, Int(number), NameUsage.missed)
        guard let miss = NameUsage.miss(keys: keys, currentOnly: currentOnly, stack: stack) else { return }
        lock.withLock { if misses[number] == nil { misses[number] = miss } }
    }

    /// The key a lookup missed, and the keys of the object it missed it in (of every object on
    /// the stack, for a name's first key); nil when it stopped at something that is not an object.
    static func miss(keys: UnsafeBufferPointer<TemplateKey>, currentOnly: Bool, stack: [TemplateValue]) -> (missing: String, available: [String])? {
        var value: TemplateValue?
        if currentOnly {
            value = stack.last?.child(keys[0])
        } else {
            value = stack.reversed().lazy.compactMap { $0.child(keys[0]) }.first
        }
        guard var current = value else {
            let frames = currentOnly ? Array(stack.suffix(1)) : stack
            return (keys[0].name, frames.flatMap(\.keyNames))
        }
        for key in keys.dropFirst() {
            guard case .object = current else { return nil }
            guard let next = current.child(key) else { return (key.name, current.keyNames) }
            current = next
        }
        return nil
    }

    /// The names no page had, with a key near the one missed: (name number, the key suggested).
    func neverFound() -> [(number: Int32, missing: String, suggestion: String)] {
        let misses = lock.withLock { self.misses }
        return misses.compactMap { number, miss in
            guard briefgen_flags_load(flags, Int(number)) & NameUsage.found == 0 else { return nil }
            let near = miss.available.filter { key in
                key != miss.missing && (key.lowercased() == miss.missing.lowercased() || ReferenceChecker.editDistance(key, miss.missing) <= 2)
            }
            guard let suggestion = near.min(by: { (ReferenceChecker.editDistance($0, miss.missing), $0) < (ReferenceChecker.editDistance($1, miss.missing), $1) })
            else { return nil }
            return (number, miss.missing, suggestion)
        }.sorted { $0.number < $1.number }
    }
}

extension TemplateValue {
    /// An object's keys; none for anything else.
    var keyNames: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.map(\.key)
    }
}
