import CrimeEval
/// The naive forecasts every hot-spot model is judged against, each from the training period only.
public enum HotspotBaseline: String, CaseIterable, Sendable {
    /// The training period's count in the same cell and bucket.
    case lastPeriod = "naive: previous period"
    /// The cell's training total spread over buckets by the city's share of each bucket.
    case cellTimesBucketShare = "naive: cell total × bucket share"
    /// The mean of the training period's count over the cell and its neighbours, same bucket.
    case spatiallySmoothed = "naive: smoothed previous period"

    /// The forecast for every (cell, bucket) row of the test period, cell-major.
    public func forecast(_ data: HotspotData) -> [Double] {
        let b = data.buckets.count
        switch self {
        case .lastPeriod:
            return data.train
        case .cellTimesBucketShare:
            var bucketTotals = [Double](repeating: 0, count: b)
            var cellTotals = [Double](repeating: 0, count: data.cells.count)
            for c in data.cells.indices {
                for k in 0..<b {
                    bucketTotals[k] += data.train[c * b + k]
                    cellTotals[c] += data.train[c * b + k]
                }
            }
            let city = bucketTotals.reduce(0, +)
            return data.cells.indices.flatMap { c in
                (0..<b).map { k in city > 0 ? cellTotals[c] * bucketTotals[k] / city : 0 }
            }
        case .spatiallySmoothed:
            return data.cells.indices.flatMap { c in
                (0..<b).map { k in
                    let group = [c] + data.neighbors[c]
                    return group.reduce(0) { $0 + data.train[$1 * b + k] } / Double(group.count)
                }
            }
        }
    }
}
