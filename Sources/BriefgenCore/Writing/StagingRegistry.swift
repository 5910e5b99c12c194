import Synchronization

/// The staging folders of the builds running in this process, so that Ctrl-C during a build
/// removes the folder beside `Output/` rather than leaving it (as large as the site) for the next
/// build to find, or for a `git add -A` to commit.
public enum StagingRegistry {
    private struct State: ~Copyable {
        var folders: Set<String> = []
        var committing = 0
    }

    private static let state = Mutex(State())

    static func add(_ folder: String) {
        state.withLock { _ = $0.folders.insert(folder) }
    }

    static func remove(_ folder: String) {
        state.withLock { _ = $0.folders.remove(folder) }
    }

    /// While a commit moves files into `Output/`, stopping would leave it half old, half new.
    static func beginCommit() {
        state.withLock { $0.committing += 1 }
    }

    static func endCommit() {
        state.withLock { $0.committing -= 1 }
    }

    public static var isCommitting: Bool {
        state.withLock { $0.committing > 0 }
    }

    /// Removes every staging folder of this process. The pages being written meanwhile cannot
    /// bring one back: they create folders below a staging folder, never the folder itself.
    public static func removeAll() {
        let folders = state.withLock { $0.folders }
        for folder in folders {
            for _ in 0..<3 where FileSystem.exists(folder) { FileSystem.removeTree(folder) }
        }
    }
}
