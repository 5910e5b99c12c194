import Foundation

/// Writes a build into a staging folder beside `Output/` and puts it in place only when the whole
/// build has succeeded, so a failed build never leaves `Output/` half-written.
///
/// Two ways to put it in place:
/// - **fresh** (no previous build to compare with): every file goes to the staging folder, which
///   then replaces `Output/` in one atomic exchange (`renameat2(RENAME_EXCHANGE)` on Linux).
/// - **incremental** (the manifest of the previous build matches `Output/`): only files whose
///   content changed are written to staging; once every page has rendered, each is renamed into
///   place (an atomic step per file) and files the site no longer has are deleted. Unchanged files
///   are never rewritten, which keeps rebuilds fast and `rsync`/CDN uploads small.
public final class OutputWriter: @unchecked Sendable {
    public enum Mode: String, Sendable {
        case fresh, incremental
    }

    public struct Summary: Sendable, Equatable {
        public var files: Int
        public var written: Int
        public var unchanged: Int
        public var deleted: Int
        /// Bytes written by this build.
        public var bytes: Int
        /// Bytes of the whole site.
        public var totalBytes: Int
    }

    public let output: URL
    public let mode: Mode
    let staging: URL
    let manifestURL: URL?
    let previous: Manifest

    private let lock = NSLock()
    private var entries: [String: Manifest.Entry] = [:]
    private var writtenPaths: [String] = []
    private var createdDirectories: Set<String> = []
    private var bytesWritten = 0
    private var buildStamp: Manifest.BuildStamp?

    /// - Parameters:
    ///   - manifestURL: where the previous build's manifest is kept; nil disables incremental writes.
    ///   - fresh: write everything and swap, even when an incremental write is possible.
    public init(output: URL, manifestURL: URL?, fresh: Bool = false) throws(Diagnostic) {
        self.output = try OutputWriter.followingLink(output.standardizedFileURL)
        self.manifestURL = manifestURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        // The names made from the output folder's (`.NAME.staging-PID`, and in the cache
        // `NAME.manifest.previous-PID`) add up to 30 bytes; past 255 the system refuses them,
        // naming a path the user never typed.
        guard name.utf8.count <= OutputWriter.longestOutputName else {
            throw Diagnostic(file: self.output.path, "the output folder's name is too long to build beside it (at most \(OutputWriter.longestOutputName) bytes)")
        }

        try FileSystem.makeDirectories(parent.path)
        OutputWriter.removeStaleStagingFolders(in: parent, name: name)
        if let manifestURL { OutputWriter.removeStaleTemporaries(in: manifestURL.deletingLastPathComponent().path) }

        let outputExists = FileSystem.exists(self.output.path)
        if outputExists && !FileSystem.isDirectory(self.output.path) {
            throw Diagnostic(file: self.output.path, "the output path exists and is not a folder")
        }
        var manifest: Manifest?
        // A manifest of another briefgen (an older format) cannot be used, but says the folder is
        // briefgen's: the build starts fresh. Taken for a foreign folder, it failed every build
        // after an upgrade for a theme without the generator tag, until Output/ was deleted.
        var writtenByBriefgen = false
        if let manifestURL, outputExists, let bytes = try? FileSystem.read(manifestURL.path, shown: manifestURL.path) {
            manifest = bytes.withUnsafeBufferPointer { Manifest.parse(bytes: $0) }
            writtenByBriefgen = bytes.starts(with: Manifest.headerStem.utf8)
        }
        if outputExists, manifest == nil, !writtenByBriefgen, !OutputWriter.looksLikeSiteOutput(self.output) {
            let home = OutputWriter.homeFolderEntries(in: self.output)
            throw Diagnostic(file: self.output.path, OutputWriter.hasVisibleEntries(self.output) || home.isEmpty
                ? "the output folder is not empty and was not written by briefgen (its index.html does not carry <meta name=\"generator\" content=\"briefgen\">); remove it or choose another --output"
                : "the output folder looks like a home folder (it holds \(home.prefix(3).joined(separator: ", "))\(home.count > 3 ? ", …" : "")) and no earlier build; choose an empty or new folder for --output")
        }
        previous = manifest ?? Manifest()
        mode = (manifest != nil && !fresh) ? .incremental : .fresh
        FileSystem.removeTree(staging.path)
        // Registered first: a Ctrl-C right after the folder is made must find it.
        StagingRegistry.add(staging.path)
        try FileSystem.makeDirectories(staging.path)
    }

