import Dispatch
import Foundation

/// Reads portal extracts into an ``IncidentTable``, accounting for every record.
///
/// ```swift
/// let result = try IncidentReader.read(URL(fileURLWithPath: "crimes.csv"), schema: .chicago)
/// print(result.report.rowsKept, result.report.dropped)
/// ```
///
/// CSV files are read by the rules of Python's `csv` module (see <doc:Ingest>: a quote is special only
/// at the start of a field; CR, LF and CRLF end records; a UTF-8 byte-order mark is skipped; no column
/// limit) in large blocks that are parsed in parallel and joined in file order, so the table is the
/// same on any number of threads.
/// Files ending in `.geojson` or `.json` are read as GeoJSON FeatureCollections of points.
///
/// Every data record is kept or counted in the report under a ``DropReason``: `malformed_row` (field
/// count differs from the header), `missing_time`, `bad_time`, `missing_location`, `bad_location`,
/// `placeholder_location`, `invalid_encoding` — checked in that order, the first failure decides; a
/// record whose quoted field is never closed runs to the end of the file and is counted as
/// `unterminated_quote`. Record numbers in samples and in ``IngestResult/sourceRecords`` count the
/// header as record 1 and every record after it, blank lines included (a quoted field spanning lines
/// is still one record); in GeoJSON they count features from 1. Blank lines are skipped without being
/// counted in `rowsRead`.
///
/// Whole-file problems throw an ``IngestError``: an unreadable or empty (0-byte) file, a missing
/// required column, a header whose quoted field is never closed. A header-only file gives an empty
/// table with `rowsRead == 0`.
public enum IncidentReader {
    /// Reads the extract at a file URL with a schema; errors and report rows name the file by its path.
    ///
    /// `progress`, when given, hears step `"ingest"` in bytes read of the file's size: after each round
    /// of blocks for CSV, at the start and end for GeoJSON; the last event's count is the file's size.
    public static func read(_ url: URL, schema: IngestSchema, options: IngestOptions = IngestOptions(),
                            progress: ProgressHandler? = nil) throws -> IngestResult {
        let path = url.path
        let lower = path.lowercased()
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            let counter = ProgressCounter(step: "ingest", total: size, unit: .bytes, handler: progress)
            let result = try GeoJSONPointReader.read(path: path, schema: schema)
            counter?.update(completed: size ?? 0)
            counter?.finish()
            return result
        }
        return try readCSV(path: path, schema: schema, options: options, progress: progress)
    }

    static func makeContext(file: String, schema: IngestSchema, names: ColumnNames) throws -> IngestContext {
        IngestContext(file: file, schema: schema, zone: try ZoneClock(identifier: schema.zone),
                      format: try TimestampFormat(schema.timeFormat),
                      timeOfDayFormat: schema.timeOfDayColumns.isEmpty ? nil : try TimestampFormat(schema.timeOfDayFormat),
                      names: names)
    }

    private static func readCSV(path: String, schema: IngestSchema, options: IngestOptions,
                                progress: ProgressHandler?) throws -> IngestResult {
        var rounds = try CSVChunkRounds(path: path, schema: schema, options: options)
        let reader = rounds.reader
        let counter = ProgressCounter(step: "ingest", total: reader.fileSize > 0 ? reader.fileSize : nil, unit: .bytes,
                                      handler: progress)
        var table = IncidentTable(zone: rounds.context.zone, extraColumns: schema.extraColumns)
        var report = CleaningReport()
        var records = SourceRecords(first: 2)
        while let chunks = try rounds.next({ _ in () }) {
            for chunk in chunks {
                report.merge(chunk.report)
                records.append(chunk.builder.skipped, offset: chunk.firstRecord)
                try table.append(contentsOf: chunk.builder.table)
            }
            table.reserveForFile(bytesSoFar: reader.bytesRead, fileSize: reader.fileSize)
            counter?.update(completed: reader.bytesRead)
        }
        counter?.finish()
        AllocatorTrim.releaseFreeMemory()
        return IngestResult(table: table, report: report, absentColumns: rounds.binding.absentExtras, bytesRead: reader.bytesRead,
                            sourceRecords: records)
    }

    /// The header's field names and the offset where data starts.
    static func readHeader(_ bytes: FieldBytes, file: String) throws -> ([String], Int) {
        let scanner = CSVRecordScanner(fieldCapacity: 256, grows: true)
        let scanned: (next: Int, fields: Int)
        do { scanned = try scanner.scan(bytes, from: 0, record: 0) } catch {
            throw IngestError.unterminatedQuote(file: file, record: 1)
        }
        scanner.beginRecord(length: scanned.next)
        var names: [String] = []
        for k in 0..<scanned.fields {
            let field = scanner.field(k, in: bytes)
            guard UTF8Validation.isValid(field) else { throw IngestError.invalidHeader(file: file) }
            names.append(String(decoding: field, as: UTF8.self))
        }
        return (names, scanned.next)
    }
}

extension IncidentTable {
    /// Reserves every column for the rows (and id bytes) a whole file should hold, judging by the rows
    /// and id bytes per file byte so far, when that is more than the columns hold; 10 % spare, and at
    /// least half again the capacity when a reservation falls short, so the columns are copied a few
    /// times at most however the file's rows vary. Capacity never written to is not resident memory.
    /// A reservation never passes the rows half the machine's memory holds at 64 bytes a row: a file that
    /// large does not fit (see <doc:LargerThanMemory>), and the columns then grow as arrays do.
    mutating func reserveForFile(bytesSoFar: Int, fileSize: Int) {
        guard bytesSoFar > 0, fileSize > bytesSoFar, !isEmpty else { return }
        let scale = Double(fileSize) / Double(bytesSoFar) * 1.1
        let rows = Int(min(Double(Int.max / 4), Double(count) * scale)) + 16
        let capacity = rowCapacity
        guard rows > capacity else { return }
        let ceiling = Int(min(Double(Int.max / 4), Double(ProcessInfo.processInfo.physicalMemory) / 2 / 64))
        let target = min(max(rows, capacity + capacity / 2), ceiling)
        guard target > capacity else { return }
        let idBytesPerRow = Double(ids.textByteCount) / Double(count)
        reserveCapacity(rows: target, idBytes: Int(idBytesPerRow * Double(target)) + 16)
    }
}
