/// A party or a person in the talks, from `Content/actors/<slug>.md`.
public struct Actor: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable {
        case person, group
    }

    public var id: String { slug }
    public var slug: String
    public var name: String
    /// Other ways articles name them: "Trump", "President Trump", "Donald J. Trump".
    public var aliases: [String]
    public var role: String
    /// The side they speak for (United States, Ukraine, Russia, Europe); groups quotes on briefings.
    public var side: String?
    /// People can be "he" or "she" in a later sentence; groups cannot.
    public var kind: Kind
    public var bio: String
    public var bioFirstLine: Int
    public var sourcePath: String
    /// Lines of the front matter's `name` and `aliases`, for messages about a name.
    public var nameLine = 1, aliasesLine = 1

    public init(slug: String, name: String, aliases: [String] = [], role: String = "", side: String? = nil,
                kind: Kind = .person, bio: String = "", bioFirstLine: Int = 1, sourcePath: String = "") {
        self.slug = slug
        self.name = name
        self.aliases = aliases
        self.role = role
        self.side = side
        self.kind = kind
        self.bio = bio
        self.bioFirstLine = bioFirstLine
        self.sourcePath = sourcePath
    }

    /// The name and every alias, longest first, so that "Donald J. Trump" wins over "Trump".
    public var names: [String] {
        var all = [name] + aliases
        var seen = Set<String>()
        all = all.filter { !$0.isEmpty && seen.insert($0).inserted }
        return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// Whether `text` is one of `names`, without building and sorting that list: listing pages
    /// ask this for every quote they show.
    public func hasName(_ text: String) -> Bool {
        !text.isEmpty && (text == name || aliases.contains(text))
    }
}
