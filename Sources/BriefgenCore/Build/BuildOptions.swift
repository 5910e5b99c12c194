import Foundation

/// Everything a build needs to know, as the command line gave it.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    /// Overrides `base_url` from `site.yml`.
    public var baseURL: String?
    /// How folders are named in messages (as the user typed them).
    public var contentDisplayPath: String
    public var templatesDisplayPath: String
    /// Where the manifest of the previous build is kept; nil disables incremental writing.
    public var cacheDirectory: URL?
    /// Write every file and swap the whole folder, even if an incremental write is possible.
    public var fresh: Bool
    /// Publish articles marked `draft: true`.
    public var includeDrafts: Bool
    /// Publish articles dated after `now`.
    public var includeFuture: Bool
    /// The day the build considers today, for leaving out future articles. Defaults to the clock's
    /// day (UTC); pass a fixed day to make a build reproducible whatever the date.
    public var now: Day
    /// The code building the site (`EngineIdentity.current`): caches made by another are not reused.
    public var engine: String = EngineIdentity.current

    public init(contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL, baseURL: String? = nil,
                contentDisplayPath: String? = nil, templatesDisplayPath: String? = nil,
                cacheDirectory: URL? = nil, fresh: Bool = false, includeDrafts: Bool = false,
                includeFuture: Bool = false, now: Day = Day.today()) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        // `--content Content/` shows as `Content`: messages add `/static/x` to it.
        self.contentDisplayPath = PathText.withoutTrailingSlashes(contentDisplayPath ?? contentDirectory.path)
        self.templatesDisplayPath = PathText.withoutTrailingSlashes(templatesDisplayPath ?? templatesDirectory.path)
        self.cacheDirectory = cacheDirectory
        self.fresh = fresh
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }

    /// A file of the content or theme folder as the user named that folder (`Content/static/x`).
    func shownPath(_ file: URL) -> String {
        let path = file.standardizedFileURL.path
        for (folder, shown) in [(contentDirectory, contentDisplayPath), (templatesDirectory, templatesDisplayPath)] {
            let prefix = folder.standardizedFileURL.path + "/"
            if path.hasPrefix(prefix) { return shown + "/" + path.dropFirst(prefix.count) }
        }
        return path
    }

    /// Where links among the sources may lead: inside the project of either source folder.
    var linkPolicy: LinkPolicy {
        LinkPolicy(sourceFolders: [contentDirectory.path, templatesDirectory.path])
    }

    /// The default cache folder: `.briefgen-cache/` beside the output folder.
    public static func defaultCacheDirectory(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".briefgen-cache")
    }
}

extension Day {
    /// Today in UTC, from the system clock: only for the default of `--now`.
    public static func today() -> Day {
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return Day(ordinal: days)
    }
}
