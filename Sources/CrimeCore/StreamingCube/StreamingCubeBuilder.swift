import Dispatch
import Foundation

/// Builds the space-time cube of an extract larger than memory: the CSV file is read in blocks, each
/// block's rows are given their cell and window and counted, and the block is freed.
///
/// ```swift
/// let builder = StreamingCubeBuilder(schema: .chicago, frequency: .weekly)
/// let cube = try builder.build(URL(fileURLWithPath: "crimes.csv"), index: try H3Grid(resolution: 8))
/// try cube.writeCSV(to: URL(fileURLWithPath: "cube.csv"), index: try H3Grid(resolution: 8))
/// ```
///
/// The counts and the report are those of the in-memory path: `IncidentReader.read`, then
/// ``IncidentTable/cleaned(options:report:)`` with the same ``CleaningOptions`` and the index as
/// ``CleaningOptions/area`` (a row no cell of the index holds is dropped as `out_of_bounds`, before the
/// duplicate check), then counting the kept rows per cell and window. Blocks are parsed and located in
/// parallel and merged in file order, so the result does not depend on the number of threads.
///
/// Memory does not grow with the rows, except for what cleaning needs (see <doc:LargerThanMemory>):
/// a 64-bit hash per distinct non-empty id while duplicates are dropped, the non-zero counts, and one
/// number per distinct cell, window, local day and offence text. Supported cleaning: `since`,
/// `until`, `bounds`, `dropDuplicates`, and the midnight policies `keep` and `flag` (which change no
/// count); `drop`, `spread`, category re-mapping and `area` (the index is the area) throw
/// ``StreamingCubeError/unsupportedCleaning(setting:reason:)``.
///
/// GeoJSON files (`.geojson`, `.json`) are read whole by `IncidentReader` and then counted the same way;
/// only CSV is streamed.
public struct StreamingCubeBuilder: Sendable {
    /// The extract's schema.
    public var schema: IngestSchema
    /// The window length, on the data's own wall clock (in the schema's zone).
    public var frequency: WindowFrequency
    /// The cleaning applied to the rows.
    public var cleaning: CleaningOptions
    /// Block size and threads.
    public var options: IngestOptions

    /// A builder; every argument but the schema has the documented default (daily windows, default cleaning).
    public init(schema: IngestSchema, frequency: WindowFrequency = .daily, cleaning: CleaningOptions = CleaningOptions(),
                options: IngestOptions = IngestOptions()) {
        self.schema = schema
        self.frequency = frequency
        self.cleaning = cleaning
        self.options = options
    }

    /// Reads the extract and counts its kept rows per cell of `index` and window.
    ///
    /// `progress`, when given, hears step `"cube"` in bytes read of the file's size.
    public func build(_ url: URL, index: some SpatialIndex, progress: ProgressHandler? = nil) throws -> StreamingCube {
        try run(url, index: index, step: "cube", progress: progress)
    }

    /// The bounding box of the rows a cube would keep if no index dropped any (nil when none is kept): a
    /// first pass for an index laid over the data's extent, such as a regular grid. Counts nothing.
    ///
    /// `progress`, when given, hears step `"extent"` in bytes read of the file's size.
    public func keptExtent(_ url: URL, progress: ProgressHandler? = nil) throws -> BoundingBox? {
        try run(url, index: nil, step: "extent", progress: progress).extent
    }

    private func checkCleaning() throws {
        switch cleaning.midnight {
        case .keep, .flag: break
        case .drop: throw StreamingCubeError.unsupportedCleaning(setting: "midnight drop", reason: "whether midnight rows are dropped is known only after every row is read; use keep or flag")
        case .spread: throw StreamingCubeError.unsupportedCleaning(setting: "midnight spread", reason: "whether midnight rows are moved is known only after every row is read; use keep or flag")
        }
        if cleaning.mapping != nil || !cleaning.categoryOverrides.isEmpty {
            throw StreamingCubeError.unsupportedCleaning(setting: "category mapping", reason: "the cube counts every category, so re-mapping changes no count; leave it out")
        }
        if cleaning.area != nil {
            throw StreamingCubeError.unsupportedCleaning(setting: "area", reason: "the cube's spatial index is the area; rows it does not cover are dropped as out_of_bounds")
        }
    }

    private func run(_ url: URL, index: (any SpatialIndex)?, step: String, progress: ProgressHandler?) throws -> StreamingCube {
        try checkCleaning()
        let path = url.path
        let lower = path.lowercased()
        let windowing = TimeWindowing.sequential(frequency, zone: try ZoneClock(identifier: schema.zone))
        var merge = StreamingCubeMerge(zone: windowing.zone, cleaning: cleaning, counting: index != nil)
        if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
            let read = try IncidentReader.read(url, schema: schema, options: options, progress: progress)
            let rows = LocatedRows(table: read.table, index: index, windowing: windowing, cleaning: cleaning)
            merge.add(parsed: read.report, table: read.table, rows: rows) { read.sourceRecords.record(ofRow: $0) }
            return merge.finish(windowing: windowing, absentColumns: read.absentColumns)
        }
        var rounds = try CSVChunkRounds(path: path, schema: schema, options: options)
        let reader = rounds.reader
        let counter = ProgressCounter(step: step, total: reader.fileSize > 0 ? reader.fileSize : nil, unit: .bytes,
                                      handler: progress)
        let cleaning = cleaning
        while let chunks = try rounds.next({ LocatedRows(table: $0.table, index: index, windowing: windowing, cleaning: cleaning) }) {
            for chunk in chunks {
                let offset = chunk.firstRecord
                merge.add(parsed: chunk.report, table: chunk.builder.table, rows: chunk.extra) {
                    chunk.builder.skipped.record(ofRow: $0) + offset
                }
            }
            counter?.update(completed: reader.bytesRead)
        }
        counter?.finish()
        AllocatorTrim.releaseFreeMemory()
        return merge.finish(windowing: windowing, absentColumns: rounds.binding.absentExtras)
    }
}
