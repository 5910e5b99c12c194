/// The pages `briefgen new` writes, as `hugo new` writes from an archetype: front matter an editor
/// fills in, with the optional keys shown as comments, and nothing a build would publish by
/// mistake (a new article is a draft; placeholders are YAML comments, never text).
public enum NewPage {
    public enum Kind: String, CaseIterable, Sendable {
        case article, point, actor

        /// The folder of `Content/` the page goes in.
        public var folder: String { rawValue + "s" }
    }

    /// A draft article dated `date`: `--drafts` shows it in `serve` and `build`; removing
    /// `draft: true` publishes it.
    public static func article(title: String, date: Day) -> String {
        """
        ---
        title: \(YAMLText.string(title))
        date: \(date.iso)
        draft: true
        # source: "Editors' summary"
        # url: https://example.org/original-story
        # summary: "One or two sentences for listings and feeds."
        # points: [slug-of-a-point]     # leave out to let briefgen find them
        ---


        """
    }

    /// A sticking point, unresolved, after the points there are; its title is its first keyword.
    public static func point(title: String, order: Int) -> String {
        """
        ---
        title: \(YAMLText.string(title))
        status: unresolved              # or: nearing, agreed
        order: \(order)
        keywords:
          - \(YAMLText.string(title))
        # summary: "Where it stands, in one sentence."
        ---


        """
    }

    /// One past the largest `order` of the points that read (in sub-folders too); a point file
    /// with a mistake in it does not stop a new one.
    public static func nextPointOrder(_ site: ContentLoader) -> Int {
        var problems: [Diagnostic] = []
        let files = ContentLoader.files(in: site.directoryPath + "/points", relativeTo: "points", shownFolder: site.displayPath,
                                        extensions: ["md"], recursive: true, policy: site.linkPolicy, problems: &problems)
        let orders = files.compactMap { relative in
            (try? site.source(relative)).flatMap { try? PointReader.read($0, slug: ContentLoader.slug(forFile: relative)).order }
        }
        return (orders.max() ?? 0) + 1
    }

    /// A person (or, with `kind: group`, a party) whose statements briefgen links.
    public static func actor(name: String) -> String {
        """
        ---
        name: \(YAMLText.string(name))
        # aliases: ["Surname", "Title Surname"]   # other ways articles name them
        # role: "Foreign minister"
        # side: "Examplia"                        # groups their quotes on briefings
        # kind: group                             # for a party, a government, an alliance
        ---


        """
    }
}
