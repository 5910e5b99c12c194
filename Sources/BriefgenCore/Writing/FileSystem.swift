import CBriefgenSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Thin POSIX wrappers: page writing is the hottest I/O path, and these avoid Foundation's
/// per-call overhead. Errors come back as readable sentences.
enum FileSystem {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Writes bytes to a new file (replacing any), creating no directories.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(Diagnostic) {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// What tells a file of `Output/` from one put in its place or edited since: size,
    /// modification time in nanoseconds and inode (renaming keeps the last two).
    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int
        var inode: UInt64

        init(_ info: stat) {
            size = Int(info.st_size)
            modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
    }

    /// Writes a new file and returns its stamp, read from the open file once the bytes are in.
    static func writeStamped(_ bytes: UnsafeRawBufferPointer, to path: String) throws(Diagnostic) -> Stamp {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
        return try stamp(ofOpen: descriptor, path: path)
    }

    /// The stamp of a file, or nil when it cannot be looked at (it was deleted).
    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    private static func stamp(ofOpen descriptor: Int32, path: String) throws(Diagnostic) -> Stamp {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Diagnostic(file: path, "cannot look at the file just written: \(errorText())") }
        return Stamp(info)
    }

    /// A new file (replacing any) open for writing.
    private static func create(_ path: String) throws(Diagnostic) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Diagnostic(file: path, "cannot create the file: \(errorText())") }
        return descriptor
    }

    /// All of `bytes`, however many calls `write` takes.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws(Diagnostic) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(file: path, "cannot write the file: \(errorText())")
            }
            offset += count
        }
    }

    static func write(bytes: [UInt8], to path: String) throws(Diagnostic) {
        let result: Result<Void, Diagnostic> = bytes.withUnsafeBytes { buffer in
            do throws(Diagnostic) { try write(buffer, to: path); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    /// A whole file's bytes. Errors name `shown`, the path as the user knows it, and call the file
    /// `noun` ("file", "asset").
    static func read(_ path: String, shown: String, noun: String = "file") throws(Diagnostic) -> [UInt8] {
        let (descriptor, size) = try openRegularFile(path, shown: shown, noun: noun)
        defer { close(descriptor) }
        // Read into a buffer one byte larger than the file, so a file that grew meanwhile is seen.
        var bytes: [UInt8] = []
        var chunk = size + 1
        while true {
            var failed = false
            var reachedEnd = false
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialised in
                var total = 0
                while total < chunk {
                    let count = Glibc.read(descriptor, buffer.baseAddress! + total, chunk - total)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failed = true
                        break
                    }
                    if count == 0 { reachedEnd = true; break }
                    total += count
                }
                initialised = total
            }
            if failed { throw Diagnostic(file: shown, "cannot read the file: \(errorText())") }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            if reachedEnd { return bytes }
            chunk = 1 << 16
        }
    }

    /// Opens a file for reading and returns it with its size, refusing anything but a regular file.
    ///
    /// A FIFO among the sources would block `open` until some other program wrote to it, and a
    /// link to a device such as `/dev/zero` would be read until memory ran out; either hung the
    /// build. `O_NONBLOCK` lets `open` return at once for a FIFO, and `fstat` on what was opened
    /// (not on the path, which may change in between) says what it is. Regular files ignore the
    /// flag, so reading them is as before.
    static func openRegularFile(_ path: String, shown: String, noun: String = "file") throws(Diagnostic) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Diagnostic(file: shown, "cannot read the \(noun): \(openFailure(path))") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let problem = errorText()
            close(descriptor)
            throw Diagnostic(file: shown, "cannot read the \(noun): \(problem)")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            if kind == S_IFDIR { throw Diagnostic(file: shown, "cannot read the \(noun): it is a folder") }
            throw Diagnostic(file: shown, "cannot read the \(noun): it is not a regular file (\(describe(kind)))")
        }
        // Reads then block as usual: local file systems ignore the flag on regular files, but
        // some FUSE and network ones honour it and could answer EAGAIN.
        _ = fcntl(descriptor, F_SETFL, 0)
        return (descriptor, max(Int(info.st_size), 0))
    }

    /// Calls `body` with a regular file's bytes a megabyte at a time, in order: a static video
    /// of gigabytes is hashed and copied without holding it whole. Not mapped: a file truncated
    /// while mapped (an editor saving over an asset during a `serve` rebuild) kills the process
    /// with SIGBUS. A file that changes meanwhile gives what was read.
    static func forEachChunk(_ path: String, shown: String, noun: String = "file",
                             _ body: (UnsafeBufferPointer<UInt8>) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let (descriptor, _) = try openRegularFile(path, shown: shown, noun: noun)
        defer { close(descriptor) }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress!, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(file: shown, "cannot read the \(noun): \(errorText())")
            }
            if count == 0 { return }
            try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The hash of a file's bytes, read a chunk at a time: the same as `ContentHash(bytes)`.
    static func hash(ofFile path: String, shown: String, noun: String = "file") throws(Diagnostic) -> ContentHash {
        var stream = ContentHash.Stream()
        try forEachChunk(path, shown: shown, noun: noun) { stream.feed($0) }
        return stream.finish()
    }

    /// Why `open` or `stat` failed, in the system's words; for a name that was not valid UTF-8,
    /// which the folder listing had to show with U+FFFD and so could not be opened again, why that is.
    static func openFailure(_ path: String, _ code: Int32 = errno) -> String {
        if code == ENOENT, path.unicodeScalars.contains("\u{FFFD}") {
            return "its name is not valid UTF-8 (shown here with \u{FFFD}); rename it"
        }
        return errorText(code)
    }

    /// Why `stat` fails on `path`, asked again now: an earlier failure's `errno` may belong to
    /// another call by the time the message is made (the article pass stats every file on other
    /// threads first), and an unrelated "Invalid argument" was reported.
    static func statFailure(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) != 0 else { return "it changed while being read; build again" }
        return openFailure(path, errno)
    }

    /// What a file that is neither a regular file nor a folder is, for messages.
    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// The names in a folder (without `.` and `..`), each with whether it is a folder (a link
    /// counts as what it leads to) and whether it is a symbolic link, sorted so that every build
    /// sees files in the same order.
    static func list(_ path: String) -> [(name: String, isDirectory: Bool, isLink: Bool)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, isDirectory: Bool, isLink: Bool)] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, true, false))
            case Int32(DT_REG): entries.append((name, false, false))
            case Int32(DT_LNK): entries.append((name, FileSystem.isDirectory(path + "/" + name), true))
            default: // file systems without d_type
                entries.append((name, FileSystem.isDirectory(path + "/" + name), FileSystem.isLink(path + "/" + name)))
            }
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// `mkdir -p`; existing folders are fine.
    /// Makes `path` and the folders above it that are missing; with a `root`, only those below
    /// it, never the root itself: a staging folder removed by Ctrl-C must stay removed while pages
    /// are still being written into it.
    static func makeDirectories(_ path: String, below root: String? = nil) throws(Diagnostic) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Diagnostic(file: path, "cannot create the folder: \(errorText())") }
        let parent = PathText.parent(path)
        if parent.isEmpty || parent == path || parent == root { throw Diagnostic(file: path, "cannot create the folder: \(errorText())") }
        try makeDirectories(parent, below: root)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Diagnostic(file: path, "cannot create the folder: \(errorText())")
        }
    }

    static func rename(_ from: String, _ to: String) throws(Diagnostic) {
        guard Glibc.rename(from, to) == 0 else {
            throw Diagnostic(file: to, "cannot move \(from) into place: \(errorText())")
        }
    }

    /// Swaps two folders in one step where the kernel can; false when it cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        briefgen_exchange_paths(a, b) == 0
    }

    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the path, links followed, names something.
    static func exists(following path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Best effort. A folder without write permission (a read-only `Output/` that was swapped out)
    /// is made writable by its owner first, so it does not stay behind as clutter.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        guard exists(path) else { return }
        chmod(path, 0o700)
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            while let relative = enumerator.nextObject() as? String {
                if isDirectory(path + "/" + relative) { chmod(path + "/" + relative, 0o700) }
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Read by `forEachChunk`, so a FIFO or device that took a regular file's place since the
    /// assets were collected fails instead of blocking or never ending.
    @discardableResult
    static func copyFile(_ source: String, to destination: String) throws(Diagnostic) -> Stamp {
        let descriptor = try create(destination)
        defer { close(descriptor) }
        try forEachChunk(source, shown: source) { chunk throws(Diagnostic) in
            try writeAll(UnsafeRawBufferPointer(chunk), to: descriptor, path: destination)
        }
        return try stamp(ofOpen: descriptor, path: destination)
    }

    /// `String.withUTF8` keeping the typed error.
    static func withUTF8<R>(of text: String, _ body: (UnsafeRawBufferPointer) throws(Diagnostic) -> R) throws(Diagnostic) -> R {
        var text = text
        let result: Result<R, Diagnostic> = text.withUTF8 { buffer in
            do throws(Diagnostic) { return .success(try body(UnsafeRawBufferPointer(buffer))) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
