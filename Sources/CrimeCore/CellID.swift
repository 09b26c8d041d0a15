/// A spatial cell: an H3 index, a packed grid row/column, or a polygon's ordinal.
///
/// The meaning of the 64 bits belongs to the `SpatialIndex` that made the cell;
/// ask that index for the cell's label and geometry.
public struct CellID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The raw 64-bit value.
    public var rawValue: UInt64

    /// Wraps a raw 64-bit value.
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// Packs a grid row and column (each below 2³²) into one cell.
    public init(row: Int, column: Int) {
        rawValue = UInt64(UInt32(truncatingIfNeeded: row)) << 32 | UInt64(UInt32(truncatingIfNeeded: column))
    }

    /// The row of a cell packed by `init(row:column:)`.
    public var row: Int { Int(rawValue >> 32) }
    /// The column of a cell packed by `init(row:column:)`.
    public var column: Int { Int(rawValue & 0xFFFF_FFFF) }

    public static func < (a: CellID, b: CellID) -> Bool { a.rawValue < b.rawValue }
    public var description: String { String(rawValue, radix: 16) }
}
