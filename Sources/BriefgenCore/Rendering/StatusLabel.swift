/// How a point's status reads on the page. The theme shows the label and a symbol next to the
/// colour, so the status is never told by colour alone.
public enum StatusLabel {
    public static func label(_ status: String) -> String {
        switch status {
        case "agreed": return "Agreed"
        case "nearing": return "Nearing agreement"
        case "unresolved": return "Unresolved"
        case "contested": return "Contested"
        case "stalled": return "Stalled"
        default:
            guard let first = status.first else { return "Unknown" }
            return first.uppercased() + status.dropFirst()
        }
    }

    public static func symbol(_ status: String) -> String {
        switch status {
        case "agreed": return "✓"
        case "nearing": return "◐"
        case "unresolved": return "○"
        case "contested": return "✕"
        case "stalled": return "‖"
        default: return "•"
        }
    }
}
