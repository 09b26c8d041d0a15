import CrimeCore
import CrimeGeo
import CrimeModels
import CrimeEval

/// The Las Vegas hot-spot study on any cleaned incident table, with the study's choices: H3 cells
/// at resolution 8, the four shifts of ``HotspotStudy/studyShifts()``, a random forest fitted on a
/// training period of whole weeks and scored on the same number of weeks after it.
///
/// The cells are the study area (`StudyArea`), never the bare bounding box: with a ``boundary`` the H3
/// cells whose centre lies inside it; without one the cells holding an incident of the *training*
/// period and their neighbours one ring out, so the test period does not choose the cells it is scored
/// on. Empty cells of the study area are kept: their zeros are data. A bounding box over a real city
/// holds much empty land, water and desert whose easy zeros raise R² and dilute the area shares of PAI
/// for every model alike; the study area keeps them out.
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
    /// The study area's boundary (the city limits, e.g. from `StudyArea.boundary(contentsOf:crs:)`): the
    /// cells whose centre lies inside it are studied. Nil studies the cells holding a training-period
    /// incident and their neighbours one ring out.
    public var boundary: PolygonIndex?

    /// The most H3 cells the incidents' bounding box may hold before the pipeline refuses the extent
    /// (``HotspotError/extentTooLarge(cells:limit:resolution:)``): a guard against a stray point far
    /// from the city, checked before any cell is laid out.
    public static let maximumBoxCells = 250_000

    /// What a run produced: the H3 grid of the cells (for maps) and the study's result.
    public struct Output: Sendable {
        /// The grid the cells belong to.
        public let index: H3Grid
        /// Forecasts, scores and the data they came from.
        public let result: HotspotResult
    }

    /// The study's defaults.
    public init() {}

    /// Aggregates, fits and scores; hit rates, PAI and PEI share out the areas of the study area's cells
    /// on the sphere. The result's ``HotspotResult/studyArea`` says which cells were kept and by which rule.
    public func run(_ table: IncidentTable) throws -> Output {
        guard let span = table.timeSpan else { throw HotspotError.emptyPeriod }
        let last = LocalDay(utc: span.upperBound, in: table.zone)
        let first = start ?? last.adding(days: 1 - 14 * weeks)
        let middle = first.adding(days: 7 * weeks), end = first.adding(days: 14 * weeks)
        guard last >= end.adding(days: -1), first >= LocalDay(utc: span.lowerBound, in: table.zone) else {
            throw HotspotError.notEnoughData(needed: "\(first)…\(end)", available: "\(LocalDay(utc: span.lowerBound, in: table.zone))…\(last)")
        }
        let trainStart = first.start(in: table.zone), trainEnd = middle.start(in: table.zone)
        let points = table.times.indices.filter { table.times[$0] >= trainStart && table.times[$0] < trainEnd }.map(table.location)
        guard let box = BoundingBox(enclosing: points.filter { $0.latitude.isFinite && $0.longitude.isFinite }) else { throw HotspotError.noCells }
        let index = try H3Grid(resolution: resolution)
        let centre = GeoPoint(latitude: (box.minLatitude + box.maxLatitude) / 2, longitude: (box.minLongitude + box.maxLongitude) / 2)
        if let cell = index.cell(containing: centre) {
            let estimate = box.squareMetres / (try H3.cellAreaM2(H3Index(cell)))
            guard estimate <= Double(Self.maximumBoxCells) else {
                throw HotspotError.extentTooLarge(cells: Int(estimate.rounded()), limit: Self.maximumBoxCells, resolution: resolution)
            }
        }
        let area = try StudyArea.select(of: index, points: points, boundary: boundary)
        guard !area.cells.isEmpty else { throw HotspotError.noCells }
        let data = try HotspotData(table: table, index: index, cells: area.cells, scheme: try HotspotStudy.studyShifts(),
                                   trainDays: first..<middle, testDays: middle..<end,
                                   areas: try area.cells.map { try H3.cellAreaKm2(H3Index($0)) })
        let forest = RandomForestRegressor(trees: trees, minSamplesLeaf: minSamplesLeaf, maxFeatures: .fraction(0.5), seed: seed)
        var result = try HotspotStudy.run(data, models: [HotspotModel(name: "random forest", forest)])
        result.studyArea = area
        return Output(index: index, result: result)
    }
}
