import Foundation

/// A small column-oriented table for model formulas: named columns of numbers or text, all one length.
public struct DataTable: Sendable, Equatable {
    /// One column's values.
    public enum Column: Sendable, Equatable {
        /// Numbers (an empty CSV field reads as NaN).
        case numeric([Double])
        /// Text, used as a categorical.
        case text([String])

        /// The number of values.
        public var count: Int {
            switch self {
            case let .numeric(values): return values.count
            case let .text(values): return values.count
            }
        }
    }

    /// Column names in order.
    public let names: [String]
    /// Columns, in the order of `names`.
    public let columns: [Column]
    /// The number of rows.
    public let rowCount: Int

    /// Builds a table; throws when names repeat or the columns differ in length.
    public init(_ pairs: [(name: String, column: Column)]) throws {
        var seen = Set<String>()
        for pair in pairs where !seen.insert(pair.name).inserted { throw DataTableError.duplicateColumn(file: nil, name: pair.name) }
        let rows = pairs.first?.column.count ?? 0
        for pair in pairs where pair.column.count != rows {
            throw DataTableError.columnLengthMismatch(name: pair.name, expected: rows, got: pair.column.count)
        }
        names = pairs.map(\.name)
        columns = pairs.map(\.column)
        rowCount = rows
    }

    /// The column with this name, or nil.
    public func column(_ name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }
}

/// Why a table could not be built or read.
public enum DataTableError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file has no header line.
    case noHeader(file: String)
    /// A header names a column twice.
    case duplicateColumn(file: String?, name: String)
    /// A record has a different number of fields than the header (`line` is the 1-based line number).
    case raggedRow(file: String, line: Int, expected: Int, got: Int)
    /// A quoted field is never closed.
    case unterminatedQuote(file: String, line: Int)
    /// Columns given in code differ in length.
    case columnLengthMismatch(name: String, expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read (\(reason))"
        case let .noHeader(file): return "\(file): the file is empty; a header line with column names is needed"
        case let .duplicateColumn(file, name): return "\(file.map { "\($0): " } ?? "")column '\(name)' appears twice"
        case let .raggedRow(file, line, expected, got): return "\(file), line \(line): \(got) fields, but the header has \(expected)"
        case let .unterminatedQuote(file, line): return "\(file), line \(line): a quoted field is never closed"
        case let .columnLengthMismatch(name, expected, got): return "column '\(name)' has \(got) values, expected \(expected)"
        }
    }
}

extension DataTableError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
