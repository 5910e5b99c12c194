/// A raw news article after the reader has recovered its structure.
public struct RawDocument: Sendable, Equatable {
    public var date: Day
    public var title: String
    /// True when the text had no headline and the title was cut from the lede.
    public var titleWasDerived: Bool
    /// "MIAMI", "KYIV, Ukraine (AP)": the dateline removed from the lede, kept for reference.
    public var dateline: String?
    public var blocks: [RawBlock]
    public var quotes: [Quote]
    /// Where the text comes from and a link to it, from the optional `source` and `url` lines
    /// above the date line (see `RawHeader`).
    public var source: String? = nil
    public var url: String? = nil
    /// The day of the last correction, from an `updated YYYY-MM-DD` line above the date line.
    public var updated: Day? = nil

    public var headings: [String] {
        blocks.compactMap { if case .heading(let text) = $0 { return text } else { return nil } }
    }
}

public enum RawBlock: Sendable, Equatable {
    case paragraph(String)
    case heading(String)
    case list(items: [String], ordered: Bool, start: Int)
    /// An embedded social post or a block quotation: the quoted paragraphs and a cite line.
    case quotation(paragraphs: [String], cite: String?)
}

/// One line of the source with its line number.
struct RawLine: Sendable, Equatable {
    var text: String
    var number: Int
}
