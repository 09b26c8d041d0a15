import ArgumentParser
import CrimeCore
import Foundation

/// `crimekit ingest`: reads a portal extract and reports what was kept and dropped.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read a portal extract, clean it and report rows kept and dropped by reason."
    )

    @Argument(help: "The extract: CSV, or GeoJSON (.geojson/.json) for lvmpd.")
    var file: String

    @Option(name: .long, help: "Schema preset (chicago, lapd, nypd, philadelphia, baltimore, lvmpd) or a column-mapping JSON file.")
    var schema: String

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    func run() throws {
        let result = try IncidentReader.read(path: file, schema: try IngestSchema.resolve(schema))
        let summary = IngestSummary(result)
        if json {
            try JSONOutput.print(summary)
        } else {
            print(summary.csvLines.joined(separator: "\n"))
        }
    }
}

/// What `crimekit ingest` prints.
struct IngestSummary: Encodable {
    var rowsRead: Int
    var rowsKept: Int
    var dropped: [String: Int]
    var firstTime: String?
    var lastTime: String?
    var absentColumns: [String]
    var samples: [RowIssue]

    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", rowsKept = "rows_kept", dropped
        case firstTime = "first_time", lastTime = "last_time", absentColumns = "absent_columns", samples
    }

    init(_ result: IngestResult) {
        rowsRead = result.report.rowsRead
        rowsKept = result.report.rowsKept
        dropped = Dictionary(uniqueKeysWithValues: result.report.dropped.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
        let span = result.table.timeSpan
        firstTime = span.map { result.table.zone.iso8601(utc: $0.lowerBound) }
        lastTime = span.map { result.table.zone.iso8601(utc: $0.upperBound) }
        absentColumns = result.absentColumns
        samples = result.report.samples
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rowsRead, forKey: .rowsRead)
        try c.encode(rowsKept, forKey: .rowsKept)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(firstTime, forKey: .firstTime)
        try c.encode(lastTime, forKey: .lastTime)
        try c.encode(absentColumns, forKey: .absentColumns)
        try c.encode(samples, forKey: .samples)
    }

    /// `key,value` lines: counts, then `dropped.REASON`, then one `sample` line per sample.
    var csvLines: [String] {
        var lines = ["key,value", "rows_read,\(rowsRead)", "rows_kept,\(rowsKept)"]
        for (reason, count) in dropped.sorted(by: { $0.key < $1.key }) { lines.append("dropped.\(reason),\(count)") }
        lines.append("first_time,\(firstTime ?? "")")
        lines.append("last_time,\(lastTime ?? "")")
        if !absentColumns.isEmpty { lines.append("absent_columns,\(csvField(absentColumns.joined(separator: ";")))") }
        for s in samples {
            let text = "\(s.reason.rawValue) record \(s.row)" + (s.column.map { " column \($0)" } ?? "")
                + (s.value.map { ": \($0)" } ?? "")
            lines.append("sample,\(csvField(text))")
        }
        return lines
    }

    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
