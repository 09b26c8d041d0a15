import CrimeCore
import Foundation

/// Writes to standard output with a sentence on failure ("cannot write standard output: no space left
/// on device") instead of the trap `FileHandle.write` would end the process with. Text already given to
/// `print` is flushed first, so the order is kept.
enum StandardOutput {
    /// Writes what `print` still buffers; a failure (a full disk behind a redirection) is an error instead
    /// of lost output and exit status 0.
    static func flush() throws {
        guard fflush(nil) == 0 else { throw OutputFileError.system(path: "standard output", code: errno) }
    }

    /// Writes `text` at once.
    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    /// Writes `bytes` at once.
    static func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        fflush(nil)
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError.system(path: "standard output", code: errno)
            }
            offset += written
        }
    }
}
