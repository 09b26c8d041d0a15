import CrimeCore
import Foundation

/// Ingest + clean of a Chicago-schema extract: wall time and resident memory per incident.
enum IngestBenchmark {
    /// Reads the file with the `chicago` preset, cleans it with the default options and returns
    /// `ingest_seconds`, `clean_seconds`, `cpu_seconds` (of both, all threads), `rows_read`, `rows_kept`,
    /// `rows_per_second`, `megabytes_per_second`, `rss_bytes_per_incident` (resident growth kept
    /// after the read, from `/proc/self/status` VmRSS), `peak_rss_bytes_per_incident` (growth of
    /// VmHWM during the read), `peak_rss_bytes` (VmHWM itself) and `table_bytes_per_incident` (the table's own count).
    static func run(path: String) throws -> [String: Double] {
        try ingest(path: path).results
    }

    /// The cleaned table of the file and the figures of ``run(path:)``.
    ///
    /// One-time costs that do not grow with the file (loading the zone database, starting the
    /// worker threads) are paid before the first reading of memory, so they are not charged per incident.
    static func ingest(path: String) throws -> (table: IncidentTable, results: [String: Double]) {
        _ = try ZoneClock(identifier: IngestSchema.chicago.zone)
        DispatchQueue.concurrentPerform(iterations: IngestOptions.defaultThreads) { _ in }
        let before = ResidentMemory.read()
        let cpuStart = StepMeter.processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        var readDone: UInt64 = 0
        var bytesRead = 0
        // Only the cleaned table outlives this closure, so the memory reading below is what it holds.
        let (table, report) = try { () throws -> (IncidentTable, CleaningReport) in
            var result = try IncidentReader.read(URL(fileURLWithPath: path), schema: .chicago)
            readDone = DispatchTime.now().uptimeNanoseconds
            bytesRead = result.bytesRead
            // Cleaned in place: the table is held only here, so it is not copied.
            result.table.clean(options: CleaningOptions(file: path, sourceRecords: result.sourceRecords), report: &result.report)
            return (result.table, result.report)
        }()
        let done = DispatchTime.now().uptimeNanoseconds
        let cpu = StepMeter.processCPUSeconds() - cpuStart
        AllocatorTrim.releaseFreeMemory()
        let after = ResidentMemory.read()
        let seconds = Double(done - start) / 1e9
        let rows = Double(max(1, report.rowsKept))
        let results = [
            "ingest_seconds": Double(readDone - start) / 1e9,
            "clean_seconds": Double(done - readDone) / 1e9,
            "rows_read": Double(report.rowsRead),
            "rows_kept": Double(report.rowsKept),
            "rows_per_second": Double(report.rowsRead) / seconds,
            "cpu_seconds": cpu,
            "megabytes_per_second": Double(bytesRead) / 1e6 / seconds,
            "rss_bytes_per_incident": Double(after.current - before.current) / rows,
            "peak_rss_bytes_per_incident": Double(after.peak - before.current) / rows,
            "peak_rss_bytes": Double(after.peak),
            "table_bytes_per_incident": Double(table.byteCount) / rows,
        ]
        return (table, results)
    }
}
