import Foundation

/// A buffered writer of UTF-8 bytes to a file, flushed every megabyte.
struct ByteWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    let path: String

    /// Creates (or truncates) the file.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw SyntheticCityError.badSetting("cannot write '\(path)'")
        }
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(1 << 20 + 4096)
    }

    /// Appends text.
    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flushBuffer() }
    }

    /// Appends a CSV field, quoted per RFC 4180 when it holds a comma, quote or line break.
    mutating func writeField(_ text: String) {
        if text.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
            write("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        } else {
            write(text)
        }
    }

    private mutating func flushBuffer() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    mutating func close() throws {
        flushBuffer()
        try handle.close()
    }
}
