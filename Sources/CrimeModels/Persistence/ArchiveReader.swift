import Foundation

/// Reads a model payload written by ``ArchiveWriter``, throwing ``ArchiveError`` instead of
/// reading past the end.
public struct ArchiveReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0
    /// The file the payload came from, for error messages.
    public let path: String

    /// A reader over `bytes` from `path`.
    package init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// Reads a fixed-width little-endian integer.
    public mutating func read<T: FixedWidthInteger>(_ type: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw ArchiveError.truncated(path: path) }
        var value = T.zero
        for k in 0..<size { value |= T(bytes[offset + k]) << (8 * k) }
        offset += size
        return value
    }

    /// Reads a `Double`.
    public mutating func readDouble() throws -> Double { Double(bitPattern: try read(UInt64.self)) }

    /// Reads a `Bool`.
    public mutating func readBool() throws -> Bool {
        let b = try read(UInt8.self)
        guard b <= 1 else { throw ArchiveError.corruptPayload(path: path, reason: "flag byte \(b)") }
        return b == 1
    }

    /// Reads a string written by ``ArchiveWriter/write(_:)-(String)``.
    public mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        guard bytes.count - offset >= count else { throw ArchiveError.truncated(path: path) }
        defer { offset += count }
        guard let s = String(validating: bytes[offset..<(offset + count)], as: UTF8.self) else {
            throw ArchiveError.corruptPayload(path: path, reason: "a string is not UTF-8")
        }
        return s
    }

    /// Reads an integer array written with its count.
    public mutating func readArray<T: FixedWidthInteger>(_ type: T.Type) throws -> [T] {
        let size = MemoryLayout<T>.size
        let count = try readCount(elementSize: size)
        let start = offset
        offset += count * size
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: start + $0 * size, as: T.self)) }
        }
    }

    /// Reads a `Double` array written with its count.
    public mutating func readDoubles() throws -> [Double] {
        try readArray(UInt64.self).map { Double(bitPattern: $0) }
    }

    private mutating func readCount(elementSize: Int) throws -> Int {
        let count = try read(UInt64.self)
        guard count <= UInt64(bytes.count - offset) / UInt64(elementSize) else { throw ArchiveError.truncated(path: path) }
        return Int(count)
    }
}
