import CrimeCore
import CrimeForecast
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
    /// Each cell's area (any unit), which the hit rate, PAI and PEI share out.
    public let areas: [Double]

    /// Aggregates the table's incidents into `cells` of `index` and the day-of-week × shift
    /// buckets of `scheme`, separately for the training and test periods (local days in the
    /// table's zone). Incidents outside the cells or both periods are counted in neither.
    ///
    /// `areas` gives each cell's area, in the order of `cells` (H3 cells: `H3.cellAreaKm2(_:)`);
    /// nil gives every cell the same area, as on a regular grid. Throws when there are no cells,
    /// a period has no days, or an area is missing, not finite or not positive.
    public init(table: IncidentTable, index: some SpatialIndex, cells: [CellID], scheme: ShiftScheme,
                trainDays: Range<LocalDay>, testDays: Range<LocalDay>, areas: [Double]? = nil) throws {
        guard !cells.isEmpty else { throw HotspotError.noCells }
        guard !trainDays.isEmpty, !testDays.isEmpty else { throw HotspotError.emptyPeriod }
        let areas = areas ?? [Double](repeating: 1, count: cells.count)
        guard areas.count == cells.count else { throw MetricsError.lengthMismatch(what: "cell areas", expected: cells.count, got: areas.count) }
        if let bad = areas.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw MetricsError.outOfDomain(what: "cell areas", index: bad, value: areas[bad], requirement: "areas must be finite and > 0")
        }
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
        self.areas = areas
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
    public func features() -> HotspotFeatures {
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
        return HotspotFeatures(matrix: Matrix(rows: rowCount, columns: names.count, values: values), names: names)
    }

    /// A naive rule's forecast of the test period from the training period, cell-major like
    /// ``test``: the training buckets are the history's windows `0..<b` and the test buckets its
    /// targets `b..<2b` (b = `buckets.count`), so a season of `b` windows pairs each test bucket
    /// with the same bucket of the training period.
    public func forecast(_ rule: NaiveBaseline.Rule) throws -> [Double] {
        let b = buckets.count
        let history = try CountHistory(cellCount: cells.count, windows: Array(0..<b), counts: train)
        return try rule.forecast(history, windows: Array(b..<(2 * b)), neighbors: neighbors)
    }

    /// Cell-major values (like ``test``) regrouped per bucket: `result[k][c]` is cell c in bucket k.
    func byBucket(_ values: [Double]) -> [[Double]] {
        let b = buckets.count
        return (0..<b).map { k in cells.indices.map { values[$0 * b + k] } }
    }
}

/// The feature matrix of a hot-spot study (``HotspotData/features()``): one row per (cell,
/// bucket), cell-major, and the name of each column.
public struct HotspotFeatures: Sendable {
    /// One row per (cell, bucket).
    public let matrix: Matrix
    /// The name of each column.
    public let names: [String]
}
