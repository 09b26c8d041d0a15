import CrimeCore
import CrimeModels

/// The Poisson regression of the incidents per window (all cells together) on one effect per
/// time-of-window bucket and an optional linear trend, with exposure = window length: the time half of
/// ``GLMForecastFit``.
///
/// Buckets are coded with one column each (no separate intercept; with a single bucket that column is
/// the intercept). A bucket whose windows hold no incident has an MLE effect of −∞: its windows are
/// left out of the regression and it gets that limit, so its windows are forecast 0.
struct GLMWindowTotals {
    /// Each bucket's effect (log rate per day): −∞ with no incident, nil when no window falls in it.
    let bucketEffects: [Double?]
    /// The trend's slope per window, 0 without a trend.
    let trendSlope: Double
    /// The fitted total of each window.
    let fitted: [Double]
    /// IRLS iterations.
    let iterations: Int

    /// Fits window totals `counts` (one per window, with its bucket, exposure and trend value).
    init(counts: [Double], buckets: [Int], exposures: [Double], trend: [Double]?, terms: GLMTimeTerms,
         regression: PoissonRegression) throws {
        var bucketTotals = [Double?](repeating: nil, count: terms.bucketCount)
        for (count, bucket) in zip(counts, buckets) { bucketTotals[bucket] = (bucketTotals[bucket] ?? 0) + count }
        var column = [Int](repeating: -1, count: terms.bucketCount)
        var names: [String] = []
        for k in 0..<terms.bucketCount where (bucketTotals[k] ?? 0) > 0 {
            column[k] = names.count
            names.append(terms.label(ofBucket: k))
        }
        let rows = counts.indices.filter { column[buckets[$0]] >= 0 }
        let dummies = names.count
        if trend != nil { names.append("trend") }
        let p = names.count
        var design = [Double](repeating: 0, count: rows.count * p)
        for (r, w) in rows.enumerated() {
            design[r * p + column[buckets[w]]] = 1
            if let trend { design[r * p + dummies] = trend[w] }
        }
        let result: PoissonRegressionResult
        do {
            result = try regression.fit(design: Matrix(rows: rows.count, columns: p, values: design),
                                        response: rows.map { counts[$0] }, termNames: names, responseName: "incidents per window",
                                        exposure: rows.map { exposures[$0] })
        } catch LinearModelError.collinearColumn, LinearModelError.moreColumnsThanRows, LinearModelError.constantColumn {
            throw ForecastError.badParameter(name: "trend", reason: "the \(rows.count) fitted windows with incidents cannot separate a trend from the \(dummies) time-of-window effects; fit more windows or turn the trend off")
        }
        bucketEffects = (0..<terms.bucketCount).map { k in
            column[k] >= 0 ? result.params[column[k]] : bucketTotals[k].map { _ in -Double.infinity }
        }
        trendSlope = trend == nil ? 0 : result.params[dummies]
        var fitted = [Double](repeating: 0, count: counts.count)
        for (r, w) in rows.enumerated() { fitted[w] = result.fittedValues[r] }
        self.fitted = fitted
        iterations = result.iterations
    }
}
