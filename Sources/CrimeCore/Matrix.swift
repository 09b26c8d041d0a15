import Foundation

/// A dense row-major matrix of `Double`.
///
/// `Matrix(rows:columns:values:)` never throws so that literals stay short; a value count that does
/// not match the shape (or a negative shape) is reported by ``validate()``, which every library
/// operation that takes a matrix from its caller (fits, predictions, scalers, feature tables,
/// forecast histories) calls first, so a malformed matrix is a ``MatrixError`` there, never a crash.
/// The element accessors (the subscript, ``row(_:)``, ``column(_:)``, ``transposed()``) do not check:
/// on a matrix that fails ``validate()`` they may trap. Code that builds a matrix from sizes it was
/// given (a file, a flag) uses ``init(rows:columns:checking:)`` to get the error at construction.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, row after row.
    public internal(set) var values: [Double]

    /// Wraps row-major values. A count other than `rows × columns` makes ``validate()`` throw.
    public init(rows: Int, columns: Int, values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Wraps row-major values, throwing when their count does not match the shape.
    public init(rows: Int, columns: Int, checking values: [Double]) throws {
        self.init(rows: rows, columns: columns, values: values)
        try validate()
    }

    /// A matrix filled with one value.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: max(rows, 0), columns: max(columns, 0),
                  values: Array(repeating: value, count: max(rows, 0) * max(columns, 0)))
    }

    /// Stacks rows of equal length; throws when they differ.
    public init(rowVectors: [[Double]]) throws {
        let width = rowVectors.first?.count ?? 0
        var flat: [Double] = []
        flat.reserveCapacity(width * rowVectors.count)
        for (i, row) in rowVectors.enumerated() {
            guard row.count == width else { throw MatrixError.raggedRow(row: i, expected: width, got: row.count) }
            flat.append(contentsOf: row)
        }
        self.init(rows: rowVectors.count, columns: width, values: flat)
    }

    /// Throws when the shape is negative or does not match the number of values.
    public func validate() throws {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, values.count == count else {
            throw MatrixError.valueCountMismatch(rows: rows, columns: columns, count: values.count)
        }
    }

    /// The entry at row `i`, column `j`.
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// A copy of row `i`.
    public func row(_ i: Int) -> [Double] { Array(values[(i * columns)..<((i + 1) * columns)]) }

    /// A copy of column `j`.
    public func column(_ j: Int) -> [Double] { (0..<rows).map { values[$0 * columns + j] } }

    /// The transpose.
    public func transposed() -> Matrix {
        var out = [Double](repeating: 0, count: values.count)
        for i in 0..<rows {
            for j in 0..<columns { out[j * rows + i] = values[i * columns + j] }
        }
        return Matrix(rows: columns, columns: rows, values: out)
    }

    /// The rows at the given indices, in that order.
    public func selectingRows(_ indices: [Int]) throws -> Matrix {
        try validate()
        var out: [Double] = []
        out.reserveCapacity(indices.count * columns)
        for i in indices {
            guard i >= 0, i < rows else { throw MatrixError.indexOutOfRange(index: i, count: rows) }
            out.append(contentsOf: values[(i * columns)..<((i + 1) * columns)])
        }
        return Matrix(rows: indices.count, columns: columns, values: out)
    }
}

/// Shape and index errors of `Matrix` and `Tensor` operations.
public enum MatrixError: Error, Equatable, CustomStringConvertible {
    /// The value count does not equal the product of the shape.
    case valueCountMismatch(rows: Int, columns: Int, count: Int)
    /// Two operands have shapes that cannot be combined.
    case shapeMismatch(String)
    /// Rows given to `init(rowVectors:)` differ in length.
    case raggedRow(row: Int, expected: Int, got: Int)
    /// A row index outside the matrix.
    case indexOutOfRange(index: Int, count: Int)
    /// A LAPACK routine reported failure.
    case lapack(routine: String, info: Int)

    public var description: String {
        switch self {
        case let .valueCountMismatch(r, c, n):
            let (needed, overflow) = r.multipliedReportingOverflow(by: c)
            guard r >= 0, c >= 0, !overflow else { return "a \(r)×\(c) matrix is not a shape a matrix can have (got \(n) values)" }
            return "a \(r)×\(c) matrix needs \(needed) values, got \(n)"
        case let .shapeMismatch(s): return "shape mismatch: \(s)"
        case let .raggedRow(row, e, g): return "row \(row) has \(g) values, expected \(e)"
        case let .indexOutOfRange(i, n): return "index \(i) is outside 0..<\(n)"
        case let .lapack(routine, info): return LAPACKFailure.sentence(routine: routine, info: info)
        }
    }
}

extension MatrixError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