    /// What the build that wrote `Output/` started from (nil after a fresh start).
    public var previousBuild: Manifest.BuildStamp? { mode == .incremental ? previous.build : nil }

    /// Recorded with the manifest at commit, for the next build to compare against.
    public var build: Manifest.BuildStamp? {
        get { lock.withLock { buildStamp } }
        set { lock.withLock { buildStamp = newValue } }
    }

    /// True when every file of the previous build is still in `Output/` as it was written (size,
    /// modification time, inode), so the output can be left as it is.
    public func previousOutputIntact() -> Bool {
        let paths = Array(previous.entries.keys)
        let root = output.path + "/"
        return Parallel.map(paths) { path in previous.entries[path]!.describes(FileSystem.stamp(of: root + path)) }.allSatisfy { $0 }
    }

    /// Leaves `Output/` and the manifest as they are: nothing changed since the previous build.
    public func keepEverything() -> Summary {
        discard()
        return Summary(files: previous.entries.count, written: 0, unchanged: previous.entries.count, deleted: 0, bytes: 0,
                       totalBytes: previous.entries.values.reduce(0) { $0 + $1.size })
    }

    /// Keeps a page of the previous build without rendering it again, when it was rendered under
    /// the same fingerprint and is still in `Output/`. Returns false when the page must be rendered.
    public func keep(_ path: String, fingerprint: ContentHash) throws(Diagnostic) -> Bool {
        guard mode == .incremental, let previousEntry = previous.entries[path], previousEntry.fingerprint == fingerprint,
              previousEntry.describes(FileSystem.stamp(of: output.path + "/" + path)) else { return false }
        try OutputWriter.validate(path)
        lock.lock()
        let duplicate = entries[path] != nil
        if !duplicate { entries[path] = previousEntry }
        lock.unlock()
        if duplicate { throw OutputWriter.twoPages(path) }
        return true
    }

    /// Writes one file of the site. Returns false when the file was already in `Output/` unchanged.
    @discardableResult
    public func write(_ path: String, _ text: String, fingerprint: ContentHash? = nil) throws(Diagnostic) -> Bool {
        try FileSystem.withUTF8(of: text) { buffer throws(Diagnostic) in
            try write(path, buffer, hash: ContentHash(buffer.bindMemory(to: UInt8.self)), fingerprint: fingerprint)
        }
    }

