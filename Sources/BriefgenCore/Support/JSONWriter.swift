/// Writes JSON into one byte buffer, commas and all, for values written on every page (JSON-LD):
/// `JSONText` builds each string and each object as a `String` of its own and joins them, which
/// cost more than the rest of an article page's context.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array already has a member.
    private var hasMember: [Bool] = []
    /// A key was written: the next value is its value, not a new member.
    private var pendingValue = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func openObject() { separate(); bytes.append(UInt8(ascii: "{")); hasMember.append(false) }
    mutating func closeObject() { hasMember.removeLast(); bytes.append(UInt8(ascii: "}")) }
    mutating func openArray() { separate(); bytes.append(UInt8(ascii: "[")); hasMember.append(false) }
    mutating func closeArray() { hasMember.removeLast(); bytes.append(UInt8(ascii: "]")) }

    /// A member's key; its value comes next.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        // Two single appends: an array literal here was allocated (or fetched) for every key.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        pendingValue = true
    }

    mutating func string(_ value: String, forScript: Bool) {
        separate()
        var value = value
        value.withUTF8 { JSONWriter.appendString($0, forScript: forScript, to: &bytes) }
    }

    /// A value written beforehand (a whole object, array or string), copied as it is.
    mutating func raw(_ json: [UInt8]) {
        separate()
        // Through a buffer pointer: `append(contentsOf:)` of an array cost a third more.
        json.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// The bytes of one value written by `write`, for `raw(_:)`.
    static func value(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(capacity: 64)
        write(&json)
        return json.bytes
    }

    /// `"key": "value"`.
    mutating func member(_ name: StaticString, _ value: String, forScript: Bool = true) {
        key(name)
        string(value, forScript: forScript)
    }

    private mutating func separate() {
        if pendingValue {
            pendingValue = false
            if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
            return
        }
        guard !hasMember.isEmpty else { return }
        if hasMember[hasMember.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
    }

    /// A JSON string. With `forScript`, `<`, `>` and `&` are escaped too, so the JSON can sit
    /// inside a `<script>` element (JSON-LD) without ending it.
    ///
    /// Plain runs are found sixteen bytes at a time (`nextSpecial`) and copied whole: testing
    /// every byte of every title and summary on its own was most of JSON-LD's cost.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, forScript: Bool, to result: inout [UInt8]) {
        result.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = nextSpecial(in: bytes, from: 0, forScript: forScript)
        while index < bytes.count {
            guard let escape = escape(at: index, in: bytes, forScript: forScript) else {
                index = nextSpecial(in: bytes, from: index + 1, forScript: forScript)
                continue
            }
            if index > runStart { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            appendEscape(escape, to: &result)
            index += escape.length
            runStart = index
            index = nextSpecial(in: bytes, from: index, forScript: forScript)
        }
        if runStart < bytes.count { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        result.append(UInt8(ascii: "\""))
    }

    /// How one escaped character is written: `\` and `short`, or `\u` and `value` in hex.
    private typealias Escape = (length: Int, value: UInt32, short: UInt8)

    /// The escape for the character at `index`, or nil when it is written as it is (a 0xE2 lead
    /// byte that does not start U+2028 or U+2029).
    @inline(__always)
    private static func escape(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, forScript: Bool) -> Escape? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return (1, 0, UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): return (1, 0, UInt8(ascii: "\\"))
        case 0x0A: return (1, 0, UInt8(ascii: "n"))
        case 0x0D: return (1, 0, UInt8(ascii: "r"))
        case 0x09: return (1, 0, UInt8(ascii: "t"))
        case UInt8(ascii: "<") where forScript, UInt8(ascii: ">") where forScript, UInt8(ascii: "&") where forScript:
            return (1, UInt32(byte), 0)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            // U+2028 and U+2029 end lines in JavaScript.
            return (3, bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, 0)
        default:
            return byte < 0x20 ? (1, UInt32(byte), 0) : nil
        }
    }

    private static func appendEscape(_ escape: Escape, to result: inout [UInt8]) {
        result.append(UInt8(ascii: "\\"))
        if escape.short != 0 {
            result.append(escape.short)
        } else {
            let hex: StaticString = "0123456789abcdef"
            let digits = UnsafeBufferPointer(start: hex.utf8Start, count: 16)
            result.append(UInt8(ascii: "u"))
            for shift in stride(from: 12, through: 0, by: -4) { result.append(digits[Int(escape.value >> UInt32(shift) & 0xF)]) }
        }
    }

    /// The first index at or after `start` of a byte that may need escaping (`"`, `\\`, a control
    /// character, 0xE2, and with `forScript` `<`, `>` and `&`), or `bytes.count`.
    ///
    /// Sixteen bytes a step, with the mask read as two words: `any(_:)` and comparisons with a
    /// scalar compile to lane-by-lane loops here (see `ByteScan`).
    @inline(__always)
    static func nextSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, forScript: Bool) -> Int {
        let count = bytes.count
        var index = start
        if let base = bytes.baseAddress {
            let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
            let lineSeparatorLead = SIMD16<UInt8>(repeating: 0xE2), controlBits = SIMD16<UInt8>(repeating: 0xE0)
            let zero = SIMD16<UInt8>(repeating: 0)
            // Without `forScript`, looking for `"` three more times finds nothing new.
            let less = forScript ? SIMD16<UInt8>(repeating: UInt8(ascii: "<")) : quote
            let greater = forScript ? SIMD16<UInt8>(repeating: UInt8(ascii: ">")) : quote
            let ampersand = forScript ? SIMD16<UInt8>(repeating: UInt8(ascii: "&")) : quote
            while index + 16 <= count {
                let here = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let found = here .== quote .| here .== backslash .| here .== lineSeparatorLead .| (here & controlBits) .== zero
                    .| here .== less .| here .== greater .| here .== ampersand
                if let lane = ByteScan.firstLane(found) { return index + lane }
                index += 16
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0xE2
                || forScript && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")) {
                return index
            }
            index += 1
        }
        return count
    }
}
