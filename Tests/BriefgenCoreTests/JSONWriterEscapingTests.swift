import Testing
@testable import BriefgenCore

/// The sixteen-bytes-a-step JSON string escaping against the byte-by-byte loop it replaced.
@Suite("JSON writer escaping")
struct JSONWriterEscapingTests {
    /// Pieces that need escaping (or nearly do) mixed with plain text, so runs of every length
    /// cross the sixteen-byte steps at every offset.
    static let pieces: [String] = [
        "a", "plain words ", "0123456789abcdef", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", " ",
        "<", ">", "&", "</script>", "<!--", "é", "—", "–", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}",
        "“quoted”", "日本語", "😀", "\u{7F}", "\u{80}", "\u{E000}",
    ]

    @Test("escapes exactly as the byte-by-byte loop did, for generated strings")
    func matchesOracle() {
        var random = SplitMix(state: 2028)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...24, using: &random)
            var text = ""
            for _ in 0..<count { text += Self.pieces.randomElement(using: &random)! }
            for forScript in [false, true] {
                #expect(Self.escaped(text, forScript: forScript) == Self.oracle(text, forScript: forScript),
                        "\(String(reflecting: text)) forScript: \(forScript)")
            }
        }
    }

    @Test("a line separator split across the end of the text is copied as it is")
    func truncatedLineSeparator() {
        let bytes: [UInt8] = Array(repeating: UInt8(ascii: "x"), count: 15) + [0xE2, 0x80]
        for forScript in [false, true] {
            var result: [UInt8] = []
            bytes.withUnsafeBufferPointer { JSONWriter.appendString($0, forScript: forScript, to: &result) }
            #expect(result == [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")])
        }
    }

    static func escaped(_ text: String, forScript: Bool) -> [UInt8] {
        var result: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { JSONWriter.appendString($0, forScript: forScript, to: &result) }
        return result
    }

    /// The byte-by-byte loop `JSONWriter.appendString` used before, kept as the oracle.
    static func oracle(_ text: String, forScript: Bool) -> [UInt8] {
        let bytes = Array(text.utf8)
        var result: [UInt8] = [UInt8(ascii: "\"")]
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let escape: (length: Int, value: UInt32, short: UInt8)
            switch byte {
            case UInt8(ascii: "\""): escape = (1, 0, UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): escape = (1, 0, UInt8(ascii: "\\"))
            case 0x0A: escape = (1, 0, UInt8(ascii: "n"))
            case 0x0D: escape = (1, 0, UInt8(ascii: "r"))
            case 0x09: escape = (1, 0, UInt8(ascii: "t"))
            case UInt8(ascii: "<") where forScript, UInt8(ascii: ">") where forScript, UInt8(ascii: "&") where forScript:
                escape = (1, UInt32(byte), 0)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = (3, bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, 0)
            default:
                if byte < 0x20 {
                    escape = (1, UInt32(byte), 0)
                } else {
                    index += 1
                    continue
                }
            }
            result.append(contentsOf: bytes[runStart..<index])
            result.append(UInt8(ascii: "\\"))
            if escape.short != 0 {
                result.append(escape.short)
            } else {
                let digits = Array("0123456789abcdef".utf8)
                result.append(UInt8(ascii: "u"))
                for shift in stride(from: 12, through: 0, by: -4) { result.append(digits[Int(escape.value >> UInt32(shift) & 0xF)]) }
            }
            index += escape.length
            runStart = index
        }
        result.append(contentsOf: bytes[runStart...])
        result.append(UInt8(ascii: "\""))
        return result
    }
}
