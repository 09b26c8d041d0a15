import CrimeCore
import CrimeGeo
import Foundation
import CrimeEval

/// Counts per cell × (day of week, shift) bucket for a training year and the year after — the
/// data of the Las Vegas hot-spot study — with the geometry the features and maps need.
///
/// Every cell of the index that was asked for is kept, including cells with no incidents in
/// either year: their zeros are data.
public struct HotspotData: Sendable {
    /// The cells, in the order of every per-cell array.
    public let cells: [CellID]
    /// Each cell's label.
    public let labels: [String]
    /// Each cell's centre.
    public let centers: [GeoPoint]
    /// Each cell's neighbours, as ordinals into `cells`.
    public let neighbors: [[Int]]
    /// The bucket labels ("Saturday Late Night"), Monday's shifts first.
    public let buckets: [String]
    /// Shifts per day.
    public let shiftsPerDay: Int
    /// Counts in the training period, cell-major: `train[c * buckets.count + b]`.
    public let train: [Double]
    /// Counts in the test period, laid out like `train`.
    public let test: [Double]
    /// The training and test periods as local days (`from..<until`).
    public let trainDays: Range<LocalDay>, testDays: Range<LocalDay>

    /// Aggregates the table's incidents into `cells` of `index` and the day-of-week × shift
    /// buckets of `scheme`, separately for the training and test periods (local days in the
    /// table's zone). Incidents outside the cells or both periods are counted in neither.
    public init(table: IncidentTable, index: some SpatialIndex, cells: [CellID], scheme: ShiftScheme,
                trainDays: Range<LocalDay>, testDays: Range<LocalDay>) throws {
        guard !cells.isEmpty else { throw HotspotError.noCells }
        guard !trainDays.isEmpty, !testDays.isEmpty else { throw HotspotError.emptyPeriod }
        let windowing = TimeWindowing.dayOfWeekShifts(scheme, zone: table.zone)
        let trainSpan = try WindowSpan(windowing, from: trainDays.lowerBound, until: trainDays.upperBound)
        let testSpan = try WindowSpan(windowing, from: testDays.lowerBound, until: testDays.upperBound)
        // Bucket spans do not bound time, so each period's rows are selected first.
        func rows(in days: Range<LocalDay>) -> IncidentTable {
            let start = days.lowerBound.start(in: table.zone), end = days.upperBound.start(in: table.zone)
            return table.selecting(rows: table.times.indices.filter { table.times[$0] >= start && table.times[$0] < end })
        }
        let trainCube = try SpaceTimeCube(table: rows(in: trainDays), index: index, cells: cells, windows: trainSpan)
        let testCube = try SpaceTimeCube(table: rows(in: testDays), index: index, cells: cells, windows: testSpan)
        self.cells = trainCube.cells
        labels = trainCube.cells.map(index.label(of:))
        centers = try trainCube.cells.map(index.center(of:))
        neighbors = try trainCube.neighbors(from: index)
        buckets = trainSpan.labels
        shiftsPerDay = scheme.count
        train = (0..<trainCube.cellCount).flatMap(trainCube.series(cell:))
        test = (0..<testCube.cellCount).flatMap(testCube.series(cell:))
        self.trainDays = trainDays
        self.testDays = testDays
    }

    /// The number of (cell, bucket) rows.
    public var rowCount: Int { cells.count * buckets.count }

    /// The bucket ordinal of a label, or a typed error naming the known labels.
    public func bucket(named label: String) throws -> Int {
        guard let b = buckets.firstIndex(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) else {
            throw HotspotError.unknownBucket(label, known: buckets)
        }
        return b
    }

    /// The features of every (cell, bucket) row, cell-major: the cell centre's east and north
    /// offsets in km from the centre of all cells (a local Transverse Mercator), weekday (0 =
    /// Monday), shift ordinal, a weekend flag (Saturday and Sunday), the mean training-period count
    /// of the cell's neighbours in the same bucket, the cell's training count in all *other* buckets,
    /// the bucket's training count in all *other* cells, and the count those two margins imply
    /// (`cell × bucket ÷ total`, the multiplicative expectation). All three leave the row's own count
    /// out, so no feature contains its training target.
    ///
    /// Features come from geometry, the calendar and the training period only, so the same
    /// matrix serves the training targets and the test targets without leaking the test year.
    public func features() -> (matrix: Matrix, names: [String]) {
        let names = ["east_km", "north_km", "weekday", "shift", "weekend", "neighbor_mean_train",
                     "cell_other_buckets_train", "bucket_other_cells_train", "margin_expectation_train"]
        let meanLat = centers.map(\.latitude).reduce(0, +) / Double(centers.count)
        let meanLon = centers.map(\.longitude).reduce(0, +) / Double(centers.count)
        let projection = LocalProjection(origin: GeoPoint(latitude: meanLat, longitude: meanLon))
        let b = buckets.count
        var cellTotals = [Double](repeating: 0, count: cells.count)
        var bucketTotals = [Double](repeating: 0, count: b)
        for c in cells.indices {
            for k in 0..<b {
                cellTotals[c] += train[c * b + k]
                bucketTotals[k] += train[c * b + k]
            }
        }
        let total = cellTotals.reduce(0, +)
        var values = [Double]()
        values.reserveCapacity(rowCount * names.count)
        for c in cells.indices {
            let xy = projection.project(centers[c])
            for k in 0..<b {
                let weekday = k / shiftsPerDay, shift = k % shiftsPerDay
                let weekend = weekday >= 5 ? 1.0 : 0.0
                let around = neighbors[c]
                let neighborMean = around.isEmpty ? 0 : around.reduce(0) { $0 + train[$1 * b + k] } / Double(around.count)
                let own = train[c * b + k]
                values += [xy.x / 1000, xy.y / 1000, Double(weekday), Double(shift), weekend, neighborMean,
                           cellTotals[c] - own, bucketTotals[k] - own,
                           total > own ? (cellTotals[c] - own) * (bucketTotals[k] - own) / (total - own) : 0]
            }
        }
        return (Matrix(rows: rowCount, columns: names.count, values: values), names)
    }
}
