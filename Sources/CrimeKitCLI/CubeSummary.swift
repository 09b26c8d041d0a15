import CrimeCore
import CrimeGeo

/// The demo's look at a space-time cube of weekday × shift buckets over a regular grid.
struct CubeSummary: Encodable {
    struct Bucket: Encodable {
        var label: String
        var incidents: Int
    }
    struct Cell: Encodable {
        var label: String
        var latitude: Double
        var longitude: Double
        var incidents: Int
    }

    var cells: Int
    var buckets: Int
    var counted: Int
    var outsideGrid: Int
    var emptyCells: Int
    var busiestBuckets: [Bucket]
    var quietestBuckets: [Bucket]
    var hottestCells: [Cell]
    /// Mean count of the Friday and Saturday late-night buckets over the weekday morning buckets.
    var weekendLateNightOverWeekdayMorning: Double

    enum CodingKeys: String, CodingKey {
        case cells, buckets, counted, emptyCells = "empty_cells", outsideGrid = "outside_grid"
        case busiestBuckets = "busiest_buckets", quietestBuckets = "quietest_buckets", hottestCells = "hottest_cells"
        case weekendLateNightOverWeekdayMorning = "weekend_late_night_over_weekday_morning"
    }

    init(cube: SpaceTimeCube, grid: RegularGrid) throws {
        cells = cube.cellCount
        buckets = cube.windowCount
        counted = cube.report.counted
        outsideGrid = cube.report.outsideIndex + cube.report.outsideCells
        let labels = cube.windows.labels
        let perBucket = cube.windowTotals()
        let perCell = cube.cellTotals()
        emptyCells = perCell.filter { $0 == 0 }.count
        let ranked = perBucket.indices.sorted { (perBucket[$0], $1) > (perBucket[$1], $0) }
        busiestBuckets = ranked.prefix(3).map { Bucket(label: labels[$0], incidents: perBucket[$0]) }
        quietestBuckets = ranked.suffix(3).map { Bucket(label: labels[$0], incidents: perBucket[$0]) }
        hottestCells = try perCell.indices.sorted { (perCell[$0], $1) > (perCell[$1], $0) }.prefix(5).map {
            let centre = try grid.center(of: cube.cells[$0])
            return Cell(label: grid.label(of: cube.cells[$0]), latitude: centre.latitude, longitude: centre.longitude,
                        incidents: perCell[$0])
        }
        func mean(_ names: [String]) -> Double {
            let values = names.compactMap { labels.firstIndex(of: $0) }.map { Double(perBucket[$0]) }
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        weekendLateNightOverWeekdayMorning = mean(["Friday Late Night", "Saturday Late Night"])
            / mean(weekdays.map { "\($0) Morning" })
    }
}
