/// Where a symbolic link among the sources may lead: into the project folder (the folder that holds
/// `Content/` or `Templates/`), or into the source folder itself when that is a link elsewhere.
///
/// Whatever a source file holds gets published, so a link in a repository (`Content/static/key ->
/// /etc/ssh/ssh_host_rsa_key`, or to the CI machine's token file) would publish the build machine's
/// own files. As Jekyll's safe mode does, briefgen follows links that stay inside the project and
/// refuses the others by name; a link to a shared folder elsewhere in the repository still works.
struct LinkPolicy: Sendable {
    /// Real paths, without a trailing slash (except `/`).
    let roots: [String]
    /// The project folder as messages show it.
    let shownProject: String
    /// Folders inside the project that links may not lead into, real paths with how messages show
    /// them: the output folder and the cache (a static link to `Output/` would publish the site
    /// inside itself, one level deeper at every build).
    private(set) var excluded: [(real: String, shown: String)] = []

    /// - Parameters:
    ///   - sourceFolder: `Content/` or `Templates/` as the build was given it (absolute or relative).
    ///   - shownFolder: the same as messages show it (`Content`).
    init(sourceFolder: String, shownFolder: String) {
        var roots: [String] = []
        let project = PathText.parent(sourceFolder)
        for path in [sourceFolder, project.isEmpty ? "." : project] {
            if let real = FileSystem.realPath(path), !roots.contains(real) { roots.append(real) }
        }
        self.roots = roots
        let shownParent = PathText.parent(shownFolder)
        shownProject = shownParent.isEmpty || shownParent == "." ? "the current folder" : shownParent
    }

    /// The policy, also refusing links into these folders (those that exist).
    func excluding(_ folders: [(path: String, shown: String)]) -> LinkPolicy {
        var policy = self
        for folder in folders {
            if let real = FileSystem.realPath(folder.path) { policy.excluded.append((real, folder.shown)) }
        }
        return policy
    }

    /// Why the link at `path` may not be followed, or nil when it may (or is no link at all).
    /// A link that leads nowhere is left to the reader, which says the file cannot be read.
    func problem(withLink path: String, shown: String) -> Diagnostic? {
        guard let target = FileSystem.realPath(path) else { return nil }
        if let folder = excluded.first(where: { target == $0.real || target.hasPrefix($0.real + "/") || $0.real.hasPrefix(target + "/") }) {
            return Diagnostic(file: shown, "is a symbolic link to \(target), which leads into \(folder.shown), what briefgen writes: "
                + "the site would be published inside itself; remove the link")
        }
        guard !allows(target) else { return nil }
        return Diagnostic(file: shown, "is a symbolic link to \(target), outside the project folder (\(shownProject)): "
            + "briefgen follows links only inside it, so that a link in the sources cannot publish the build machine's own files; "
            + "copy the file into the project instead")
    }

    func allows(_ realTarget: String) -> Bool {
        roots.contains { root in
            realTarget == root || root == "/" || realTarget.hasPrefix(root + "/")
        }
    }
}
