/// Reads `Content/actors/<slug>.md`: a party or a person.
public enum ActorReader {
    public static let knownKeys: Set<String> = ["name", "aliases", "role", "side", "kind", "slug"]

    public static func read(_ source: SourceText, slug: String) throws(Diagnostic) -> Actor {
        let matter = try FrontMatter.parse(source)
        guard matter.line != nil else {
            throw Diagnostic(file: source.path, line: 1, "an actor needs front matter between '---' lines (name, aliases, role, side)")
        }
        try matter.rejectMisspelledKeys(known: knownKeys)
        let kindText = try matter.string("kind")?.lowercased() ?? "person"
        guard let kind = Actor.Kind(rawValue: kindText) else {
            throw Diagnostic(file: source.path, line: matter.line(of: "kind"), "'kind' should be person or group, not '\(kindText)'")
        }
        let aliases = try matter.stringList("aliases") ?? []
        if let empty = aliases.first(where: { !$0.hasWordCharacter }) {
            throw Diagnostic(file: source.path, line: matter.line(of: "aliases"),
                             "the alias '\(empty)' has no letters or digits, so no article can name the actor by it; remove it")
        }
        return Actor(slug: try matter.slug("slug") ?? slug, name: try matter.requiredString("name"),
                     aliases: aliases, role: try matter.string("role") ?? "",
                     side: try matter.string("side"), kind: kind, bio: matter.body, bioFirstLine: matter.bodyFirstLine,
                     sourcePath: source.path)
    }
}
