import CBriefgenSystem
import Foundation

/// Which of a theme's names the pages found, so that a misspelt one (`{{article.titel}}`,
/// `{{#article.tocc}}`) is reported at its tag, as Hugo and Zola report an unknown field, instead
/// of publishing an empty headline on every page.
///
/// Mustache gives nothing for a name it cannot find, and a theme may well name things some sites
/// never have (`{{#point}}` in a layout, on a site without points), so only a dotted name is
/// judged, and only by the object it reached: a name is misspelt when no page had it, and on
/// some page its first part was found, and an object along it lacked the next part but had a key
/// a letter or two away. The context builders give every object all of its keys (null when they
/// do not apply), so an object that lacks a key never has it.
final class NameUsage: @unchecked Sendable {
    private static let found: UInt8 = 1, suggested: UInt8 = 2
    private let flags: UnsafeMutablePointer<UInt8>
    private let lock = NSLock()
    /// For a name some page missed near a key it had: the key missed and the key near it.
    private var misses: [Int32: (missing: String, suggestion: String)] = [:]

    init(names: Int) {
        flags = .allocate(capacity: max(names, 1))
        flags.initialize(repeating: 0, count: max(names, 1))
    }

    deinit { flags.deallocate() }

    /// Notes a lookup of name `number`. A name already found, or already known to be near a key,
    /// costs a load.
    @inline(__always)
    func note(_ number: Int32, found: Bool, keys: UnsafeBufferPointer<TemplateKey>, currentOnly: Bool, stack: [TemplateValue]) {
        let state = briefgen_flags_load(flags, Int(number))
        if found {
            if state & NameUsage.found == 0 { briefgen_flags_set(flags, Int(number), NameUsage.found) }
            return
        }
        guard state == 0, keys.count > 1,
              let miss = NameUsage.nearMiss(keys: keys, currentOnly: currentOnly, stack: stack) else { return }
        lock.withLock { if misses[number] == nil { misses[number] = miss } }
        briefgen_flags_set(flags, Int(number), NameUsage.suggested)
    }

    /// Where a dotted name stopped, when its first part was found and an object along it lacked
    /// the next part but has a key near it: that part and the nearest key.
    static func nearMiss(keys: UnsafeBufferPointer<TemplateKey>, currentOnly: Bool, stack: [TemplateValue]) -> (missing: String, suggestion: String)? {
        let first = currentOnly ? stack.last?.child(keys[0]) : stack.reversed().lazy.compactMap { $0.child(keys[0]) }.first
        guard var current = first else { return nil }
        for key in keys.dropFirst() {
            guard case .object = current else { return nil }
            guard let next = current.child(key) else {
                return nearest(to: key.name, among: current.keyNames).map { (key.name, $0) }
            }
            current = next
        }
        return nil
    }

    /// The key a letter or two from `name` (or the same in other capitals), the nearest first.
    static func nearest(to name: String, among keys: [String]) -> String? {
        let lowered = name.lowercased()
        return keys.lazy.filter { $0 != name }
            .map { key in (key, key.lowercased() == lowered ? 0 : ReferenceChecker.editDistance(key, name)) }
            .filter { $0.1 <= 2 }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// The names no page had, near a key a page had: (name number, the part missed, the key near it).
    func neverFound() -> [(number: Int32, missing: String, suggestion: String)] {
        let misses = lock.withLock { self.misses }
        return misses.compactMap { number, miss in
            briefgen_flags_load(flags, Int(number)) & NameUsage.found == 0 ? (number, miss.missing, miss.suggestion) : nil
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
