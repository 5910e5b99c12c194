import Foundation

/// The text of one content file, decoded and normalised the same way for every reader.
///
/// Editors paste from word processors and web pages: byte order marks, Windows line endings and
/// stray invalid bytes are common. Normalising here means no reader has to think about them, and
/// invalid UTF-8 is reported with the line it is on instead of being silently replaced.
public struct SourceText: Sendable {
    /// Path as shown in messages (relative to the folder the user named).
    public let path: String
    /// The text with any BOM removed and CRLF/CR line endings turned into LF.
    public let text: String
    /// Hash of the file's bytes: what caches key on to know the file did not change.
    public let hash: ContentHash

    public init(path: String, text: String, hash: ContentHash? = nil) {
        self.path = path
        self.text = SourceText.normalise(text)
        self.hash = hash ?? ContentHash(text)
    }

    /// Reads and decodes a file. Read with `open` and `read`, so the error says why in the
    /// system's words ("it is a folder", "Permission denied"), not Foundation's error 256.
    public static func read(fileAt url: URL, displayPath: String) throws(Diagnostic) -> SourceText {
        try decode(try FileSystem.read(url.path, shown: displayPath), path: displayPath)
    }

    /// Decodes bytes as UTF-8, naming the line of the first invalid byte.
    public static func decode(_ data: Data, path: String) throws(Diagnostic) -> SourceText {
        try decode([UInt8](data), path: path)
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> SourceText {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: Data(bytes))
            throw Diagnostic(file: path, line: line, column: column, "the file is not valid UTF-8 (save it as UTF-8 text)")
        }
        return SourceText(path: path, text: text, hash: hash(of: bytes))
    }

    /// Hash of raw file bytes, the same whether or not the file was decoded.
    public static func hash(of data: Data) -> ContentHash {
        data.withUnsafeBytes { ContentHash($0.bindMemory(to: UInt8.self)) }
    }

    public static func hash(of bytes: [UInt8]) -> ContentHash {
        bytes.withUnsafeBufferPointer { ContentHash($0) }
    }

    static func normalise(_ text: String) -> String {
        var text = text
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        // "\r\n" is a single Character in Swift, so a plain contains("\r") misses it; look at the
        // bytes, with memchr (a byte loop over the UTF-8 view was a quarter of reading time).
        let hasCarriageReturn = text.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return ControlCharacters.replaced(in: text) ?? text
    }

    /// Line and column (1-based, in bytes) of the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count { return (line, index - lineStart + 1) }
            if length > 1 {
                let tail = bytes[(index + 1)..<(index + length)]
                if tail.contains(where: { $0 & 0xC0 != 0x80 }) { return (line, index - lineStart + 1) }
                // Overlong and surrogate forms are invalid too; let the validator have the final say.
                if String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                    return (line, index - lineStart + 1)
                }
            }
            if byte == 10 {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
