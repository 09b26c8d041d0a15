import CrimeCore
import Foundation

extension DataTable {
    /// Reads the CSV file at `url` with a header line, by the rules ingest uses (those of Python's `csv`
    /// module: a quote is special only at the start of a field; CR, LF and CRLF end records; a UTF-8
    /// byte-order mark and blank lines are skipped). A column whose every non-empty field parses as a
    /// number is numeric (empty fields become NaN); any other column is text.
    public static func load(csv url: URL) throws -> DataTable {
        let path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataTableError.unreadable(file: path, reason: error.localizedDescription)
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
        try self.init(zip(header.fields, fields).map { name, values in
            let numbers = values.map { $0.isEmpty ? Double.nan : Double($0.trimmingCharacters(in: .whitespaces)) }
            if numbers.allSatisfy({ $0 != nil }) { return (name, .numeric(numbers.map { $0 ?? .nan })) }
            return (name, .text(values))
        })
    }
}
