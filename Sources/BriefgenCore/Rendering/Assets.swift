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
    /// ("Templates/assets"); the absolute paths when nil.
    public static func collect(themeAssets: URL, siteStatic: URL, routes: Routes,
                               themeAssetsShown: String? = nil, siteStaticShown: String? = nil) throws(Diagnostic) -> Assets {
        var files: [File] = []
        var urls: [String: String] = [:]
        for relative in listFiles(in: themeAssets) {
            let url = themeAssets.appendingPathComponent(relative)
            let hash = try hashFile(url, shown: (themeAssetsShown ?? themeAssets.path) + "/" + relative)
            let ext = PathText.pathExtension(relative).lowercased()
            var output = "assets/" + relative
            if fingerprinted.contains(ext) {
                output = "assets/" + PathText.removingExtension(relative) + "." + String(hash.description.prefix(10)) + "." + ext
            }
            files.append(File(source: url, outputPath: output, hash: hash))
            urls[relative] = routes.asset(output)
        }
        for relative in listFiles(in: siteStatic) {
            let url = siteStatic.appendingPathComponent(relative)
            files.append(File(source: url, outputPath: relative, hash: try hashFile(url, shown: (siteStaticShown ?? siteStatic.path) + "/" + relative)))
        }
        return Assets(files: files, urls: urls)
    }

    /// Read by `FileSystem.hash(ofFile:)`, which refuses FIFOs and devices: `Data(contentsOf:)` waited
    /// for ever on a FIFO's writer, or read `/dev/zero` until memory ran out.
    static func hashFile(_ url: URL, shown: String) throws(Diagnostic) -> ContentHash {
        try FileSystem.hash(ofFile: url.path, shown: shown, noun: "asset")
    }

    /// Regular files under a folder, relative paths, sorted; hidden files skipped.
    static func listFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }
}
