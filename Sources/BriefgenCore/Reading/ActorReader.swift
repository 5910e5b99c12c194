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
        var actor = Actor(slug: try matter.slug("slug") ?? slug, name: try matter.requiredString("name"),
                          aliases: aliases, role: try matter.string("role") ?? "",
                          side: try matter.string("side"), kind: kind, bio: matter.body, bioFirstLine: matter.bodyFirstLine,
                          sourcePath: source.path)
        (actor.nameLine, actor.aliasesLine) = (matter.line(of: "name"), matter.line(of: "aliases"))
        return actor
    }

    /// Names two actors share (`Smith` for Alex Smith and for Jordan Smith): an article naming
    /// `Smith` could mean either, and its quotes went silently to the first in alphabetical order.
    /// Names are compared as the linker matches them: word for word, in the same capitals.
    public static func sharedNames(_ actors: [Actor]) -> [Diagnostic] {
        var users: [[String]: [(actor: Actor, name: String, line: Int)]] = [:]
        for actor in actors {
            var seen = Set<[String]>()
            for (name, line) in [(actor.name, actor.nameLine)] + actor.aliases.map({ ($0, actor.aliasesLine) }) {
                let words = Tokenizer.strings(in: name).map(String.init)
                guard !words.isEmpty, seen.insert(words).inserted else { continue }
                users[words, default: []].append((actor, name, line))
            }
        }
        // Each actor's file is told, so the editor sees the clash from either side.
        // Actors, not files: two files with one slug (a copied file) are reported as such already.
        return users.values.filter { Set($0.map(\.actor.slug)).count > 1 }.flatMap { sharing in
            sharing.map { user in
                var named = Set<String>()
                let others = sharing.filter { $0.actor.slug != user.actor.slug && named.insert($0.actor.slug).inserted }
                    .map { "\($0.actor.name) (\($0.actor.sourcePath))" }
                return Diagnostic(file: user.actor.sourcePath, line: user.line,
                                  "'\(user.name)' is also a name of \(others.joined(separator: " and ")), so an article naming '\(user.name)' "
                                  + "could mean either; keep it for one of them at most")
            }
        }
    }
}
