/// One source article, as a reader produced it: metadata plus a Markdown body.
///
/// Raw `.txt` sources and `.md` pages both become this one value, so everything after reading
/// (rendering, the briefing, feeds) treats them alike.
public struct Article: Sendable, Equatable, Identifiable {
    public enum Format: String, Sendable {
        case raw, markdown
    }

    public var id: String { slug }
    public var slug: String
    /// Path relative to the content folder, as shown in messages (`articles/talks.txt`).
    public var sourcePath: String
    public var format: Format
    public var title: String
    public var date: Day
    /// When the article was last corrected or updated (front matter `updated:` or `lastmod:`, a
    /// raw article's `updated` line); nil when it never was. Feeds, the sitemap and search
    /// engines learn of a correction through it.
    public var updated: Day?
    /// Where the text came from: an outlet or the source file name.
    public var source: String?
    public var url: String?
    public var draft: Bool
    /// Front matter `points:`; when present it replaces what the matcher infers.
    public var declaredPoints: [String]?
    /// Front matter `actors:`; when present it replaces what the linker infers.
    public var declaredActors: [String]?
    /// Quotes the reader found or the front matter listed; nil means "find them in the body".
    public var quotes: [Quote]?
    /// An optional standfirst or description from front matter.
    public var summary: String?
    public var markdown: String
    /// Line of the source file on which `markdown` starts, so Markdown problems can be located.
    public var bodyFirstLine: Int
    /// Lines of front matter keys, for messages about their values.
    public var lines: [String: Int]
    /// Hash of the source file's bytes; with the site's inputs, it determines everything derived
    /// from the article, which is what lets rebuilds skip unchanged articles.
    public var sourceHash: ContentHash

    public init(slug: String, sourcePath: String, format: Format, title: String, date: Day, updated: Day? = nil,
                source: String? = nil, url: String? = nil, draft: Bool = false,
                declaredPoints: [String]? = nil, declaredActors: [String]? = nil, quotes: [Quote]? = nil,
                summary: String? = nil, markdown: String, bodyFirstLine: Int = 1, lines: [String: Int] = [:],
                sourceHash: ContentHash = ContentHash()) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.format = format
        self.title = title
        self.date = date
        self.updated = updated
        self.source = source
        self.url = url
        self.draft = draft
        self.declaredPoints = declaredPoints
        self.declaredActors = declaredActors
        self.quotes = quotes
        self.summary = summary
        self.markdown = markdown
        self.bodyFirstLine = bodyFirstLine
        self.lines = lines
        self.sourceHash = sourceHash
    }
}

/// Something someone said, as it appears in an article.
public struct Quote: Sendable, Hashable {
    /// The words, without the surrounding quote marks.
    public var text: String
    /// The speaker as the article names them ("President Donald J. Trump", "a White House official").
    public var speaker: String?
    /// The actor slug the speaker links to, when they are a known actor.
    public var actor: String?
    /// The top-level block of the body the quote is in, when the reader knows it (quotes listed
    /// in front matter are found by their words instead).
    public var block: Int?

    public init(text: String, speaker: String? = nil, actor: String? = nil, block: Int? = nil) {
        self.text = text
        self.speaker = speaker
        self.actor = actor
        self.block = block
    }

    /// Equal words, speaker and actor; where the quote was found does not matter.
    public static func == (lhs: Quote, rhs: Quote) -> Bool {
        lhs.text == rhs.text && lhs.speaker == rhs.speaker && lhs.actor == rhs.actor
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(speaker)
        hasher.combine(actor)
    }
}
