extension HotspotMetrics {
    /// Hit rate, PAI and PEI pooled over groups of the same cells — for example the day-of-week ×
    /// shift buckets of a test period, each of which gets its own patrol plan.
    ///
    /// In every group the cells are ranked by that group's forecast and flagged until `areaFraction`
    /// of the area is reached, exactly as ``at(areaFraction:)`` does; then the incidents captured,
    /// the area flagged, the most incidents that area could hold, and the incidents and area of the
    /// group are summed over the groups. So the pooled hit rate is all captured incidents over all
    /// incidents, the area share is the flagged cell-group area over cells × groups, PAI is their
    /// ratio and PEI is captured over best capturable. A group without incidents still flags its
    /// share of the area (it adds area but no hits). With one group this equals ``at(areaFraction:)``.
    ///
    /// `predicted[g]` and `observed[g]` hold group g's values per cell; `areas` (nil: all 1) is
    /// shared by every group. Throws for no groups, groups of different lengths, the inputs
    /// ``init(predicted:observed:areas:)`` rejects, or no incident in any group.
    public static func pooled(predicted: [[Double]], observed: [[Double]], areas: [Double]? = nil,
                              areaFraction: Double) throws -> HotspotPoint {
        try checkFraction(areaFraction)
        guard !predicted.isEmpty else { throw MetricsError.empty(what: "forecast groups") }
        guard observed.count == predicted.count else {
            throw MetricsError.lengthMismatch(what: "observed groups", expected: predicted.count, got: observed.count)
        }
        var pooled = Flagged(cells: 0, area: 0, hits: 0, best: 0, expected: 0, bestByCount: 0)
        var totalArea = 0.0, totalObserved = 0.0, totalExpected = 0.0
        for g in predicted.indices {
            guard predicted[g].count == predicted[0].count else {
                throw MetricsError.lengthMismatch(what: "forecasts of group \(g)", expected: predicted[0].count, got: predicted[g].count)
            }
            let cellAreas = try checkedAreas(predicted: predicted[g], observed: observed[g], areas: areas)
            let group = HotspotMetrics(valid: predicted[g], observed: observed[g], areas: cellAreas)
            let flagged = group.flagged(areaFraction: areaFraction)
            pooled.cells += flagged.cells
            pooled.area += flagged.area
            pooled.hits += flagged.hits
            pooled.best += flagged.best
            pooled.expected += flagged.expected
            pooled.bestByCount += flagged.bestByCount
            totalArea += group.totalArea
            totalObserved += group.totalObserved
            totalExpected += group.totalExpected
        }
        guard totalObserved > 0 else {
            throw MetricsError.badParameter(name: "observed counts", reason: "no incident was observed in any group, so hit rates are undefined")
        }
        return point(requested: areaFraction, pooled, totalArea: totalArea, totalObserved: totalObserved, totalExpected: totalExpected)
    }
}
