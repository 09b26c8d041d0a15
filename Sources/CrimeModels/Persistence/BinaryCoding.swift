import Foundation

/// Appends little-endian numbers, strings and arrays to a byte buffer.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    mutating func write(_ value: String) {
        let bytes = Array(value.utf8)
        write(UInt32(bytes.count))
        data.append(contentsOf: bytes)
    }

    /// A count followed by the values.
    mutating func write(_ values: [Double]) {
        write(UInt64(values.count))
        for v in values { write(v.bitPattern) }
    }

    /// A count followed by the values.
    mutating func write(_ values: [Int32]) {
        write(UInt64(values.count))
        for v in values { write(v) }
    }

    mutating func append(_ bytes: Data) { data.append(bytes) }
}

/// Reads what `BinaryWriter` wrote, throwing `ModelFileError.truncated` past the end.
struct BinaryReader {
    private let data: Data
    private(set) var offset: Int
    let path: String

    init(_ data: Data, path: String) {
        self.data = data
        self.offset = data.startIndex
        self.path = path
    }

    var remaining: Int { data.endIndex - offset }

    mutating func bytes(_ count: Int) throws -> Data {
        guard count >= 0, count <= remaining else { throw ModelFileError.truncated(path: path) }
        defer { offset += count }
        return data[offset..<(offset + count)]
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let raw = try bytes(MemoryLayout<T>.size)
        var value: T = 0
        for (i, b) in raw.enumerated() { value |= T(truncatingIfNeeded: b) << (8 * i) }
        return value
    }

    mutating func readDouble() throws -> Double { Double(bitPattern: try read(UInt64.self)) }

    mutating func readBool() throws -> Bool { try read(UInt8.self) != 0 }

    mutating func readString() throws -> String {
        let count = Int(try read(UInt32.self))
        return String(decoding: try bytes(count), as: UTF8.self)
    }

    mutating func readDoubles() throws -> [Double] {
        let count = try arrayCount(elementSize: 8)
        let raw = try bytes(count * 8)
        return raw.withUnsafeBytes { p in (0..<count).map { Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) } }
    }

    mutating func readInt32s() throws -> [Int32] {
        let count = try arrayCount(elementSize: 4)
        let raw = try bytes(count * 4)
        return raw.withUnsafeBytes { p in (0..<count).map { Int32(littleEndian: p.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) } }
    }

    private mutating func arrayCount(elementSize: Int) throws -> Int {
        let count = try read(UInt64.self)
        guard count <= UInt64(remaining / elementSize) else { throw ModelFileError.truncated(path: path) }
        return Int(count)
    }
}
