/// Parses the data records of one block of a CSV file into a ``ChunkBuilder``.
enum CSVChunkParser {
    /// Reads every record of `block` (which starts and ends on record boundaries, except that the
    /// file's last block may end without a line end). Blank lines are skipped and not counted, but keep
    /// their record number. A record whose quoted field never closes (only possible in the last block)
    /// takes the rest of the block and is dropped as `unterminated_quote`.
    /// Returns the number of records scanned, blank lines included.
    static func parse(_ block: FieldBytes, binding: ColumnBinding, into builder: inout ChunkBuilder) -> Int {
        let scanner = CSVRecordScanner(fieldCapacity: binding.fieldCount)
        let extraCount = binding.extras.count
        let extras = UnsafeMutableBufferPointer<FieldBytes>.allocate(capacity: max(1, extraCount))
        defer { extras.deallocate() }
        let empty = FieldBytes(start: nil, count: 0)
        var p = 0
        var record = 0
        while p < block.count {
            let start = p
            let next: Int, fields: Int
            do throws(CSVRecordScanner.UnterminatedQuote) {
                (next, fields) = try scanner.scan(block, from: p, record: record)
            } catch {
                let last = block[block.count - 1]
                let lines = CSVRecordScanner.lineEnds(block, start, block.count) + (last == 0x0A || last == 0x0D ? 0 : 1)
                builder.dropUnterminated(record: record, lines: lines)
                return record + 1
            }
            p = next
            defer { record += 1 }
            if fields == 1 && CSVRecordScanner.isBlankLine(block, start, next) {
                builder.skipBlank(record: record)
                continue
            }
            guard fields == binding.fieldCount else {
                builder.dropMalformed(record: record, fields: fields, expected: binding.fieldCount)
                continue
            }
            scanner.beginRecord(length: next - start)
            let time = scanner.field(binding.time, in: block)
            let timeOfDay = binding.timeOfDay.map { scanner.field($0, in: block) }
            var location = ChunkBuilder.LocationSource.missing
            for (k, pair) in binding.locationPairs.enumerated() {
                let lat = scanner.field(pair.latitude, in: block)
                let lon = scanner.field(pair.longitude, in: block)
                if !lat.isBlank || !lon.isBlank || k == binding.locationPairs.count - 1 {
                    location = .text(lat, lon, pair: k)
                    break
                }
            }
            for k in 0..<extraCount {
                extras[k] = binding.extras[k].map { scanner.field($0, in: block) } ?? empty
            }
            builder.add(record: record, id: binding.id.map { scanner.field($0, in: block) },
                        time: .text(time, timeOfDay: timeOfDay), location: location,
                        offense: scanner.field(binding.category, in: block),
                        extras: UnsafeBufferPointer(rebasing: extras[0..<extraCount]))
        }
        return record
    }
}
