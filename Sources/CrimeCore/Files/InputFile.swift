import Foundation

/// Reads a whole user-named file with ``InputFileError`` sentences ("cannot read /x: it is a directory")
/// instead of Foundation's error codes. Regular files, FIFOs and character devices (`/dev/stdin`) are read;
/// directories and sockets are refused.
public enum InputFile {
    /// The bytes of the file at `url`.
    public static func read(_ url: URL) throws(InputFileError) -> Data {
        let path = url.path
        let (descriptor, size) = try open(path)
        defer { close(descriptor) }
        var data = Data(capacity: size ?? 0)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let count = try readSome(descriptor, into: chunk, path: path)
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// A descriptor open for reading on `path` (the caller closes it) and the size of a regular file.
    package static func open(_ path: String) throws(InputFileError) -> (descriptor: Int32, size: Int?) {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path: path, code: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw .system(path: path, code: code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (descriptor, Int(info.st_size))
        case S_IFIFO, S_IFCHR, S_IFBLK: return (descriptor, nil)
        case S_IFDIR:
            close(descriptor)
            throw .notAFile(path: path, kind: "directory")
        default:
            close(descriptor)
            throw .notAFile(path: path, kind: "socket or special file")
        }
    }

    /// Reads up to `buffer.count` bytes from `descriptor`, retrying on EINTR; 0 at the end of the file.
    package static func readSome(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                                 path: String) throws(InputFileError) -> Int {
        while true {
            let count = readBytes(descriptor, buffer.baseAddress!, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .system(path: path, code: errno) }
        }
    }
}

/// The system `open`, under a name no Swift method shadows.
private func openFile(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

/// The system `read`, under a name no Swift method shadows.
private func readBytes(_ descriptor: Int32, _ start: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, start, count)
}
