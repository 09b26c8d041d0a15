import Foundation

/// What a user-named output path turns out to be once symbolic links are followed.
enum OutputTarget {
    /// A regular file, existing (with its permission bits) or not yet created, at its resolved path.
    case regular(path: String, mode: mode_t?)
    /// A character device or a FIFO (`/dev/null`, a terminal, a named pipe), or a descriptor named through
    /// `/dev` or `/proc` (`/dev/stdout` redirected to a file): written to in place, appending.
    case stream(path: String)

    /// Follows `path` to what it names. Missing files are fine (their folder is checked when the file is
    /// created); directories, block devices and sockets are refused.
    static func resolve(_ path: String) throws -> OutputTarget {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG where path.hasPrefix("/dev/") || path.hasPrefix("/proc/"):
                return .stream(path: path)
            case S_IFREG:
                guard let real = realpath(path, nil) else { throw OutputFileError.system(path: path, code: errno) }
                defer { free(real) }
                return .regular(path: String(cString: real), mode: info.st_mode & 0o7777)
            case S_IFDIR: throw OutputFileError.isDirectory(path: path)
            case S_IFCHR, S_IFIFO: return .stream(path: path)
            case S_IFBLK: throw OutputFileError.unsupportedTarget(path: path, kind: "block device")
            case S_IFSOCK: throw OutputFileError.unsupportedTarget(path: path, kind: "socket")
            default: throw OutputFileError.unsupportedTarget(path: path, kind: "special file")
            }
        }
        guard errno == ENOENT else { throw OutputFileError.system(path: path, code: errno) }
        return .regular(path: try danglingLinkTarget(path), mode: nil)
    }

    /// The file a chain of symbolic links ending nowhere would create (`path` itself when it is no link).
    private static func danglingLinkTarget(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { throw OutputFileError.system(path: path, code: errno) }
            let link = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : (current as NSString).deletingLastPathComponent + "/" + link
        }
        throw OutputFileError.system(path: path, code: ELOOP)
    }
}
