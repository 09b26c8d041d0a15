/// One record of a CSV text: its fields with quoting removed, and the 1-based line it starts on.
package struct CSVRecord: Equatable, Sendable {
    /// The fields, in order.
    package let fields: [String]
    /// The 1-based line the record starts on (CR, LF and CRLF each end a line; a quoted field spanning
    /// lines counts every line).
    package let line: Int
}

/// A CSV text ends inside a quoted field; `line` is the 1-based line where that field's record starts.
package struct CSVUnterminatedQuote: Error, Equatable, Sendable {
    /// The line where the unclosed record starts.
    package let line: Int
}

extension CSVRecordScanner {
    /// Every record of a whole CSV text, by the same rules ingest reads files with (see
    /// ``CSVRecordScanner``): a UTF-8 byte-order mark at the start and blank lines are skipped.
    package static func records(in text: String) throws(CSVUnterminatedQuote) -> [CSVRecord] {
        var text = text
        return try text.withUTF8 { records(in: $0) }.get()
    }

    /// A scanner for ``fields(ofLine:)``, whose buffers are reused from line to line.
    package static func lineScanner() -> CSVRecordScanner { CSVRecordScanner(fieldCapacity: 64, grows: true) }

    /// The fields of one line (bytes without its line end), quoting removed, by the rules above, for
    /// readers that split their input into lines themselves; nil when a quoted field is still open at the
    /// end of the line.
    package func fields(ofLine bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        let scanned: (next: Int, fields: Int)
        do { scanned = try scan(bytes, from: 0, record: 0) } catch { return nil }
        beginRecord(length: bytes.count)
        return (0..<scanned.fields).map { String(decoding: field($0, in: bytes), as: UTF8.self) }
    }

    private static func records(in bytes: FieldBytes) -> Result<[CSVRecord], CSVUnterminatedQuote> {
        let scanner = CSVRecordScanner(fieldCapacity: 64, grows: true)
        var records: [CSVRecord] = []
        var p = byteOrderMarkLength(bytes)
        var line = 1
        while p < bytes.count {
            let start = p
            let scanned: (next: Int, fields: Int)
            do { scanned = try scanner.scan(bytes, from: start, record: records.count) } catch {
                return .failure(CSVUnterminatedQuote(line: line))
            }
            p = scanned.next
            let recordLine = line
            line += lineEnds(bytes, start, p)
            if scanned.fields == 1 && isBlankLine(bytes, start, p) { continue }
            scanner.beginRecord(length: p - start)
            let fields = (0..<scanned.fields).map { String(decoding: scanner.field($0, in: bytes), as: UTF8.self) }
            records.append(CSVRecord(fields: fields, line: recordLine))
        }
        return .success(records)
    }
}
