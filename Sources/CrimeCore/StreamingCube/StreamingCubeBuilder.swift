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
        let reader = try CSVBlockReader(path: path, blockSize: options.blockSize)
        let counter = ProgressCounter(step: step, total: reader.fileSize > 0 ? reader.fileSize : nil, unit: .bytes,
                                      handler: progress)
        guard let first = try reader.next() else { throw IngestError.emptyFile(file: path) }
        let (header, dataStart) = try IncidentReader.readHeader(first.bytes, file: path)
        let binding = try ColumnBinding(header: header, schema: schema, file: path)
        let context = try IncidentReader.makeContext(file: path, schema: schema, names: binding.names)
        var nextRecord = 2
        var pending: [(block: CSVBlock, start: Int)] = [(first, dataStart)]
        var done = first.isLast
        while true {
            while !done && pending.count < options.threads {
                guard let block = try reader.next() else { done = true; break }
                pending.append((block, 0))
                done = block.isLast
            }
            if pending.isEmpty { break }
            let chunks = locateConcurrently(pending, binding: binding, context: context, index: index, windowing: windowing)
            pending.removeAll()
            for (builder, records, rows) in chunks {
                var parsed = builder.report
                for k in parsed.samples.indices { parsed.samples[k].row += nextRecord }
                let offset = nextRecord
                merge.add(parsed: parsed, table: builder.table, rows: rows) { builder.skipped.record(ofRow: $0) + offset }
                nextRecord += records
            }
            counter?.update(completed: reader.bytesRead)
        }
        counter?.finish()
        AllocatorTrim.releaseFreeMemory()
        return merge.finish(windowing: windowing, absentColumns: binding.absentExtras)
    }

    /// Parses and locates blocks at the same time, one builder each; results come back in block order.
    private func locateConcurrently(_ blocks: [(block: CSVBlock, start: Int)], binding: ColumnBinding, context: IngestContext,
                                    index: (any SpatialIndex)?, windowing: TimeWindowing)
        -> [(ChunkBuilder, Int, LocatedRows)] {
        let slots = WriteOnceSlots<(ChunkBuilder, Int, LocatedRows)>(count: blocks.count)
        let cleaning = cleaning
        DispatchQueue.concurrentPerform(iterations: blocks.count) { k in
            let (block, start) = blocks[k]
            var builder = ChunkBuilder(context: context)
            let records = CSVChunkParser.parse(FieldBytes(rebasing: block.bytes[start...]), binding: binding, into: &builder)
            let rows = LocatedRows(table: builder.table, index: index, windowing: windowing, cleaning: cleaning)
            slots.store((builder, records, rows), at: k)
        }
        return slots.collect()
    }
}
