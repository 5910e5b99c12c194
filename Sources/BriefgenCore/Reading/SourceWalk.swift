/// Lists the files of a source folder (`Content/articles/`, `Templates/`, `Content/static/`) the
/// same way everywhere: sorted, hidden names skipped, symbolic links followed only inside the
/// project (`LinkPolicy`), and each folder entered once.
struct SourceWalk {
    /// How messages show the folder that relative paths start from (`Content`).
    let shownFolder: String
    let policy: LinkPolicy
    let recursive: Bool
    /// Whether a name (not hidden) is listed or entered, by its path relative to the start.
    let includes: (_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool
    /// Links that lead out of the project, which were not followed.
    private(set) var problems: [Diagnostic] = []

    init(shownFolder: String, policy: LinkPolicy, recursive: Bool,
         includes: @escaping (_ relative: String, _ name: String, _ isDirectory: Bool) -> Bool) {
        self.shownFolder = shownFolder
        self.policy = policy
        self.recursive = recursive
        self.includes = includes
    }

    /// The files under `folder`, as paths starting with `prefix` (no prefix when it is empty).
    /// The folder itself may be a link too (`Content/static -> ../shared`), checked like the
    /// links inside it; the source folder (`Content/`) always passes, its real path being a root.
    mutating func files(in folder: String, relativeTo prefix: String) -> [String] {
        if FileSystem.isLink(folder),
           let problem = policy.problem(withLink: folder, shown: prefix.isEmpty ? shownFolder : shownFolder + "/" + prefix) {
            problems.append(problem)
            return []
        }
        guard let root = FileSystem.realPath(folder) else { return [] }
        var visited = Set<String>()
        return files(in: folder, relativeTo: prefix, root: root, visited: &visited)
    }

    /// `visited` holds the real paths of the folders walked so far. A symbolic link to one of them,
    /// or to a folder above the root, is not followed, so a link loop cannot read files twice or
    /// forever. Walking top-down, a folder inside the root that holds a visited one is visited.
    private mutating func files(in folder: String, relativeTo prefix: String, root: String, visited: inout Set<String>) -> [String] {
        guard let real = FileSystem.realPath(folder), !root.hasPrefix(real + "/"), visited.insert(real).inserted,
              let entries = FileSystem.list(folder) else { return [] }
        var result: [String] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = folder + "/" + entry.name
            let relative = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            guard entry.isDirectory ? recursive : true, includes(relative, entry.name, entry.isDirectory) else { continue }
            if entry.isLink, let problem = policy.problem(withLink: path, shown: shownFolder + "/" + relative) {
                problems.append(problem)
                continue
            }
            if entry.isDirectory {
                result += files(in: path, relativeTo: relative, root: root, visited: &visited)
            } else {
                result.append(relative)
            }
        }
        return result
    }
}
