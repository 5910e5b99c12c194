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

    public init(contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL, baseURL: String? = nil,
                contentDisplayPath: String? = nil, templatesDisplayPath: String? = nil,
                cacheDirectory: URL? = nil, fresh: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.contentDisplayPath = contentDisplayPath ?? contentDirectory.path
        self.templatesDisplayPath = templatesDisplayPath ?? templatesDirectory.path
        self.cacheDirectory = cacheDirectory
        self.fresh = fresh
    }

    /// The default cache folder: `.briefgen-cache/` beside the output folder.
    public static func defaultCacheDirectory(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".briefgen-cache")
    }
}
