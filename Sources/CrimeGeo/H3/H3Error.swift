import Foundation

/// Bad input to the H3 functions: each case says what was wrong and with which value.
public enum H3Error: Error, Equatable, CustomStringConvertible {
    /// A latitude that is NaN, infinite or outside [-90, 90] degrees.
    case latitudeOutOfRange(Double)
    /// A longitude that is NaN or infinite (any finite longitude wraps, as in H3).
    case longitudeOutOfRange(Double)
    /// A resolution outside 0...15.
    case resolutionOutOfRange(Int)
    /// A string that is not the hexadecimal form of a valid H3 cell.
    case invalidString(String)
    /// A 64-bit value that is not a valid H3 cell.
    case invalidCell(UInt64)
    /// A parent resolution finer than the cell, or a child resolution coarser than it.
    case resolutionMismatch(cell: Int, requested: Int)
    /// A negative grid distance.
    case negativeDistance(Int)
    /// A polygon ring with fewer than three vertices.
    case degeneratePolygon(vertices: Int)

    public var description: String {
        switch self {
        case .latitudeOutOfRange(let v): "latitude \(v) is not a number inside [-90, 90] degrees"
        case .longitudeOutOfRange(let v): "longitude \(v) is not a finite number of degrees"
        case .resolutionOutOfRange(let r): "H3 resolution \(r) is outside 0...15"
        case .invalidString(let s): "'\(s)' is not a valid H3 cell index (expected up to 16 hexadecimal digits of a valid cell)"
        case .invalidCell(let v): "0x\(String(v, radix: 16)) is not a valid H3 cell index"
        case .resolutionMismatch(let c, let r): "resolution \(r) cannot be reached from a cell at resolution \(c)"
        case .negativeDistance(let k): "grid distance \(k) is negative"
        case .degeneratePolygon(let n): "polygon ring has \(n) vertices; at least 3 are needed"
        }
    }
}

extension H3Error: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
