import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The staging folders of the builds running in this process, so that Ctrl-C during a build
/// removes the folder beside `Output/` rather than leaving it (as large as the site) for the next
/// build to find, or for a `git add -A` to commit.
public enum StagingRegistry {
    private struct State: ~Copyable {
        var folders: Set<String> = []
        var committing = 0
        /// Set once a stop has begun: no commit may start after it.
        var stopping = false
    }

    private static let state = Mutex(State())

    static func add(_ folder: String) {
        state.withLock { _ = $0.folders.insert(folder) }
    }

    static func remove(_ folder: String) {
        state.withLock { _ = $0.folders.remove(folder) }
    }

    /// While a commit moves files into `Output/` (and a fresh one carries `Output/.git` through
    /// the staging folder), removing that folder would lose files. False once a stop has begun:
    /// the process is about to exit, and the commit must not start.
    static func beginCommit() -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.committing += 1
            return true
        }
    }

    static func endCommit() {
        state.withLock { $0.committing -= 1 }
    }

    /// Whether a stop has begun: the build's failures from then on are the stop's doing, and the
    /// thread removing the staging folder ends the process.
    public static var isStopping: Bool {
        state.withLock { $0.stopping }
    }

    /// Begins a stop unless a commit is under way, in one step: a commit cannot start between
    /// the check and the removal.
    public static func stopUnlessCommitting() -> Bool {
        state.withLock { state in
            guard state.committing == 0 else { return false }
            state.stopping = true
            return true
        }
    }

    /// Removes every staging folder of this process, unless a commit is under way (the caller
    /// waits for it to end first). Each folder is first renamed: pages still being written
    /// create their files and folders under its old name, so none can appear in the tree being
    /// removed. The new name is one the next build's clean-up knows.
    public static func removeAll() {
        guard stopUnlessCommitting() else { return }
        let folders = state.withLock { $0.folders }
        for folder in folders {
            let doomed = folder.replacingOccurrences(of: ".staging-\(getpid())", with: ".staging-stopped.old-\(getpid())")
            FileSystem.removeTree(rename(folder, doomed) == 0 ? doomed : folder)
        }
    }
}
