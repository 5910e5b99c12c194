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
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Diagnostic(file: path, "cannot create the file: \(errorText())") }
        defer { close(descriptor) }
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

    /// `mkdir -p`; existing folders are fine.
    static func makeDirectories(_ path: String) throws(Diagnostic) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Diagnostic(file: path, "cannot create the folder: \(errorText())") }
        let parent = (path as NSString).deletingLastPathComponent
        if parent.isEmpty || parent == path { throw Diagnostic(file: path, "cannot create the folder: \(errorText())") }
        try makeDirectories(parent)
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

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func copyFile(_ source: String, to destination: String) throws(Diagnostic) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: source), options: .mappedIfSafe)
        } catch {
            throw Diagnostic(file: source, "cannot read the file: \(SourceText.reason(error))")
        }
        try withBytes(of: data) { buffer throws(Diagnostic) in try write(buffer, to: destination) }
    }

    /// `Data.withUnsafeBytes` keeping the typed error (the standard library's `rethrows` loses it).
    static func withBytes<R>(of data: Data, _ body: (UnsafeRawBufferPointer) throws(Diagnostic) -> R) throws(Diagnostic) -> R {
        let result: Result<R, Diagnostic> = data.withUnsafeBytes { buffer in
            do throws(Diagnostic) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
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
