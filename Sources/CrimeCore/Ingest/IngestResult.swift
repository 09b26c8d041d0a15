import Foundation

/// What an ingest produced: the table, the account of every record, and the schema columns it lacked.
public struct IngestResult: Sendable, Equatable {
    /// The rows kept, in file order.
    public var table: IncidentTable
    /// Rows read, kept, and dropped by reason, with samples naming file, record and column.
    public var report: CleaningReport
    /// Extra columns of the schema that the file does not have (kept as empty columns).
    public var absentColumns: [String]
    /// Bytes of the file read.
    public var bytesRead: Int
    /// The source record of every row of ``table``; pass it to ``CleaningOptions/sourceRecords`` so that
    /// cleaning samples name the right record.
    public var sourceRecords: SourceRecords

    /// Creates a result.
    public init(table: IncidentTable, report: CleaningReport, absentColumns: [String] = [], bytesRead: Int = 0,
                sourceRecords: SourceRecords = SourceRecords()) {
        self.table = table
        self.report = report
        self.absentColumns = absentColumns
        self.bytesRead = bytesRead
        self.sourceRecords = sourceRecords
    }
}

/// How an ingest uses the machine.
public struct IngestOptions: Sendable, Equatable {
    /// New bytes read per block (8 MiB by default). Small values are for tests of block boundaries.
    public var blockSize: Int
    /// Blocks parsed at the same time (the number of active cores by default). The result does not
    /// depend on it.
    public var threads: Int

    /// Creates options.
    public init(blockSize: Int = 8 << 20, threads: Int = IngestOptions.defaultThreads) {
        self.blockSize = max(1, blockSize)
        self.threads = max(1, threads)
    }

    /// The number of active processor cores.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}
