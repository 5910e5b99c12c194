import Foundation

/// The theme's static files (`Templates/assets/`) and the site's own (`Content/static/`).
///
/// CSS and JavaScript get a content hash in their names (`site.3f2a91c0de.css`) so browsers and
/// CDNs can cache them forever; templates reach them through the `{{#asset}}site.css{{/asset}}`
/// helper, which knows the fingerprinted name. Everything else is copied unchanged.
public struct Assets: Sendable {
    public struct File: Sendable, Equatable {
        /// Where it comes from, absolute.
        public var source: URL
        /// Where it goes, relative to `Output/`.
        public var outputPath: String
        public var hash: ContentHash
    }

    public var files: [File]
    /// Logical theme path ("site.css") → URL ("/briefings/assets/site.3f2a91c0de.css").
    public var urls: [String: String]

    static let fingerprinted: Set<String> = ["css", "js"]

    /// `themeAssetsShown` and `siteStaticShown` are the folders as messages show them
    /// ("Templates/assets"); the absolute paths when nil. `linkPolicy` says where links among the
    /// files may lead (the build's also keeps them out of the folders it writes).
    static func collect(themeAssets: URL, siteStatic: URL, routes: Routes,
                        themeAssetsShown: String? = nil, siteStaticShown: String? = nil,
                        linkPolicy: LinkPolicy? = nil) throws(DiagnosticList) -> Assets {
        let themeShown = themeAssetsShown ?? themeAssets.path
        let siteShown = siteStaticShown ?? siteStatic.path
        let policy = linkPolicy ?? LinkPolicy(sourceFolders: [PathText.parent(themeAssets.path), PathText.parent(siteStatic.path)])
        let theme = listFiles(in: themeAssets.path, shown: themeShown, policy: policy)
        let site = listFiles(in: siteStatic.path, shown: siteShown, policy: policy, includesHidden: publishedHidden)
        guard theme.problems.isEmpty, site.problems.isEmpty else { throw DiagnosticList(theme.problems + site.problems) }
        do throws(Diagnostic) {
            return try collect(themeAssets: themeAssets, themeFiles: theme.files, themeShown: themeShown,
                               siteStatic: siteStatic, siteFiles: site.files, siteShown: siteShown, routes: routes)
        } catch {
            throw DiagnosticList([error])
        }
    }

    private static func collect(themeAssets: URL, themeFiles: [String], themeShown: String,
                                siteStatic: URL, siteFiles: [String], siteShown: String, routes: Routes) throws(Diagnostic) -> Assets {
        var files: [File] = []
        var urls: [String: String] = [:]
        for relative in themeFiles {
            let url = themeAssets.appendingPathComponent(relative)
            let hash = try hashFile(url, shown: themeShown + "/" + relative)
            let ext = PathText.pathExtension(relative).lowercased()
            var output = "assets/" + relative
            if fingerprinted.contains(ext) {
                output = "assets/" + PathText.removingExtension(relative) + "." + String(hash.description.prefix(10)) + "." + ext
            }
            files.append(File(source: url, outputPath: output, hash: hash))
            urls[relative] = routes.asset(output)
        }
        for relative in siteFiles {
            let url = siteStatic.appendingPathComponent(relative)
            files.append(File(source: url, outputPath: relative, hash: try hashFile(url, shown: siteShown + "/" + relative)))
        }
        return Assets(files: files, urls: urls)
    }

    /// The names of `publishedHidden`, for the preview's watcher, which skips other hidden names.
    public static let publishedHiddenNames: Set<String> = [".well-known", ".nojekyll", ".htaccess"]

    /// The hidden names of `static/` a site publishes, as Hugo does: `.well-known/` at the root
    /// (`security.txt`, app links, domain checks), `.nojekyll` at the root (GitHub Pages), and
    /// `.htaccess` anywhere (Apache). Other hidden names (`.git`, `.env`, `.DS_Store`, an editor's
    /// swap files) stay unpublished: they hold secrets or litter more often than pages.
    static func publishedHidden(_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool {
        isDirectory ? relative == ".well-known" : relative == ".nojekyll" || name == ".htaccess"
    }

    /// Read by `FileSystem.hash(ofFile:)`, which refuses FIFOs and devices: `Data(contentsOf:)` waited
    /// for ever on a FIFO's writer, or read `/dev/zero` until memory ran out.
    static func hashFile(_ url: URL, shown: String) throws(Diagnostic) -> ContentHash {
        try FileSystem.hash(ofFile: url.path, shown: shown, noun: "asset")
    }

    /// The files under an assets or static folder, relative paths, sorted; hidden names skipped,
    /// and links followed only where `policy` allows. `shown` is the folder as messages show it.
    static func listFiles(in folder: String, shown: String, policy: LinkPolicy,
                          includesHidden: @escaping (String, String, Bool) -> Bool = { _, _, _ in false }) -> (files: [String], problems: [Diagnostic]) {
        var walk = SourceWalk(shownFolder: shown, policy: policy, recursive: true) { _, _, _ in true }
        walk.includesHidden = includesHidden
        let files = walk.files(in: folder, relativeTo: "")
        return (files, walk.problems)
    }
}
