import Foundation

/// A CSV file of numbers with a header row, read for `crimekit forest`.
struct NumericTable {
    let path: String
    let header: [String]
    /// Row-major values, `header.count` per row.
    let values: [Double]
    var rows: Int { header.isEmpty ? 0 : values.count / header.count }

    /// Reads `path`; every cell must parse as a finite number.
    init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else { throw TableError.unreadable(path: path) }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
        guard let first = lines.popFirst() else { throw TableError.empty(path: path) }
        header = first.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var values: [Double] = []
        values.reserveCapacity(lines.count * header.count)
        for (k, line) in lines.enumerated() {
            let row = k + 2
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count else {
                throw TableError.ragged(path: path, row: row, expected: header.count, got: cells.count)
            }
            for (j, cell) in cells.enumerated() {
                let trimmed = cell.trimmingCharacters(in: .whitespaces)
                guard let v = Double(trimmed), v.isFinite else {
                    throw TableError.badNumber(path: path, row: row, column: header[j], text: String(trimmed))
                }
                values.append(v)
            }
        }
        guard !values.isEmpty else { throw TableError.empty(path: path) }
        self.values = values
    }

    /// The column named `name`.
    func column(_ name: String) throws -> [Double] {
        guard let j = header.firstIndex(of: name) else { throw TableError.missingColumn(path: path, column: name) }
        return (0..<rows).map { values[$0 * header.count + j] }
    }

    /// The columns named `names`, in that order, row-major.
    func columns(_ names: [String]) throws -> [Double] {
        let indices = try names.map { name in
            guard let j = header.firstIndex(of: name) else { throw TableError.missingColumn(path: path, column: name) }
            return j
        }
        var out: [Double] = []
        out.reserveCapacity(rows * names.count)
        for i in 0..<rows {
            for j in indices { out.append(values[i * header.count + j]) }
        }
        return out
    }
}

/// Errors reading a numeric CSV table.
enum TableError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case empty(path: String)
    case ragged(path: String, row: Int, expected: Int, got: Int)
    case badNumber(path: String, row: Int, column: String, text: String)
    case missingColumn(path: String, column: String)

    var description: String {
        switch self {
        case let .unreadable(path): return "cannot read \(path)"
        case let .empty(path): return "\(path) has no data rows"
        case let .ragged(path, row, expected, got): return "\(path) line \(row) has \(got) fields, expected \(expected)"
        case let .badNumber(path, row, column, text):
            return "\(path) line \(row), column \(column): \"\(text)\" is not a finite number"
        case let .missingColumn(path, column): return "\(path) has no column \"\(column)\""
        }
    }
}
