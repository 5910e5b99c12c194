/// Escaping for the few places where briefgen itself writes into HTML or XML (ids, JSON-LD).
/// Templates escape on their own; this is for values assembled in Swift.
public enum HTMLEscaping {
    public static func text(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return value }
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
