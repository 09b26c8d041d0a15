import Foundation

/// A file being written for the user: the one way CrimeKit writes a file someone named.
///
/// - A regular file (or a path that does not exist yet) is written to a hidden temporary file in the same
///   folder and renamed over the target by ``commit()``, so readers see the old content or the complete new
///   content, never a part. An existing target keeps its permission bits (its owner becomes the writer's).
///   Until `commit()` succeeds the target is untouched, and on every failure, or when the handle is
///   dropped without `commit()`, the temporary is removed.
/// - Symbolic links are followed: the file they point to is replaced and the links survive. A link that
///   points nowhere creates the file it points to.
/// - Character devices (`/dev/null`, a terminal) and FIFOs are written to directly, without a temporary.
///   A FIFO that no process is reading is refused rather than waited on. So is anything named through
///   `/dev` or `/proc`: `/dev/stdout` redirected to a file appends to the redirection's file.
/// - Directories, block devices and sockets are refused.
///
/// Every failure is an ``OutputFileError`` whose sentence names the path and the reason, e.g.
/// "cannot write /data/out.csv: no space left on device".
///
/// ```swift
/// try OutputFile.write("a,b\n1,2\n", to: url)         // whole content at once
/// try OutputFile.write(to: url) { file in              // streaming
///     for row in rows { try file.write(row) }
/// }
/// ```
public final class OutputFile {
    /// The path as the caller gave it (used in errors).
    public let path: String
    private let target: OutputTarget
    private var descriptor: Int32
    private var temporary: String?

    /// Opens `url` for writing; nothing visible changes at a regular-file target until ``commit()``.
    public init(url: URL) throws {
        path = url.path
        target = try OutputTarget.resolve(url.path)
        switch target {
        case let .stream(streamPath):
            temporary = nil
            descriptor = open(streamPath, O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw errno == ENXIO ? OutputFileError.noReader(path: path) : OutputFileError.system(path: path, code: errno)
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        case let .regular(finalPath, mode):
            let folder = (finalPath as NSString).deletingLastPathComponent
            let name = ".\((finalPath as NSString).lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
            let temporaryPath = (folder.isEmpty ? "" : folder + "/") + name
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw OutputFileError.system(path: path, code: errno) }
            temporary = temporaryPath
            if let mode, fchmod(descriptor, mode) != 0 {
                let code = errno
                discard()
                throw OutputFileError.system(path: path, code: code)
            }
        }
    }

    deinit { discard() }

    /// Writes all of `bytes`; a failure (disk full, device error) discards the file and throws.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw OutputFileError.system(path: path, code: EBADF) }
        var offset = 0
        while offset < bytes.count {
            let written = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                discard()
                throw OutputFileError.system(path: path, code: code)
            }
            offset += written
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Writes all of `data`.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Closes the file and, for a regular file, renames the temporary over the target. A failure discards
    /// the temporary and leaves the target as it was.
    public func commit() throws {
        guard descriptor >= 0 else { throw OutputFileError.system(path: path, code: EBADF) }
        let closed = close(descriptor)
        let closeCode = errno
        descriptor = -1
        guard closed == 0 else {
            discard()
            throw OutputFileError.system(path: path, code: closeCode)
        }
        guard let temporary, case let .regular(finalPath, _) = target else { return }
        guard rename(temporary, finalPath) == 0 else {
            let code = errno
            discard()
            throw OutputFileError.system(path: path, code: code)
        }
        self.temporary = nil
    }

    /// Closes the file without committing and removes the temporary, if any.
    fileprivate func discard() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        if let temporary { unlink(temporary); self.temporary = nil }
    }
}

/// The system `write`, outside `OutputFile` whose methods shadow the name.
private func writeBytes(_ descriptor: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, start, count)
}

extension OutputFile {
    /// Creates the file, lets `body` write it, then commits; if `body` throws, nothing is committed and the
    /// temporary is removed.
    public static func write(to url: URL, _ body: (OutputFile) throws -> Void) throws {
        let file = try OutputFile(url: url)
        defer { file.discard() }
        try body(file)
        try file.commit()
    }

    /// Writes `data` as the whole content of `url`.
    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { try $0.write(data) }
    }

    /// Writes `text` as UTF-8 as the whole content of `url`.
    public static func write(_ text: String, to url: URL) throws {
        try write(to: url) { try $0.write(text) }
    }

    /// Writes `bytes` as the whole content of `url`.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try write(to: url) { try $0.write(bytes) }
    }
}
