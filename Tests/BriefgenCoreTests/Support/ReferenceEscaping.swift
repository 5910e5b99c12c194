/// HTML escaping written the slow, obvious way, scalar by scalar: the oracle the byte-level
/// escaping is tested against, kept apart from the code it checks.
enum ReferenceEscaping {
    static func html(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
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
}
