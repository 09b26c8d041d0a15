import Foundation

/// Builds a model payload: little-endian scalars and arrays appended in order.
public struct ArchiveWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty payload.
    public init() {}

    /// Appends a fixed-width integer, little-endian.
    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a `Double` as its IEEE-754 bits, little-endian.
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    /// Appends a `Bool` as one byte.
    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    /// Appends a UTF-8 string preceded by its byte count (UInt32).
    public mutating func write(_ value: String) {
        let utf8 = Array(value.utf8)
        write(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Appends an array preceded by its element count (UInt64), elements little-endian.
    public mutating func write<T: FixedWidthInteger>(_ values: [T]) {
        write(UInt64(values.count))
        for v in values { write(v) }
    }

    /// Appends an array of `Double` preceded by its element count (UInt64).
    public mutating func write(_ values: [Double]) {
        write(UInt64(values.count))
        for v in values { write(v.bitPattern) }
    }
}
