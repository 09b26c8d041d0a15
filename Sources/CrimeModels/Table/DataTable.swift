import Foundation

/// A small column-oriented table for model formulas: named columns of numbers or text, all one length.
public struct DataTable: Sendable, Equatable {
    /// One column's values.
    public enum Column: Sendable, Equatable {
        /// Numbers; NaN marks a missing value.
        case numeric([Double])
        /// Text, used as a categorical (a missing cell holds its text as written; ``DataTable/missing`` marks it).
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
    /// The file the table was read from, named in errors; nil for a table built in code.
    public let source: String?
    /// The number that names each row in errors: the 1-based line its record starts on in ``source``, or,
    /// for a table built in code, its 1-based position.
    public let records: [Int]
    /// The missing cells of each column (in the order of ``names``): row index → the cell as written.
    public let missing: [[Int: String]]

    /// Builds a table; throws when names repeat or the columns differ in length. NaN in a numeric column
    /// is a missing value; text columns built here have none.
    public init(_ pairs: [(name: String, column: Column)]) throws {
        let rows = pairs.first?.column.count ?? 0
        let missing = pairs.map { pair -> [Int: String] in
            guard case let .numeric(values) = pair.column else { return [:] }
            return Dictionary(uniqueKeysWithValues: values.indices.filter { values[$0].isNaN }.map { ($0, "NaN") })
        }
        try self.init(pairs, source: nil, records: Array(stride(from: 1, through: rows, by: 1)), missing: missing)
    }

    /// Builds a table with the rows' record numbers and missing cells given (see ``records`` and ``missing``).
    init(_ pairs: [(name: String, column: Column)], source: String?, records: [Int], missing: [[Int: String]]) throws {
        var seen = Set<String>()
        for pair in pairs where !seen.insert(pair.name).inserted { throw DataTableError.duplicateColumn(file: source, name: pair.name) }
        let rows = pairs.first?.column.count ?? 0
        for pair in pairs where pair.column.count != rows {
            throw DataTableError.columnLengthMismatch(name: pair.name, expected: rows, got: pair.column.count)
        }
        names = pairs.map(\.name)
        columns = pairs.map(\.column)
        rowCount = rows
        self.source = source
        self.records = records
        self.missing = missing
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
    /// A cell the model uses is missing (`record` as in ``DataTable/records``; `value` as written).
    case missingValue(file: String?, record: Int, column: String, value: String)
    /// A numeric cell is infinite.
    case infinite(file: String?, record: Int, column: String, value: Double)
    /// Every row has a missing value in a column the model uses, so dropping them leaves nothing.
    case allRowsMissing(file: String?, rows: Int, columns: [String])
    /// A column of numbers has a cell that is neither a number nor a missing-value marker.
    case notANumber(file: String?, record: Int, column: String, value: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read (\(reason))"
        case let .noHeader(file): return "\(file): the file is empty; a header line with column names is needed"
        case let .duplicateColumn(file, name): return "\(file.map { "\($0): " } ?? "")column '\(name)' appears twice"
        case let .raggedRow(file, line, expected, got): return "\(file), line \(line): \(got) fields, but the header has \(expected)"
        case let .unterminatedQuote(file, line): return "\(file), line \(line): a quoted field is never closed"
        case let .columnLengthMismatch(name, expected, got): return "column '\(name)' has \(got) values, expected \(expected)"
        case let .missingValue(file, record, column, value):
            return "\(Self.cell(file, record, column)): '\(value)' is a missing value; fill it in, or drop rows with missing "
                + "values (--missing drop in crimekit, MissingValues.drop in code)"
        case let .infinite(file, record, column, value):
            return "\(Self.cell(file, record, column)): \(value) is infinite; a model needs finite numbers"
        case let .allRowsMissing(file, rows, columns):
            return "\(file.map { "\($0): " } ?? "")all \(rows) rows have a missing value in \(columns.map { "'\($0)'" }.joined(separator: ", ")); "
                + "nothing is left to fit"
        case let .notANumber(file, record, column, value):
            return "\(Self.cell(file, record, column)): '\(value)' is not a number, but the column's other values are; "
                + "fix the cell, mark it missing (NA or empty), or write C(\(column)) to use the column as a categorical"
        }
    }
}

extension DataTableError {
    /// A cell's place: `file, line 7, column 'x'` for a file, `row 7, column 'x'` for a table built in code.
    static func cell(_ file: String?, _ record: Int, _ column: String) -> String {
        (file.map { "\($0), line \(record)" } ?? "row \(record)") + ", column '\(column)'"
    }
}

extension DataTableError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