    @discardableResult
    public func write(_ path: String, bytes: [UInt8], fingerprint: ContentHash? = nil) throws(Diagnostic) -> Bool {
        let result: Result<Bool, Diagnostic> = bytes.withUnsafeBytes { buffer in
            do throws(Diagnostic) {
                return .success(try write(path, buffer, hash: ContentHash(buffer.bindMemory(to: UInt8.self)), fingerprint: fingerprint))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    @discardableResult
    public func write(_ path: String, _ bytes: UnsafeRawBufferPointer, hash: ContentHash,
                      fingerprint: ContentHash? = nil) throws(Diagnostic) -> Bool {
        try OutputWriter.validate(path)
        var entry = Manifest.Entry(hash: hash, size: bytes.count, fingerprint: fingerprint)
        if try skipIfUnchanged(path, entry) { return false }
        let target = staging.path + "/" + path
        try ensureDirectory(for: path, under: staging.path)
        let stamp = try FileSystem.writeStamped(bytes, to: target)
        (entry.modified, entry.inode) = (stamp.modified, stamp.inode)
        record(path, entry, written: true)
        return true
    }

    /// Copies a file (an asset) into the site, unless it is already there unchanged.
    @discardableResult
    public func copy(_ source: URL, to path: String, hash: ContentHash, shown: String? = nil) throws(Diagnostic) -> Bool {
        try OutputWriter.validate(path)
        let shown = shown ?? source.path
        guard let size = FileSystem.size(of: source.path) else {
            throw Diagnostic(file: shown, "cannot read the file: \(FileSystem.statFailure(source.path))")
        }
        var entry = Manifest.Entry(hash: hash, size: size)
        // Files are copied after the pages are written: one already there is a page or another file.
        if lock.withLock({ entries[path] != nil }) {
            throw OutputWriter.alreadyPublished(path, shown: shown)
        }
        if try skipIfUnchanged(path, entry) { return false }
        try ensureDirectory(for: path, under: staging.path)
        let stamp = try FileSystem.copyFile(source.path, to: staging.path + "/" + path)
        (entry.modified, entry.inode) = (stamp.modified, stamp.inode)
        record(path, entry, written: true)
        return true
    }

    private func skipIfUnchanged(_ path: String, _ entry: Manifest.Entry) throws(Diagnostic) -> Bool {
        lock.lock()
        let duplicate = entries[path] != nil
        lock.unlock()
        if duplicate { throw OutputWriter.twoPages(path) }
        guard mode == .incremental, let previousEntry = previous.entries[path], previousEntry.sameFile(as: entry),
              previousEntry.describes(FileSystem.stamp(of: output.path + "/" + path)) else { return false }
        // The file stays as it was written: the new entry takes its time and inode.
        var kept = entry
        (kept.modified, kept.inode) = (previousEntry.modified, previousEntry.inode)
        record(path, kept, written: false)
        return true
    }

    private func record(_ path: String, _ entry: Manifest.Entry, written: Bool) {
        lock.lock()
        entries[path] = entry
        if written {
            writtenPaths.append(path)
            bytesWritten += entry.size
        }
        lock.unlock()
    }

    private func ensureDirectory(for path: String, under root: String) throws(Diagnostic) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        lock.lock()
        let known = createdDirectories.contains(folder)
        lock.unlock()
        if known { return }
        try FileSystem.makeDirectories(root + "/" + folder, below: root)
        lock.lock()
        createdDirectories.insert(folder)
        lock.unlock()
    }

    /// Puts the build in place. Call only after every page rendered without error. When it
    /// throws, `Output/` is as it was before the build.
    public func commit() throws(Diagnostic) -> Summary {
        guard StagingRegistry.beginCommit() else { throw Diagnostic(file: output.path, "the build was stopped") }
        defer {
            StagingRegistry.remove(staging.path)
            StagingRegistry.endCommit()
        }
        let deleted: Int
        let manifestTemporary = try prepareManifest()
        // While files move, the previous manifest is set aside: a build killed halfway leaves no
        // manifest, so the next build starts fresh instead of trusting one that no longer
        // describes Output/.
        let setAside = manifestURL.map { $0.path + ".previous-\(getpid())" }
        if let manifestURL, let setAside, FileSystem.exists(manifestURL.path) { try? FileSystem.rename(manifestURL.path, setAside) }
        do throws(Diagnostic) {
            deleted = try putInPlace()
        } catch {
            if let manifestURL, let setAside { try? FileSystem.rename(setAside, manifestURL.path) }
            if let manifestTemporary { unlink(manifestTemporary) }
            throw error
        }
        if let manifestTemporary, let manifestURL, (try? FileSystem.rename(manifestTemporary, manifestURL.path)) == nil {
            // Without its manifest the next build starts fresh rather than trusting a stale one.
            unlink(manifestURL.path)
        }
        if let setAside { unlink(setAside) }
        return Summary(files: entries.count, written: writtenPaths.count, unchanged: entries.count - writtenPaths.count,
                       deleted: deleted, bytes: bytesWritten, totalBytes: entries.values.reduce(0) { $0 + $1.size })
    }

    /// Returns how many files of the previous build were deleted.
    private func putInPlace() throws(Diagnostic) -> Int {
        var deleted = 0
        switch mode {
        case .fresh:
            if FileSystem.exists(output.path) {
                try swapInStaging()
            } else {
                try FileSystem.rename(staging.path, output.path)
            }
            deleted = previous.entries.keys.filter { entries[$0] == nil }.count
        case .incremental:
            let removed = previous.entries.keys.filter { entries[$0] == nil }
            if let link = OutputWriter.firstLinkedFolder(in: output.path, along: writtenPaths + removed) {
                throw Diagnostic(file: output.path + "/" + link, "is a symbolic link; briefgen does not write or delete through links inside the output folder (they lead out of it): remove the link, or build with --fresh")
            }
            try moveIntoPlace(writtenPaths.sorted())
            for path in previous.entries.keys.sorted() where entries[path] == nil {
                // A file the new site no longer has.
                unlink(output.path + "/" + path)
                OutputWriter.removeEmptyParents(of: path, under: output.path)
                deleted += 1
            }
            FileSystem.removeTree(staging.path)
        }
        return deleted
    }

    /// Beside `Output/`: what a commit sets aside until it has succeeded (`.Output.old-PID`, which
    /// the next build removes if this process dies first).
    private var previousOutputFolder: String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())").path
    }

