import Dispatch

/// A CSV extract opened for parsing: its header bound to a schema, then rounds of up to `threads` blocks
/// parsed at the same time, one ``ChunkBuilder`` each, handed back in file order with each chunk's first
/// record number. The reader (``IncidentReader``) and the streaming cube (`StreamingCubeBuilder`) both
/// read files this way and differ only in what they keep of a chunk.
struct CSVChunkRounds {
    /// One parsed block.
    struct Chunk<Extra> {
        /// The block's rows and its account of dropped records (sample rows still local to the chunk).
        let builder: ChunkBuilder
        /// What the caller's per-chunk work made of it, on the worker thread.
        let extra: Extra
        /// The file record number of the chunk's record 0.
        let firstRecord: Int

        /// The chunk's report with its sample rows turned into file record numbers.
        var report: CleaningReport {
            var part = builder.report
            for k in part.samples.indices { part.samples[k].row += firstRecord }
            return part
        }
    }

    let reader: CSVBlockReader
    let binding: ColumnBinding
    let context: IngestContext
    private let threads: Int
    private var pending: [(block: CSVBlock, start: Int)]
    private var done: Bool
    private var nextRecord = 2

    /// Opens `path` and binds its header to `schema`; throws ``IngestError`` for an empty file, a bad
    /// header or a missing column.
    init(path: String, schema: IngestSchema, options: IngestOptions) throws {
        reader = try CSVBlockReader(path: path, blockSize: options.blockSize)
        guard let first = try reader.next() else { throw IngestError.emptyFile(file: path) }
        let (header, dataStart) = try IncidentReader.readHeader(first.bytes, file: path)
        binding = try ColumnBinding(header: header, schema: schema, file: path)
        context = try IncidentReader.makeContext(file: path, schema: schema, names: binding.names)
        threads = options.threads
        pending = [(first, dataStart)]
        done = first.isLast
    }

    /// Parses the next round of blocks, running `work` on each chunk on its worker thread; nil at the end.
    mutating func next<Extra>(_ work: @Sendable (ChunkBuilder) -> Extra) throws -> [Chunk<Extra>]? {
        while !done && pending.count < threads {
            guard let block = try reader.next() else { done = true; break }
            pending.append((block, 0))
            done = block.isLast
        }
        if pending.isEmpty { return nil }
        let blocks = pending
        pending.removeAll()
        let slots = WriteOnceSlots<(ChunkBuilder, Int, Extra)>(count: blocks.count)
        let binding = binding, context = context
        DispatchQueue.concurrentPerform(iterations: blocks.count) { k in
            let (block, start) = blocks[k]
            var builder = ChunkBuilder(context: context)
            let records = CSVChunkParser.parse(FieldBytes(rebasing: block.bytes[start...]), binding: binding, into: &builder)
            slots.store((builder, records, work(builder)), at: k)
        }
        return slots.collect().map { builder, records, extra in
            defer { nextRecord += records }
            return Chunk(builder: builder, extra: extra, firstRecord: nextRecord)
        }
    }
}
