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

    @Option(name: .long, help: "What to do with a midnight spike: keep, flag, drop or spread.")
    var midnight: String = "flag"

    @Option(name: .long, help: "Seed for --midnight spread.")
    var seed: UInt64 = 1

    @OptionGroup var cleaning: CleaningFlags

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        var options = try cleaning.options(file: file)
        options.midnight = try Self.parsePolicy(midnight, seed: seed)
        let line = progress.line()
        defer { line.finish() }
        var result = try IncidentReader.read(URL(fileURLWithPath: file), schema: try IngestSchema.resolve(schema),
                                             progress: line.handler)
        options.sourceRecords = result.sourceRecords
        // Cleaned in place, so a large table is not held twice.
        let spike = result.table.clean(options: options, report: &result.report)
        let report = result.report
        let summary = IngestSummary(table: result.table, report: report, absentColumns: result.absentColumns, spike: spike)
        if json {
            try JSONOutput.print(summary)
        } else {
            print(summary.csvLines.joined(separator: "\n"))
        }
        guard report.rowsKept > 0 else {
            FileHandle.standardError.write(Data("Error: \(file): no row was kept (\(report.rowsRead) read); see the drops above\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension IngestCommand {
    /// Reads `--midnight`.
    static func parsePolicy(_ text: String, seed: UInt64) throws -> MidnightPolicy {
        switch text {
        case "keep": return .keep
        case "flag": return .flag
        case "drop": return .drop
        case "spread": return .spread(seed: seed)
        default: throw ValidationError("--midnight must be keep, flag, drop or spread, not '\(text)'")
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
    var changed: [String: Int]
    var midnight: MidnightSpike
    var samples: [RowIssue]
    var bulk: TimeBulk?
    var categories: [String: Int]
    var otherOffenses: [OffenseCount]

    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", rowsKept = "rows_kept", dropped
        case firstTime = "first_time", lastTime = "last_time", absentColumns = "absent_columns", samples
        case changed, midnight = "midnight_spike", bulk, categories, otherOffenses = "other_offenses"
    }

    init(table: IncidentTable, report: CleaningReport, absentColumns: [String], spike: MidnightSpike) {
        self.init(report: report, absentColumns: absentColumns, spike: spike, timeSpan: table.timeSpan, zone: table.zone,
                  categoryCounts: table.categoryCounts, otherOffenses: table.otherOffenses())
    }

    /// The summary from its parts, for callers that counted the kept rows without keeping them (`crimekit cube`).
    init(report: CleaningReport, absentColumns: [String], spike: MidnightSpike, timeSpan: ClosedRange<Int64>?, zone: ZoneClock,
         categoryCounts: [CrimeCategory: Int], otherOffenses: [OffenseCount]) {
        rowsRead = report.rowsRead
        rowsKept = report.rowsKept
        dropped = Dictionary(uniqueKeysWithValues: report.dropped.filter { $0.value > 0 }.map { ($0.key.rawValue, $0.value) })
        firstTime = timeSpan.map { zone.iso8601(utc: $0.lowerBound) }
        lastTime = timeSpan.map { zone.iso8601(utc: $0.upperBound) }
        self.absentColumns = absentColumns
        changed = report.changed
        midnight = spike
        samples = report.samples
        bulk = report.bulk
        categories = Dictionary(uniqueKeysWithValues: categoryCounts.map { ($0.key.description, $0.value) })
        self.otherOffenses = otherOffenses
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rowsRead, forKey: .rowsRead)
        try c.encode(rowsKept, forKey: .rowsKept)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(firstTime, forKey: .firstTime)
        try c.encode(lastTime, forKey: .lastTime)
        try c.encode(absentColumns, forKey: .absentColumns)
        try c.encode(changed, forKey: .changed)
        try c.encode(MidnightJSON(midnight), forKey: .midnight)
        try c.encode(samples, forKey: .samples)
        try c.encodeIfPresent(bulk.map(BulkJSON.init), forKey: .bulk)
        try c.encode(categories, forKey: .categories)
        try c.encode(otherOffenses, forKey: .otherOffenses)
    }

    /// `key,value` lines: counts, then `dropped.REASON`, then one `sample` line per sample.
    var csvLines: [String] {
        var lines = ["key,value", "rows_read,\(rowsRead)", "rows_kept,\(rowsKept)"]
        for (reason, count) in dropped.sorted(by: { $0.key < $1.key }) { lines.append("dropped.\(reason),\(count)") }
        lines.append("first_time,\(firstTime ?? "")")
        lines.append("last_time,\(lastTime ?? "")")
        if let bulk {
            lines.append("bulk.first_day,\(bulk.firstDay)")
            lines.append("bulk.last_day,\(bulk.lastDay)")
            lines.append("bulk.rows_before,\(bulk.before)")
            lines.append("bulk.rows_after,\(bulk.after)")
        }
        for (kind, count) in changed.sorted(by: { $0.key < $1.key }) { lines.append("changed.\(kind),\(count)") }
        for (category, count) in categories.sorted(by: { $0.key < $1.key }) { lines.append("category.\(category),\(count)") }
        for o in otherOffenses { lines.append("other_offense,\(CSVField.quoted("\(o.offense): \(o.rows)"))") }
        lines.append("midnight_spike.at_midnight,\(midnight.atMidnight)")
        lines.append("midnight_spike.baseline,\(midnight.baseline)")
        lines.append("midnight_spike.significant,\(midnight.isSignificant)")
        if !absentColumns.isEmpty { lines.append("absent_columns,\(CSVField.quoted(absentColumns.joined(separator: ";")))") }
        for s in samples {
            let text = "\(s.reason.rawValue) record \(s.row)" + (s.column.map { " column \($0)" } ?? "")
                + (s.value.map { ": \($0)" } ?? "")
            lines.append("sample,\(CSVField.quoted(text))")
        }
        return lines
    }
}

/// The midnight-spike statistic as `crimekit ingest --json` prints it.
struct MidnightJSON: Encodable {
    var atMidnight: Int
    var baseline: Double
    var excess: Double
    var tailProbability: Double
    var significant: Bool

    enum CodingKeys: String, CodingKey {
        case atMidnight = "at_midnight", baseline, excess, tailProbability = "tail_probability", significant
    }

    init(_ spike: MidnightSpike) {
        atMidnight = spike.atMidnight
        baseline = spike.baseline
        excess = spike.excess
        tailProbability = spike.tailProbability
        significant = spike.isSignificant
    }
}

/// The bulk span in the ingest JSON, snake-case.
private struct BulkJSON: Encodable {
    let bulk: TimeBulk
    enum CodingKeys: String, CodingKey { case firstDay = "first_day", lastDay = "last_day", before = "rows_before", after = "rows_after" }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(bulk.firstDay, forKey: .firstDay)
        try c.encode(bulk.lastDay, forKey: .lastDay)
        try c.encode(bulk.before, forKey: .before)
        try c.encode(bulk.after, forKey: .after)
    }
}