    /// Replaces `Output/` by the staging folder in one step, carrying over the hidden entries at
    /// its top (`.git` of a `gh-pages` worktree, `.well-known/`, `.nojekyll`): they are not
    /// briefgen's to delete, and Zola users lose them for the same reason.
    private func swapInStaging() throws(Diagnostic) {
        let carried = try OutputWriter.moveHiddenEntries(from: output.path, to: staging.path)
        if FileSystem.exchange(staging.path, output.path) {
            FileSystem.removeTree(staging.path) // now holds the previous output
            return
        }
        let old = previousOutputFolder
        do throws(Diagnostic) {
            try FileSystem.rename(output.path, old)
        } catch {
            _ = try? OutputWriter.moveHiddenEntries(carried, from: staging.path, to: output.path)
            throw error
        }
        do throws(Diagnostic) {
            try FileSystem.rename(staging.path, output.path)
        } catch {
            try? FileSystem.rename(old, output.path)
            _ = try? OutputWriter.moveHiddenEntries(carried, from: staging.path, to: output.path)
            throw error
        }
        FileSystem.removeTree(old)
    }

    /// Moves the paths given (all hidden top-level entries when nil) from one folder to another;
    /// on failure moves back what it moved and throws. A hidden folder the new site has too
    /// (`.well-known/`, published from `static/`) is merged: what the site does not write there
    /// (a certbot challenge, a file put there by hand) moves in beside the site's files, as an
    /// incremental build leaves it. Returns the paths moved, to move them back.
    static func moveHiddenEntries(_ paths: [String]? = nil, from source: String, to destination: String) throws(Diagnostic) -> [String] {
        var moved: [String] = []
        func move(_ relative: String) throws(Diagnostic) {
            let target = destination + "/" + relative
            if FileSystem.exists(target) {
                let from = source + "/" + relative
                guard paths == nil, FileSystem.isDirectory(target), !FileSystem.isLink(target),
                      FileSystem.isDirectory(from), !FileSystem.isLink(from) else { return }
                for child in (FileSystem.list(from) ?? []).map(\.name).sorted() { try move(relative + "/" + child) }
                return
            }
            try FileSystem.rename(source + "/" + relative, target)
            moved.append(relative)
        }
        let candidates = paths ?? (FileSystem.list(source) ?? []).map(\.name).filter { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
        do throws(Diagnostic) {
            for path in candidates.sorted() { try move(path) }
        } catch {
            for path in moved.reversed() { try? FileSystem.rename(destination + "/" + path, source + "/" + path) }
            throw error
        }
        return moved
    }

    /// Renames each written file from staging into `Output/`, keeping a hard link to the file it
    /// replaces; if one rename fails, every file already moved is put back, so a failed commit
    /// leaves `Output/` exactly as the previous build left it.
    private func moveIntoPlace(_ paths: [String]) throws(Diagnostic) {
        let backupRoot = previousOutputFolder
        let backup = backupRoot + "/replaced", clearedBackup = backupRoot + "/cleared"
        FileSystem.removeTree(backupRoot)
        let leaving = Set(previous.entries.keys.filter { entries[$0] == nil })
        var moved: [(path: String, replaced: Bool)] = []
        var cleared: [String] = []
        var createdDirectories = Set<String>()
        var backupDirectories = Set<String>()
        do throws(Diagnostic) {
            for path in paths {
                let target = output.path + "/" + path
                var replaced = false
                if let slash = path.lastIndex(of: "/") {
                    let folder = String(path[..<slash])
                    if createdDirectories.insert(folder).inserted {
                        cleared += try clearWay(toFolder: folder, leaving: leaving, into: clearedBackup)
                        try FileSystem.makeDirectories(output.path + "/" + folder)
                    }
                }
                var info = stat()
                let targetExists = lstat(target, &info) == 0
                if targetExists, (info.st_mode & S_IFMT) == S_IFDIR {
                    // A folder of the previous site where this one has a file: set it aside if the
                    // new site no longer has anything in it; anything else in it is not ours.
                    guard OutputWriter.filesUnder(target).allSatisfy({ leaving.contains(path + "/" + $0) }) else {
                        throw Diagnostic(file: target, "a folder is in the way of a page of the site; move it out of the output folder")
                    }
                    try FileSystem.makeDirectories(PathText.parent(clearedBackup + "/" + path))
                    try FileSystem.rename(target, clearedBackup + "/" + path)
                    cleared.append(path)
                } else if targetExists {
                    let saved = backup + "/" + path
                    let savedFolder = PathText.parent(saved)
                    if backupDirectories.insert(savedFolder).inserted { try FileSystem.makeDirectories(savedFolder) }
                    if link(target, saved) != 0 { try FileSystem.rename(target, saved) }
                    replaced = true
                }
                do throws(Diagnostic) {
                    try FileSystem.rename(staging.path + "/" + path, target)
                } catch {
                    if replaced, !FileSystem.exists(target) { try? FileSystem.rename(backup + "/" + path, target) }
                    throw error
                }
                moved.append((path, replaced))
            }
        } catch {
            for (path, replaced) in moved.reversed() {
                if replaced {
                    try? FileSystem.rename(backup + "/" + path, output.path + "/" + path)
                } else {
                    unlink(output.path + "/" + path)
                    OutputWriter.removeEmptyParents(of: path, under: output.path)
                }
            }
            for path in cleared.reversed() {
                OutputWriter.removeEmptyParents(of: path + "/x", under: output.path)
                try? FileSystem.rename(clearedBackup + "/" + path, output.path + "/" + path)
            }
            FileSystem.removeTree(backupRoot)
            throw error
        }
        FileSystem.removeTree(backupRoot)
    }

    /// A file of the previous site where this one needs a folder (`img` became `img/a.png`) is set
    /// aside, when the new site no longer has it. Returns the paths set aside.
    private func clearWay(toFolder folder: String, leaving: Set<String>, into clearedBackup: String) throws(Diagnostic) -> [String] {
        var cleared: [String] = []
        var prefix = ""
        for component in folder.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            let existing = output.path + "/" + prefix
            guard FileSystem.exists(existing), !FileSystem.isDirectory(existing) else { continue }
            guard leaving.contains(prefix) else { break } // not ours: makeDirectories reports it
            try FileSystem.makeDirectories(PathText.parent(clearedBackup + "/" + prefix))
            try FileSystem.rename(existing, clearedBackup + "/" + prefix)
            cleared.append(prefix)
        }
        return cleared
    }

