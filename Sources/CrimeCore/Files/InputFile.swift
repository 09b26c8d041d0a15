import Foundation

/// Reads a whole user-named file with ``InputFileError`` sentences ("cannot read /x: it is a directory")
/// instead of Foundation's error codes. Regular files, FIFOs and character devices (`/dev/stdin`) are read;
/// directories and sockets are refused.
public enum InputFile {
    /// The bytes of the file at `url`.
    public static func read(_ url: URL) throws(InputFileError) -> Data {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path: path, code: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(path: path, code: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFIFO, S_IFCHR, S_IFBLK: break
        case S_IFDIR: throw .notAFile(path: path, kind: "directory")
        default: throw .notAFile(path: path, kind: "socket or special file")
        }
        var data = Data(capacity: info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress!, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(path: path, code: errno)
            }
            data.append(contentsOf: chunk[0..<count])
        }
    }
}

/// The system `read`, under a name no Swift method shadows.
private func readBytes(_ descriptor: Int32, _ start: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, start, count)
}
