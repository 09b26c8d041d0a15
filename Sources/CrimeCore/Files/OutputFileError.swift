import Foundation

/// Why a file or folder could not be written; every sentence names the path.
public enum OutputFileError: Error, Equatable, CustomStringConvertible {
    /// The path names a directory.
    case isDirectory(path: String)
    /// The path names something that is neither a regular file, a character device nor a FIFO
    /// (a block device or a socket), which CrimeKit does not write to.
    case unsupportedTarget(path: String, kind: String)
    /// The path names a FIFO that no process has open for reading, so writing would wait forever.
    case noReader(path: String)
    /// A folder was to be created where something that is not a folder exists.
    case notAFolder(path: String)
    /// The operating system refused to create a folder; `code` is the `errno` value.
    case folder(path: String, code: Int32)
    /// The operating system refused an operation; `code` is the `errno` value (`ENOSPC`, `EACCES`, ...).
    case system(path: String, code: Int32)

    /// The path the error is about.
    public var path: String {
        switch self {
        case let .isDirectory(path), let .unsupportedTarget(path, _), let .noReader(path), let .notAFolder(path),
             let .folder(path, _), let .system(path, _): return path
        }
    }

    public var description: String {
        switch self {
        case let .isDirectory(path): return "cannot write \(path): it is a directory; give a file name"
        case let .unsupportedTarget(path, kind): return "cannot write \(path): it is a \(kind), not a file"
        case let .noReader(path): return "cannot write \(path): it is a FIFO that no process is reading"
        case let .notAFolder(path): return "cannot create the folder \(path): a file with that name exists"
        case let .folder(path, code): return "cannot create the folder \(path): \(Self.reason(code))"
        case let .system(path, code): return "cannot write \(path): \(Self.reason(code))"
        }
    }

    /// The system's text for `code` with a lowercase first letter, e.g. "no space left on device".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension OutputFileError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
