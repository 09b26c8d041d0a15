import CrimeCore
import Foundation

extension DataTable {
    /// Reads the CSV file at `url` with a header line, by the rules ingest uses (those of Python's `csv`
    /// module: a quote is special only at the start of a field; CR, LF and CRLF end records; a UTF-8
    /// byte-order mark and blank lines are skipped). A cell whose text, spaces trimmed, is one of
    /// ``MissingValues/markers`` (empty, `NA`, `NaN`, `null`, …) is missing. A column whose other cells all
    /// parse as numbers is numeric (missing cells become NaN); any other column is text.
    public static func load(csv url: URL) throws -> DataTable {
        let path = url.path
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(url) } catch {
            throw DataTableError.unreadable(file: path, reason: error.reason)
        }
        return try DataTable(csv: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses CSV text; `file` names the source in errors. Blank lines are skipped.
    public init(csv text: String, file: String = "<csv>") throws {
        let records: [CSVRecord]
        do { records = try CSVRecordScanner.records(in: text) } catch {
            throw DataTableError.unterminatedQuote(file: file, line: error.line)
        }
        guard let header = records.first else { throw DataTableError.noHeader(file: file) }
        var fields = [[String]](repeating: [], count: header.fields.count)
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw DataTableError.raggedRow(file: file, line: record.line, expected: header.fields.count, got: record.fields.count)
            }
            for (j, field) in record.fields.enumerated() { fields[j].append(field) }
        }
        var seen = Set<String>()
        for name in header.fields where !seen.insert(name).inserted { throw DataTableError.duplicateColumn(file: file, name: name) }
        var pairs: [(name: String, column: Column)] = []
        var missing: [[Int: String]] = []
        for (name, values) in zip(header.fields, fields) {
            let (column, cells) = Self.typed(values)
            pairs.append((name, column))
            missing.append(cells)
        }
        try self.init(pairs, source: file, records: records.dropFirst().map(\.line), missing: missing)
    }

    /// A column's cells typed: numeric when every cell that is not missing parses as a number, text otherwise;
    /// with the missing cells as written.
    private static func typed(_ values: [String]) -> (Column, [Int: String]) {
        var missing: [Int: String] = [:]
        var numbers = [Double](repeating: .nan, count: values.count)
        var numeric = true
        for (i, value) in values.enumerated() {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if MissingValues.markers.contains(trimmed) {
                missing[i] = value
            } else if let number = Double(trimmed) {
                numbers[i] = number
                if number.isNaN { missing[i] = value }
            } else {
                numeric = false
            }
        }
        return (numeric ? .numeric(numbers) : .text(values), missing)
    }
}
