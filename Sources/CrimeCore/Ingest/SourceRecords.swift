/// The record number in the source file of every row of an ingested table, so that later steps
/// (``IncidentTable/cleaned(options:report:)``) name the record a row came from.
///
/// Kept compactly: the number of the first data record, and the numbers of the records from there on
/// that gave no row (dropped, or blank lines). Rows are the other records, in order.
public struct SourceRecords: Sendable, Equatable {
    /// The record number of the first data record: 2 in CSV (the header is record 1), 1 in GeoJSON.
    public var first: Int
    /// The records at or after ``first`` that gave no row, ascending.
    public var skipped: [Int]

    /// Records numbered from `first`, with `skipped` (ascending) giving no row.
    public init(first: Int = 2, skipped: [Int] = []) {
        self.first = first
        self.skipped = skipped
    }

    /// The record number of table row `row` (0-based). O(log skipped).
    public func record(ofRow row: Int) -> Int {
        // Before skipped[j] lie skipped[j] - first - j rows; count the skipped records a row comes after.
        var low = 0
        var high = skipped.count
        while low < high {
            let mid = (low + high) / 2
            if skipped[mid] - first - mid <= row { low = mid + 1 } else { high = mid }
        }
        return first + row + low
    }
}
