/// Lists the files of a source folder (`Content/articles/`, `Templates/`, `Content/static/`) the
/// same way everywhere: sorted, hidden names skipped (unless published on purpose), symbolic links
/// followed only inside the project (`LinkPolicy`), and each folder entered once.
struct SourceWalk {
    /// How messages show the folder that relative paths start from (`Content`).
    let shownFolder: String
    let policy: LinkPolicy
    let recursive: Bool
    /// Whether a name (not hidden) is listed or entered, by its path relative to the start.
    let includes: (_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool
    /// Whether a hidden name is listed or entered all the same (`.well-known/` in `static/`).
    var includesHidden: (_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool = { _, _, _ in false }
    /// Links that may not be followed, and folders reached twice.
    private(set) var problems: [Diagnostic] = []
    /// The real path of every folder entered, with how messages show it.
    private var entered: [String: String] = [:]

    init(shownFolder: String, policy: LinkPolicy, recursive: Bool,
         includes: @escaping (_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool) {
        self.shownFolder = shownFolder
        self.policy = policy
        self.recursive = recursive
        self.includes = includes
    }

    /// The files under `folder`, as paths starting with `prefix` (no prefix when it is empty).
    ///
    /// The folder itself may be a link too (`Content/static -> ../shared`), checked like the
    /// links inside it; the source folder (`Content/`) always passes, its real path being a root.
    mutating func files(in folder: String, relativeTo prefix: String) -> [String] {
        let shown = prefix.isEmpty ? shownFolder : shownFolder + "/" + prefix
        guard let root = FileSystem.realPath(folder) else { return [] }
        guard root != "/" else {
            problems.append(Diagnostic(file: shown, "is the file system's root folder; give the folder that holds the site's files"))
            return []
        }
        if FileSystem.isLink(folder), let problem = policy.problem(withLink: folder, shown: shown) {
            problems.append(problem)
            return []
        }
        return files(in: folder, real: root, relativeTo: prefix, ancestors: [])
    }

    /// `ancestors` are the real paths of the folders from the start down to this one's parent. A
    /// link to one of them, or to the start or a folder above it, is not followed (it would loop);
    /// a folder reached a second time some other way is reported: its files would be listed
    /// twice, and links that each lead to the same folders could make the listing grow without
    /// bound.
    private mutating func files(in folder: String, real: String, relativeTo prefix: String, ancestors: [String]) -> [String] {
        let shown = prefix.isEmpty ? shownFolder : shownFolder + "/" + prefix
        if let first = entered[real] {
            problems.append(Diagnostic(file: shown, "is the same folder as \(first) (through a symbolic link): "
                + "briefgen lists each folder once, so its files would be missing under one of the names; remove the link, or copy the folder"))
            return []
        }
        entered[real] = shown
        guard let entries = FileSystem.list(folder) else { return [] }
        let ancestors = ancestors + [real]
        var result: [String] = []
        for entry in entries {
            let path = folder + "/" + entry.name
            let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            if entry.name.hasPrefix("."), !includesHidden(relative, entry.name, entry.isDirectory) { continue }
            guard entry.isDirectory ? recursive : true, includes(relative, entry.name, entry.isDirectory) else { continue }
            if entry.isLink, let problem = policy.problem(withLink: path, shown: shownFolder + "/" + relative) {
                problems.append(problem)
                continue
            }
            if entry.isDirectory {
                guard let target = FileSystem.realPath(path) else { continue }
                if LinkPolicy.isInside(ancestors[0], target) || ancestors.contains(target) { continue }
                result += files(in: path, real: target, relativeTo: relative, ancestors: ancestors)
            } else {
                result.append(relative)
            }
        }
        return result
    }
}
