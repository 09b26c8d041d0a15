/// Hot-spot scores from crime-forecasting practice: hit rate, the Predictive Accuracy Index (PAI)
/// and the Prediction Efficiency Index (PEI) at a share of the study area.
///
/// Cells are ranked by forecast, highest first (ties: lower cell index first), and flagged in that
/// order until the flagged area reaches the requested share of the total area. With unequal cell
/// areas the share reached is usually a little above the request; every score uses the share
/// actually reached (``HotspotPoint/areaFraction``).
///
/// - hit rate h = observed incidents in flagged cells / all observed incidents;
/// - PAI = h / a, with a the flagged share of the area (Chainey, Tompson & Uhlig, 2008);
/// - PEI = PAI / PAI*, where PAI* is the best PAI any selection of the same area a could reach
///   (Hunt, 2016). PAI* fills area a with the cells of highest observed density (count / area),
///   taking a fraction of the last cell: for equal-area cells and a whole number of cells that is
///   exactly the best selection; for unequal areas it is an upper bound, so PEI ≤ 1 always.
/// - PEI* = captured / n*, with n* the most incidents any selection of the same NUMBER of cells
///   holds (the cells with the highest observed counts): the operational form of White, Hunt &
///   Green (2023), where a department patrols a number of places rather than an area; ≤ 1 always.
/// - RRI, the recapture rate index (Levine, 2008), adapted to forecasts: (observed / expected in the
///   flagged cells) ÷ (observed / expected overall); 1 when the flagged cells are as well calibrated
///   as the whole map, above 1 when they hold more than forecast; NaN when nothing is forecast there.
public struct HotspotMetrics: Sendable {
    /// The forecast per cell.
    public let predicted: [Double]
    /// The observed count per cell.
    public let observed: [Double]
    /// The area of each cell (any unit).
    public let areas: [Double]
    private let order: [Int]
    private let densityOrder: [Int]
    private let countOrder: [Int]
    let totalArea: Double
    let totalObserved: Double
    let totalExpected: Double

    /// Prepares the scores; `areas` nil means every cell has area 1.
    ///
    /// Throws for empty or mismatched inputs, non-finite values, negative counts, non-positive
    /// areas, or no observed incident at all (every hit rate would be 0/0).
    public init(predicted: [Double], observed: [Double], areas: [Double]? = nil) throws {
        self.init(valid: predicted, observed: observed, areas: try Self.checkedAreas(predicted: predicted, observed: observed, areas: areas))
        guard totalObserved > 0 else {
            throw MetricsError.badParameter(name: "observed counts", reason: "no incident was observed, so hit rates are undefined")
        }
    }

    /// Prepares checked inputs (``checkedAreas(predicted:observed:areas:)``); the total observed may be 0.
    init(valid predicted: [Double], observed: [Double], areas: [Double]) {
        self.predicted = predicted
        self.observed = observed
        self.areas = areas
        order = predicted.indices.sorted { predicted[$0] > predicted[$1] || (predicted[$0] == predicted[$1] && $0 < $1) }
        densityOrder = observed.indices.sorted { observed[$0] / areas[$0] > observed[$1] / areas[$1] }
        countOrder = observed.indices.sorted { observed[$0] > observed[$1] }
        totalArea = areas.reduce(0, +)
        totalObserved = observed.reduce(0, +)
        totalExpected = predicted.reduce(0, +)
    }

    /// Throws for empty or mismatched inputs, non-finite values, negative counts or non-positive
    /// areas; returns the areas (all 1 when nil).
    static func checkedAreas(predicted: [Double], observed: [Double], areas: [Double]?) throws -> [Double] {
        try MetricsCheck.pair(observed, "observed counts", predicted, "forecasts")
        let areas = areas ?? [Double](repeating: 1, count: observed.count)
        guard areas.count == observed.count else {
            throw MetricsError.lengthMismatch(what: "areas", expected: observed.count, got: areas.count)
        }
        try MetricsCheck.finite(areas, "areas")
        if let bad = observed.firstIndex(where: { $0 < 0 }) {
            throw MetricsError.outOfDomain(what: "observed counts", index: bad, value: observed[bad], requirement: "counts must be ≥ 0")
        }
        if let bad = areas.firstIndex(where: { $0 <= 0 }) {
            throw MetricsError.outOfDomain(what: "areas", index: bad, value: areas[bad], requirement: "areas must be > 0")
        }
        return areas
    }

    /// Throws unless the area share lies in (0, 1].
    static func checkFraction(_ areaFraction: Double) throws {
        guard areaFraction > 0, areaFraction <= 1 else {
            throw MetricsError.badParameter(name: "area fraction", reason: "must lie in (0, 1], got \(areaFraction)")
        }
    }

