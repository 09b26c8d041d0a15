import Foundation

extension DataTable {
    /// Reads the CSV file at `url` with a header line (RFC 4180 quoting). A column whose every non-empty
    /// field parses as a number is numeric (empty fields become NaN); any other column is text.
    public static func load(csv url: URL) throws -> DataTable {
        let path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DataTableError.unreadable(file: path, reason: error.localizedDescription)
        }
        return try DataTable(csv: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses CSV text; `file` names the source in errors.
    public init(csv text: String, file: String = "<csv>") throws {
        let records = try CSVText.records(text, file: file)
        guard let header = records.first else { throw DataTableError.noHeader(file: file) }
        var fields = [[String]](repeating: [], count: header.fields.count)
        for record in records.dropFirst() {
            if record.fields.count == 1, record.fields[0].isEmpty { continue }
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

/// Splits CSV text into records of fields, remembering each record's 1-based line number.
enum CSVText {
    struct Record { let fields: [String]; let line: Int }

    static func records(_ text: String, file: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, line = 1, recordLine = 1, afterQuote = false
        func endField() { fields.append(String(decoding: field, as: UTF8.self)); field.removeAll(keepingCapacity: true) }
        for byte in text.utf8 {
            if inQuotes {
                if byte == UInt8(ascii: "\"") { inQuotes = false; afterQuote = true; continue }
                if byte == UInt8(ascii: "\n") { line += 1 }
                field.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if afterQuote { field.append(byte) }
                inQuotes = true
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"):
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                endField()
                records.append(Record(fields: fields, line: recordLine))
                fields.removeAll()
                line += 1
                recordLine = line
            default: field.append(byte)
            }
            afterQuote = false
        }
        if inQuotes { throw DataTableError.unterminatedQuote(file: file, line: recordLine) }
        if !field.isEmpty || !fields.isEmpty {
            if field.last == UInt8(ascii: "\r") { field.removeLast() }
            endField()
            records.append(Record(fields: fields, line: recordLine))
        }
        return records
    }
}
