import CrimeCore
import CrimeGeo
import CrimeModels
import CrimeEval

/// The Las Vegas hot-spot study on any cleaned incident table, with the study's choices: H3 cells
/// at resolution 8, the four shifts of ``HotspotStudy/studyShifts()``, a random forest fitted on a
/// training period of whole weeks and scored on the same number of weeks after it.
///
/// The cells are every H3 cell whose centre lies in the bounding box of the incidents (empty cells
/// included). On a real extract whose box holds much empty land this adds many easy zeros, which
/// raises R² for every model and baseline alike; compare models, not R² across cities.
public struct HotspotPipeline: Sendable {
    /// H3 resolution of the cells.
    public var resolution = 8
    /// Weeks in each of the training and test periods.
    public var weeks = 52
    /// First day of the training period. Nil takes the periods from where the data is: they end with
    /// the local day of the last incident and start `2 × weeks` weeks before that, so a stray record
    /// dated decades early does not pull the study back in time.
    public var start: LocalDay?
    /// Trees in the forest.
    public var trees = 100
    /// The forest's minimum samples per leaf.
    public var minSamplesLeaf = 20
    /// Seed of the forest.
    public var seed: UInt64 = 1

    /// What a run produced: the H3 grid of the cells (for maps) and the study's result.
    public struct Output: Sendable {
        /// The grid the cells belong to.
        public let index: H3Grid
        /// Forecasts, scores and the data they came from.
        public let result: HotspotResult
    }

    /// The study's defaults.
    public init() {}

    /// Aggregates, fits and scores; hit rates, PAI and PEI share out the cells' areas on the sphere.
    public func run(_ table: IncidentTable) throws -> Output {
        guard let span = table.timeSpan else { throw HotspotError.emptyPeriod }
        let last = LocalDay(utc: span.upperBound, in: table.zone)
        let first = start ?? last.adding(days: 1 - 14 * weeks)
        let middle = first.adding(days: 7 * weeks), end = first.adding(days: 14 * weeks)
        guard last >= end.adding(days: -1), first >= LocalDay(utc: span.lowerBound, in: table.zone) else {
            throw HotspotError.notEnoughData(needed: "\(first)…\(end)", available: "\(LocalDay(utc: span.lowerBound, in: table.zone))…\(last)")
        }
        let points = table.latitudes.indices.map { GeoPoint(latitude: table.latitudes[$0], longitude: table.longitudes[$0]) }
        guard let box = BoundingBox(enclosing: points) else { throw HotspotError.noCells }
        let index = try H3Grid(resolution: resolution)
        let cells = try index.cells(covering: box)
        let data = try HotspotData(table: table, index: index, cells: cells, scheme: try HotspotStudy.studyShifts(),
                                   trainDays: first..<middle, testDays: middle..<end,
                                   areas: try cells.map { try H3.cellAreaKm2(H3Index($0)) })
        let forest = RandomForestRegressor(trees: trees, minSamplesLeaf: minSamplesLeaf, maxFeatures: .fraction(0.5), seed: seed)
        return Output(index: index, result: try HotspotStudy.run(data, models: [HotspotModel(name: "random forest", forest)]))
    }
}