    /// Regular files under a folder, relative to it.
    static func filesUnder(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if !FileSystem.isDirectory(folder + "/" + relative) { files.append(relative) }
        }
        return files
    }

    /// Throws the staging folder away; `Output/` stays as it was.
    public func discard() {
        FileSystem.removeTree(staging.path)
        StagingRegistry.remove(staging.path)
    }

    /// Writes the new manifest beside the old one; `commit` renames it into place once the site is.
    private func prepareManifest() throws(Diagnostic) -> String? {
        guard let manifestURL else { return nil }
        let folder = manifestURL.deletingLastPathComponent().path
        try FileSystem.makeDirectories(folder)
        let temporary = manifestURL.path + ".tmp-\(getpid())"
        try FileSystem.write(bytes: Manifest(entries: entries, build: build).serialised(), to: temporary)
        return temporary
    }

    /// Paths come from slugs and theme files; refuse anything that could leave `Output/`.
    static func twoPages(_ path: String) -> Diagnostic {
        Diagnostic(file: path, "two pages of the site would be written to the same file")
    }

    static func alreadyPublished(_ path: String, shown: String) -> Diagnostic {
        Diagnostic(file: shown, "it would be published as \(path), which the site already has (a page briefgen makes, or another file); rename or remove it")
    }

    /// What a build would find as it writes: pages that share a file, and static files or assets
    /// published where a page or another file already is. `check` writes nothing, so it asks here,
    /// in the order a build writes (article pages, the other pages, then the files).
    static func clashes(articlePaths: [String], pagePaths: [String], files: [(path: String, shown: String)]) -> [Diagnostic] {
        var taken = Set(articlePaths)
        var problems: [Diagnostic] = []
        for path in pagePaths where !taken.insert(path).inserted { problems.append(twoPages(path)) }
        for file in files where !taken.insert(file.path).inserted { problems.append(alreadyPublished(file.path, shown: file.shown)) }
        return problems
    }

    static func validate(_ path: String) throws(Diagnostic) {
        guard isSafe(path) else { throw Diagnostic(file: path, "refusing to write outside the output folder") }
    }

    /// Whether a path stays inside the output folder.
    static func isSafe(_ path: String) -> Bool {
        // Over the bytes: every page goes through here. No empty, `.` or `..` component, no NUL.
        var path = path
        let safe = path.withUTF8 { bytes -> Bool in
            guard !bytes.isEmpty else { return false }
            var componentStart = 0
            for index in 0...bytes.count {
                if index < bytes.count {
                    if bytes[index] == 0 { return false }
                    if bytes[index] != UInt8(ascii: "/") { continue }
                }
                let length = index - componentStart
                if length == 0 { return false }
                if length <= 2, bytes[componentStart] == UInt8(ascii: "."), length == 1 || bytes[componentStart + 1] == UInt8(ascii: ".") {
                    return false
                }
                componentStart = index + 1
            }
            return true
        }
        return safe
    }

    /// The folder a link named as the output folder points to. The site goes there, as with
    /// Hugo: swapping the link itself would leave the folder it names unwritten and the link
    /// replaced by a folder, while the build said it succeeded.
    static func followingLink(_ output: URL) throws(Diagnostic) -> URL {
        var info = stat()
        guard lstat(output.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return output }
        guard let target = FileSystem.realPath(output.path) else {
            throw Diagnostic(file: output.path, "the output folder is a link to something that does not exist; create it or choose another --output")
        }
        return URL(fileURLWithPath: target, isDirectory: true)
    }

    /// 255 bytes a name, less the longest addition: `.manifest.previous-` and a PID of 7 digits.
    static let longestOutputName = 255 - ".manifest.previous-".utf8.count - 7

    /// Whether a folder without a manifest may be replaced: it has nothing visible in it, or its
    /// home page says briefgen made it. Any `index.html` was not enough: a GitHub Pages `docs/`
    /// folder has one next to files of its own, and a build swapped them all away. A theme that
    /// drops the generator tag only loses this way back once its cache is gone; the message says
    /// what to do.
    ///
    /// Hidden entries do not count, but those of a home folder (`.bashrc`, `.ssh`) do, or
    /// `--output ~` scattered a site over a home folder.
    static func looksLikeSiteOutput(_ folder: URL) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        let visible = names.filter { !$0.hasPrefix(".") }
        if visible.isEmpty { return homeFolderEntries(in: folder).isEmpty }
        let home = folder.path + "/index.html"
        guard visible.contains("index.html"), !FileSystem.isDirectory(home), let size = FileSystem.size(of: home), size < 1 << 22,
              let bytes = try? FileSystem.read(home, shown: home) else { return false }
        return ByteSearch.contains(generatorTag, in: bytes)
    }

    /// Hidden names that say a folder is someone's home, never a site's: a site's folder may hold
    /// hidden files of many kinds (`.git`, `.keep`, `.vercel`, `.travis.yml`), so only these count.
    static let homeFolderNames: Set<String> = [".bashrc", ".bash_profile", ".bash_history", ".profile", ".zshrc", ".zsh_history",
                                               ".ssh", ".gnupg", ".config", ".cache", ".local"]

    /// The entries of a folder that only a home folder has, sorted.
    static func homeFolderEntries(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { homeFolderNames.contains($0) }.sorted()
    }

    static func hasVisibleEntries(_ folder: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains { !$0.hasPrefix(".") }
    }

    /// What the default layout writes into every page's head.
    static let generatorTag = Array(#"<meta name="generator" content="briefgen">"#.utf8)

    static func removeStaleStagingFolders(in parent: URL, name: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        let output = parent.appendingPathComponent(name).path
        for entry in names.sorted() where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            // Only folders whose build process is gone: a concurrent build keeps its own.
            guard let pid = temporaryOwner(entry, suffixes: [".staging-", ".old-"]), !isRunning(pid) else { continue }
            let folder = parent.appendingPathComponent(entry).path
            // A build killed while it swapped folders: the previous site, set aside with no new one
            // in its place, goes back; hidden entries carried into the staging folder (`.git` of a
            // `gh-pages` worktree) go back to `Output/`. They were never briefgen's to delete.
            if entry == ".\(name).old-\(pid)", !FileSystem.exists(output), (try? FileSystem.rename(folder, output)) != nil { continue }
            if entry == ".\(name).staging-\(pid)", FileSystem.isDirectory(output) {
                _ = try? moveHiddenEntries(from: folder, to: output)
            }
            FileSystem.removeTree(folder)
        }
    }

    /// Removes the files a killed build left in a cache folder: a manifest set aside while files
    /// moved (`.previous-PID`) and files written under a temporary name (`.tmp-PID`). Nothing
    /// reads them again, and each killed build left its own.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in names {
            guard let pid = temporaryOwner(entry, suffixes: [".tmp-", ".previous-"]), !isRunning(pid) else { continue }
            unlink(folder + "/" + entry)
        }
    }

    /// The PID a temporary name ends with (`Output.manifest.tmp-4242`), or nil when the name
    /// does not end in one of `suffixes` and digits: an output folder named `out.tmp-v2` has a
    /// manifest `out.tmp-v2.manifest` that is nobody's temporary.
    static func temporaryOwner(_ entry: String, suffixes: [String]) -> Int32? {
        for suffix in suffixes {
            guard let range = entry.range(of: suffix, options: .backwards) else { continue }
            let digits = entry[range.upperBound...]
            if !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let pid = Int32(digits) { return pid }
        }
        return nil
    }

    /// Whether a process (another build, or this one) still runs. EPERM: it runs, as another user.
    private static func isRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    /// The first folder, on the way to any of `paths`, that is a symbolic link: writing or
    /// deleting through it would touch files outside the output folder. Each folder is looked
    /// at once.
    static func firstLinkedFolder(in root: String, along paths: [String]) -> String? {
        var seen: Set<String> = []
        for path in paths.sorted() {
            var folder = ""
            for component in path.split(separator: "/").dropLast() {
                folder += folder.isEmpty ? String(component) : "/" + component
                guard seen.insert(folder).inserted else { continue }
                var info = stat()
                if lstat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { return folder }
            }
        }
        return nil
    }

    static func removeEmptyParents(of path: String, under root: String) {
        var folder = PathText.parent(path)
        while !folder.isEmpty {
            if rmdir(root + "/" + folder) != 0 { break }
            folder = PathText.parent(folder)
        }
    }
}
