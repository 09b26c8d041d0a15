extension Metrics {
    /// Variance of the forecasts ÷ variance of the truth (population variances, pooled over every
    /// value): near 1 for a forecast that varies as much as the truth, below 1 for one that regresses
    /// to the mean. NaN when the truth is constant, empty or of another length.
    public static func varianceRatio(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard truth.count == predicted.count else { return .nan }
        let v = populationVariance(truth)
        return v > 0 ? populationVariance(predicted) / v : .nan
    }

    /// For a panel laid out row-major `[window, cell]` (`cells` values per window): the mean over
    /// cells of (variance of the cell's forecasts across windows ÷ variance of its truth across
    /// windows). Near 0 for a forecast that predicts each cell's mean, near 1 for one that follows
    /// each cell's ups and downs. Cells whose truth never varies are skipped; NaN when every cell is
    /// skipped or the inputs are not whole windows of `cells` values of equal length.
    public static func withinCellVarianceRatio(_ truth: [Double], _ predicted: [Double], cells: Int) -> Double {
        guard cells >= 1, !truth.isEmpty, truth.count == predicted.count, truth.count % cells == 0 else { return .nan }
        let windows = truth.count / cells
        var ratios = 0.0, used = 0
        for c in 0..<cells {
            let t = (0..<windows).map { truth[$0 * cells + c] }, p = (0..<windows).map { predicted[$0 * cells + c] }
            let vt = populationVariance(t)
            guard vt > 0 else { continue }
            ratios += populationVariance(p) / vt
            used += 1
        }
        return used > 0 ? ratios / Double(used) : .nan
    }

    /// Σ (x − mean)² / n; NaN when empty.
    private static func populationVariance(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    }
}
