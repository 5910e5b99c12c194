import Foundation
import Testing

/// The default theme's colours keep WCAG AA contrast (4.5:1 for text) in light and dark mode.
@Suite("Theme contrast")
struct ThemeContrastTests {
    static let css = try! String(contentsOf: TestPaths.templates.appendingPathComponent("assets/site.css"), encoding: .utf8)

    /// Custom properties of the first `:root { … }` block after `marker` (or of the first block).
    static func variables(after marker: String?) -> [String: String] {
        var text = Substring(css)
        if let marker, let range = text.range(of: marker) { text = text[range.upperBound...] }
        guard let open = text.range(of: ":root {"), let close = text[open.upperBound...].range(of: "}") else { return [:] }
        let block = text[open.upperBound..<close.lowerBound]
        var result: [String: String] = [:]
        for declaration in block.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.count == 2, parts[0].hasPrefix("--"), parts[1].hasPrefix("#") { result[parts[0]] = parts[1] }
        }
        return result
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }

    static let pairs: [(String, String)] = [
        ("--text", "--background"), ("--muted", "--background"), ("--muted", "--surface"), ("--accent", "--background"),
        ("--accent", "--surface"), ("--accent-text", "--accent"),
        ("--agreed-text", "--agreed-bg"), ("--nearing-text", "--nearing-bg"), ("--unresolved-text", "--unresolved-bg"),
        ("--contested-text", "--contested-bg"), ("--other-text", "--other-bg"),
    ]

    @Test("light mode", arguments: pairs)
    func light(_ foreground: String, _ background: String) throws {
        let colours = Self.variables(after: nil)
        let ratio = Self.contrast(try #require(colours[foreground]), try #require(colours[background]))
        #expect(ratio >= 4.5, "\(foreground) on \(background): \(ratio)")
    }

    @Test("dark mode", arguments: pairs)
    func dark(_ foreground: String, _ background: String) throws {
        let light = Self.variables(after: nil)
        let colours = light.merging(Self.variables(after: "prefers-color-scheme: dark")) { $1 }
        let ratio = Self.contrast(try #require(colours[foreground]), try #require(colours[background]))
        #expect(ratio >= 4.5, "\(foreground) on \(background): \(ratio)")
    }

    /// WCAG 2.2 non-text contrast: the focus ring needs 3:1 against what it is drawn on.
    @Test("the focus ring stands out in both modes", arguments: ["--background", "--surface"])
    func focusRing(_ background: String) throws {
        let light = Self.variables(after: nil)
        let dark = light.merging(Self.variables(after: "prefers-color-scheme: dark")) { $1 }
        for colours in [light, dark] {
            let ratio = Self.contrast(try #require(colours["--focus"]), try #require(colours[background]))
            #expect(ratio >= 3, "--focus on \(background): \(ratio)")
        }
    }
}