    /// The scores when flagging `areaFraction` (in (0, 1]) of the area.
    public func at(areaFraction: Double) throws -> HotspotPoint {
        try Self.checkFraction(areaFraction)
        return Self.point(requested: areaFraction, flagged(areaFraction: areaFraction), totalArea: totalArea,
                          totalObserved: totalObserved, totalExpected: totalExpected)
    }

    /// Scores at each requested area share (the hit-rate and PAI curves).
    public func curve(areaFractions: [Double]) throws -> [HotspotPoint] {
        try areaFractions.map { try at(areaFraction: $0) }
    }

    /// Scores after each cell in rank order: the full-resolution curve over area coverage.
    public func curve() -> [HotspotPoint] {
        var area = 0.0, hits = 0.0, expected = 0.0, bestByCount = 0.0
        var result = [HotspotPoint]()
        result.reserveCapacity(order.count)
        for (k, i) in order.enumerated() {
            area += areas[i]
            hits += observed[i]
            expected += predicted[i]
            bestByCount += observed[countOrder[k]]
            let flagged = Flagged(cells: k + 1, area: area, hits: hits, best: bestCapturable(area: area),
                                  expected: expected, bestByCount: bestByCount)
            result.append(Self.point(requested: area / totalArea, flagged, totalArea: totalArea, totalObserved: totalObserved,
                                     totalExpected: totalExpected))
        }
        return result
    }

    /// What flagging cells in rank order until `areaFraction` of the area captures.
    func flagged(areaFraction: Double) -> Flagged {
        let target = areaFraction * totalArea * (1 - 1e-12)
        var area = 0.0, hits = 0.0, cells = 0, expected = 0.0
        for i in order where area < target {
            area += areas[i]
            hits += observed[i]
            expected += predicted[i]
            cells += 1
        }
        return Flagged(cells: cells, area: area, hits: hits, best: bestCapturable(area: area), expected: expected,
                       bestByCount: countOrder.prefix(cells).reduce(0) { $0 + observed[$1] })
    }

    /// The scores of flagged cells out of `totalArea` and `totalObserved`.
    static func point(requested: Double, _ flagged: Flagged, totalArea: Double, totalObserved: Double,
                      totalExpected: Double) -> HotspotPoint {
        let a = flagged.area / totalArea
        let hitRate = flagged.hits / totalObserved
        let pai = hitRate / a
        let pei = flagged.best > 0 ? flagged.hits / flagged.best : 0
        let rri = flagged.expected > 0 && totalExpected > 0 ? (flagged.hits / flagged.expected) / (totalObserved / totalExpected) : .nan
        return HotspotPoint(requestedFraction: requested, areaFraction: a, cellsFlagged: flagged.cells, captured: flagged.hits,
                            hitRate: hitRate, pai: pai, maximumPAI: (flagged.best / totalObserved) / a, pei: pei,
                            peiStar: flagged.bestByCount > 0 ? flagged.hits / flagged.bestByCount : 0, recaptureRateIndex: rri)
    }

    /// The most incidents any selection of `area` could hold, taking a fraction of the last cell.
    private func bestCapturable(area: Double) -> Double {
        var left = area, captured = 0.0
        for i in densityOrder where left > 0 {
            let take = min(areas[i], left)
            captured += observed[i] * take / areas[i]
            left -= take
        }
        return captured
    }
}

/// Flagged cells: how many, their area, the incidents they hold, the most incidents any selection of
/// the same area could hold, the incidents forecast for them, and the most incidents any selection of
/// as many cells holds.
struct Flagged {
    var cells: Int
    var area: Double
    var hits: Double
    var best: Double
    var expected: Double
    var bestByCount: Double
}

/// Hot-spot scores at one area share.
public struct HotspotPoint: Sendable, Equatable, Codable {
    /// The area share asked for.
    public var requestedFraction: Double
    /// The area share the flagged cells actually cover.
    public var areaFraction: Double
    /// How many cells were flagged.
    public var cellsFlagged: Int
    /// Observed incidents in the flagged cells.
    public var captured: Double
    /// Share of all observed incidents captured.
    public var hitRate: Double
    /// Predictive Accuracy Index, hit rate / area share.
    public var pai: Double
    /// The best PAI reachable with the same area share.
    public var maximumPAI: Double
    /// Prediction Efficiency Index, PAI / maximum PAI.
    public var pei: Double
    /// PEI*: captured incidents / the most any selection of as many cells holds.
    public var peiStar: Double
    /// Recapture rate index: (observed / expected in the flagged cells) / (observed / expected overall).
    public var recaptureRateIndex: Double
}
