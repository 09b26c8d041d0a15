import CrimeCore
import CrimeModels
import Foundation

/// Numeric columns of a CSV file with a header row, found by name, for `crimekit forest` and
/// `crimekit metrics`; `-` reads standard input. The file is parsed by CrimeModels'
/// ``DataTable`` (the CSV rules of ingest); every value of a column asked for must be a finite number,
/// and a bad one is quoted as written, with the line its record starts on.
struct NumericColumns {
    /// The file's name in messages (`standard input` for `-`).
    let file: String
    let table: DataTable
    /// The file's text, read again to quote a bad cell as written.
    private let text: String

    /// Reads and parses the file; a missing file or one with no data rows is an error naming it.
    init(path: String) throws {
        file = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw TableInputError.unreadable(file: file, reason: error.localizedDescription)
            }
        }
        text = String(decoding: data, as: UTF8.self)
        table = try DataTable(csv: text, file: file)
        guard table.rowCount > 0 else { throw TableInputError.noRows(file: file) }
    }

    /// The header's column names.
    var names: [String] { table.names }
    /// Data rows.
    var rows: Int { table.rowCount }

    /// The column `name`; a missing column or a value that is not a finite number is an error
    /// naming the file, line and column.
    func column(_ name: String) throws -> [Double] {
        switch table.column(name) {
        case nil:
            throw TableInputError.missingColumn(file: file, column: name, header: table.names)
        case let .numeric(values)?:
            if let i = values.firstIndex(where: { !$0.isFinite }) { throw badValue(row: i, column: name) }
            return values
        case let .text(values)?:
            let i = values.firstIndex { Double($0.trimmingCharacters(in: .whitespaces))?.isFinite != true } ?? 0
            throw badValue(row: i, column: name)
        }
    }

    /// The error for data row `row` of column `name`: the line its record starts on and the cell as
    /// written (`NaN`, `inf` or empty), found by reading the text again.
    private func badValue(row: Int, column name: String) -> TableInputError {
        let records = (try? CSVRecordScanner.records(in: text)) ?? []
        guard let j = table.names.firstIndex(of: name), row + 1 < records.count else {
            return .badValue(file: file, line: row + 2, column: name, value: "")
        }
        let record = records[row + 1]
        return .badValue(file: file, line: record.line, column: name, value: j < record.fields.count ? record.fields[j] : "")
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
