import CrimeCore
import CrimeModels
import Foundation

/// Numeric columns of a CSV file with a header row, found by name, for `crimekit forest` and
/// `crimekit metrics`; `-` reads standard input. The file is parsed by CrimeModels' RFC 4180
/// ``DataTable``; every value of a column asked for must be a finite number, and a missing cell
/// (empty, `NA`, `NaN`, … — `MissingValues.markers`) is an error unless `--missing drop` drops its row.
struct NumericColumns {
    /// The file's name in messages (`standard input` for `-`).
    let file: String
    let table: DataTable

    private init(file: String, table: DataTable) {
        self.file = file
        self.table = table
    }

    /// Reads and parses the file; a missing file or one with no data rows is an error naming it.
    init(path: String) throws {
        file = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do throws(InputFileError) { data = try InputFile.read(URL(fileURLWithPath: path)) } catch {
                throw TableInputError.unreadable(file: file, reason: error.reason)
            }
        }
        table = try DataTable(csv: String(decoding: data, as: UTF8.self), file: file)
        guard table.rowCount > 0 else { throw TableInputError.noRows(file: file) }
    }

    /// The table without rows that miss a value in `used` (`.drop`), or an error naming the first missing
    /// cell (`.error`); with the number of rows dropped.
    func handlingMissing(_ policy: MissingValues, in used: [String]) throws -> (columns: NumericColumns, dropped: Int) {
        let (kept, dropped) = try table.handlingMissing(policy, in: used)
        return (NumericColumns(file: file, table: kept), dropped)
    }

    /// The header's column names.
    var names: [String] { table.names }
    /// Data rows.
    var rows: Int { table.rowCount }

    /// The column `name`; a missing column, a missing cell or a value that is not a finite number is an
    /// error naming the file, line and column, with the cell as written.
    func column(_ name: String) throws -> [Double] {
        guard let j = table.names.firstIndex(of: name) else {
            throw TableInputError.missingColumn(file: file, column: name, header: table.names)
        }
        let missing = table.missing[j]
        switch table.columns[j] {
        case let .numeric(values):
            guard let i = values.firstIndex(where: { !$0.isFinite }) else { return values }
            if let written = missing[i] {
                throw DataTableError.missingValue(file: file, record: table.records[i], column: name, value: written)
            }
            throw TableInputError.badValue(file: file, line: table.records[i], column: name, value: "\(values[i])")
        case let .text(values):
            let i = values.indices.first { missing[$0] != nil || Double(values[$0].trimmingCharacters(in: .whitespaces)) == nil } ?? 0
            if let written = missing[i] {
                throw DataTableError.missingValue(file: file, record: table.records[i], column: name, value: written)
            }
            throw TableInputError.badValue(file: file, line: table.records[i], column: name, value: values[i])
        }
    }

    /// The columns `names` as a matrix, one row per data row.
    func matrix(_ names: [String]) throws -> Matrix {
        let columns = try names.map(column)
        var values = [Double]()
        values.reserveCapacity(rows * names.count)
        for i in 0..<rows {
            for c in columns { values.append(c[i]) }
        }
        return Matrix(rows: rows, columns: names.count, values: values)
    }
}

/// Errors reading the tables `crimekit forest` and `crimekit metrics` use; each names the file, line or column.
enum TableInputError: Error, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case missingColumn(file: String, column: String, header: [String])
    case badValue(file: String, line: Int, column: String, value: String)
    case noRows(file: String)
    case unscorable(file: String, reason: String)

    var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read (\(reason))"
        case let .missingColumn(file, column, header):
            return "\(file): no column '\(column)' in the header (\(header.joined(separator: ",")))"
        case let .badValue(file, line, column, value): return "\(file), line \(line), column \(column): '\(value)' is not a finite number"
        case let .noRows(file): return "\(file): no data rows after the header"
        case let .unscorable(file, reason): return "\(file): \(reason)"
        }
    }
}
