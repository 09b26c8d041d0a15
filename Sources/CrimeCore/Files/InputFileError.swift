import Foundation

/// Why a file could not be read; the sentence names the path.
public enum InputFileError: Error, Equatable, CustomStringConvertible {
    /// The path names a directory, a socket or another thing that holds no bytes to read.
    case notAFile(path: String, kind: String)
    /// The operating system refused an operation; `code` is the `errno` value (`ENOENT`, `EACCES`, ...).
    case system(path: String, code: Int32)

    /// The path the error is about.
    public var path: String {
        switch self {
        case let .notAFile(path, _), let .system(path, _): return path
        }
    }

    /// Why, without the path: "it is a directory", "no such file or directory".
    public var reason: String {
        switch self {
        case let .notAFile(_, kind): return "it is a \(kind), not a file"
        case let .system(_, code): return OutputFileError.reason(code)
        }
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

extension InputFileError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
