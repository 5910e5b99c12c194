/// Escaping for the few places where briefgen itself writes into HTML or XML (ids, JSON-LD).
/// Templates escape on their own; this is for values assembled in Swift.
public enum HTMLEscaping {
    public static func text(_ value: String) -> String {
        var probe = value
        let plain = probe.withUTF8 { bytes in
            ByteScan.next(in: bytes, from: 0, 38, 60, 62, 34) == bytes.count && ByteScan.next(in: bytes, from: 0, 39, 39, 39, 39) == bytes.count
        }
        guard !plain else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static func attribute(_ value: String) -> String { text(value) }
}
