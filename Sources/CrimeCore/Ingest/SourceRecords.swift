/// The record number in the source file of every row of an ingested table, so that later steps
/// (``IncidentTable/cleaned(options:report:)``) name the record a row came from.
///
/// Kept compactly: the number of the first data record, and the runs of consecutive records from there
/// on that gave no row (dropped, or blank lines); rows are the other records, in order. A file of a
/// million blank lines is one run, so the memory is at most two numbers per kept row.
public struct SourceRecords: Sendable, Equatable {
    /// The record number of the first data record: 2 in CSV (the header is record 1), 1 in GeoJSON.
    public var first: Int
    /// Runs of records at or after ``first`` that gave no row, ascending, none touching the next.
    public private(set) var skipped: [Range<Int>] = []
    /// `skippedBefore[j]`: the records in the runs before run `j`.
    private var skippedBefore: [Int] = []

    /// Records numbered from `first`, with `skipped` (ascending) giving no row.
    public init(first: Int = 2, skipped: [Int] = []) {
        self.first = first
        for record in skipped { skip(record) }
    }

    /// Notes that `record` (after every record noted so far) gave no row.
    mutating func skip(_ record: Int) {
        skip(record..<record + 1)
    }

    /// Notes that the records of `run` (after every record noted so far) gave no row.
    mutating func skip(_ run: Range<Int>) {
        if let last = skipped.last, last.upperBound == run.lowerBound {
            skipped[skipped.count - 1] = last.lowerBound..<run.upperBound
        } else {
            skippedBefore.append((skippedBefore.last ?? 0) + (skipped.last?.count ?? 0))
            skipped.append(run)
        }
    }

    /// Notes the skipped records of a later part of the file whose records were numbered from 0;
    /// `offset` is the number its record 0 has in the file.
    mutating func append(_ part: SourceRecords, offset: Int) {
        for run in part.skipped { skip(run.lowerBound + offset..<run.upperBound + offset) }
    }

    /// The record number of table row `row` (0-based). O(log runs).
    public func record(ofRow row: Int) -> Int {
        // Before run j lie skipped[j].lowerBound - first - skippedBefore[j] rows; find the last run a row
        // comes after.
        var low = 0
        var high = skipped.count
        while low < high {
            let mid = (low + high) / 2
            if skipped[mid].lowerBound - first - skippedBefore[mid] <= row { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return first + row }
        return first + row + skippedBefore[low - 1] + skipped[low - 1].count
    }
}
