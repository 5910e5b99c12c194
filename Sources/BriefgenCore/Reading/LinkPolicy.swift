/// Where a symbolic link among the sources may lead: into the project (the folder that holds
/// `Content/`, and the one that holds `Templates/` when the theme lives elsewhere), or into the
/// source folders themselves when they are links elsewhere; never to a hidden file or folder.
///
/// Whatever a source file holds gets published, so a link in a repository (`Content/static/key ->
/// /etc/ssh/ssh_host_rsa_key`, or to the CI machine's token file) would publish the build machine's
/// own files. As Jekyll's safe mode does, briefgen follows links that stay inside the project and
/// refuses the others by name. Hidden names are refused too, as the listing skips them: a CI
/// checkout keeps its token in `.git/config`, inside the project.
struct LinkPolicy: Sendable {
    /// Real paths, without a trailing slash; never `/`, which would allow everything.
    let roots: [String]
    /// Folders inside the project that links may not lead into, real paths with how messages show
    /// them: the output folder and the cache (a static link to `Output/` would publish the site
    /// inside itself, one level deeper at every build).
    private(set) var excluded: [(real: String, shown: String)] = []

    /// - Parameter sourceFolders: `Content/` and `Templates/` as the build was given them.
    init(sourceFolders: [String]) {
        var roots: [String] = []
        for folder in sourceFolders {
            let project = PathText.parent(folder)
            for path in [folder, project.isEmpty ? "." : project] {
                if let real = FileSystem.realPath(path), real != "/", !roots.contains(real) { roots.append(real) }
            }
        }
        self.roots = roots
    }

    /// The policy, also refusing links into these folders (those that exist).
    func excluding(_ folders: [(path: String, shown: String)]) -> LinkPolicy {
        var policy = self
        for folder in folders {
            if let real = FileSystem.realPath(folder.path) { policy.excluded.append((real, folder.shown)) }
        }
        return policy
    }

    /// The projects, for messages: the roots not inside another root.
    var shownProjects: String {
        let outer = roots.filter { root in !roots.contains { $0 != root && LinkPolicy.isInside(root, $0) } }
        return outer.isEmpty ? "none: the source folders are the root folder" : outer.joined(separator: ", ")
    }

    /// Why the link at `path` may not be followed, or nil when it may (or is no link at all).
    func problem(withLink path: String, shown: String) -> Diagnostic? {
        guard let target = FileSystem.realPath(path) else {
            // A link that leads nowhere is left to the reader, which says the file cannot be read.
            // One the kernel can open but whose path cannot be worked out (longer than PATH_MAX,
            // `/proc/self/fd/N` of a deleted file) cannot be checked, so it is not followed.
            guard FileSystem.exists(following: path) else { return nil }
            return Diagnostic(file: shown, "is a symbolic link whose target's path cannot be worked out, so briefgen cannot "
                + "check that it stays inside the project, and does not follow it; copy the file into the project instead")
        }
        if let folder = excluded.first(where: { LinkPolicy.isInside(target, $0.real) || LinkPolicy.isInside($0.real, target) }) {
            return Diagnostic(file: shown, "is a symbolic link to \(target), which leads into \(folder.shown), what briefgen writes: "
                + "the site would be published inside itself; remove the link")
        }
        if allows(target) { return nil }
        if roots.contains(where: { LinkPolicy.isInside(target, $0) }) {
            return Diagnostic(file: shown, "is a symbolic link to \(target), a hidden file or folder: briefgen does not publish "
                + "hidden files (a checkout's .git/config holds its access token); remove the link")
        }
        return Diagnostic(file: shown, "is a symbolic link to \(target), outside the project (\(shownProjects)): "
            + "briefgen follows links only inside it, so that a link in the sources cannot publish the build machine's own files; "
            + "copy the file into the project instead")
    }

    /// Inside a root, with no hidden name below it but inside `node_modules/`, which holds
    /// published packages: pnpm keeps them in `node_modules/.pnpm/` and links to them there.
    func allows(_ realTarget: String) -> Bool {
        roots.contains { root in
            guard LinkPolicy.isInside(realTarget, root) else { return false }
            var inPackages = false
            for name in realTarget.dropFirst(root.utf8.count).split(separator: "/") {
                if name.hasPrefix("."), !inPackages { return false }
                if name == "node_modules" { inPackages = true }
            }
            return true
        }
    }

    /// `path` is `folder` or below it (both real paths, `folder` not `/`).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder + "/")
    }
}
