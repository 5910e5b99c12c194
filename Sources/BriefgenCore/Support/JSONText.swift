/// Minimal JSON writing with a fixed key order, for `import --json` lines and build reports.
public enum JSONText {
    /// A JSON string. With `forScript`, `<`, `>` and `&` are escaped too, so the JSON can sit
    /// inside a `<script>` element (JSON-LD) without ending it.
    public static func string(_ value: String, forScript: Bool = false) -> String {
        var value = value
        var result: [UInt8] = []
        value.withUTF8 { bytes in
            result.reserveCapacity(bytes.count + 8)
            JSONWriter.appendString(bytes, forScript: forScript, to: &result)
        }
        return String(decoding: result, as: UTF8.self)
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
                // Control characters, and what YAML reads as a line break (U+0085, U+2028, U+2029:
                // libyaml folds them into a space inside quotes) or drops (a byte order mark), as escapes.
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) {
                    let hex = String(value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else if value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                    result += "\\u" + String(value, radix: 16).uppercased()
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
