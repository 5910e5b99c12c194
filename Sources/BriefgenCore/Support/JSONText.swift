/// Minimal JSON writing with a fixed key order, for `import --json` lines and build reports.
public enum JSONText {
    /// A JSON string. With `forScript`, `<`, `>` and `&` are escaped too, so the JSON can sit
    /// inside a `<script>` element (JSON-LD) without ending it.
    public static func string(_ value: String, forScript: Bool = false) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 8)
            result.append(UInt8(ascii: "\""))
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "<") where forScript: appendEscape(0x3C, to: &result)
                case UInt8(ascii: ">") where forScript: appendEscape(0x3E, to: &result)
                case UInt8(ascii: "&") where forScript: appendEscape(0x26, to: &result)
                case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript.
                    appendEscape(bytes[index + 1] == 0xA8 ? 0x2028 : 0x2029, to: &result)
                    index += 2
                default:
                    if byte < 0x20 { appendEscape(UInt32(byte), to: &result) } else { result.append(byte) }
                }
            }
            result.append(UInt8(ascii: "\""))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `\u` and four hexadecimal digits.
    private static func appendEscape(_ value: UInt32, to result: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        result += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)],
                   hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]]
    }

    public static func optional(_ value: String?) -> String {
        value.map { string($0) } ?? "null"
    }

    public static func array(_ values: [String]) -> String {
        "[" + values.joined(separator: ",") + "]"
    }

    /// An object from (key, already-encoded value) pairs, in the given order.
    public static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

/// Minimal YAML writing for front matter that briefgen generates: every string double-quoted.
public enum YAMLText {
    public static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `[a, b]` for slugs, which never need quoting.
    public static func slugList(_ values: [String]) -> String {
        "[" + values.joined(separator: ", ") + "]"
    }
}
