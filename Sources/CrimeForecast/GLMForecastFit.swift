import CrimeCore
import CrimeModels
import Foundation

/// The maximum-likelihood fit of the two-way Poisson model behind ``GLMForecaster``, computed through
/// its factorisation instead of a cells × windows design.
///
/// The model is `log μ_cw = a_c + b_k(w) + γ t_w + log E_w`. Its exposure E_w depends on the window alone,
/// so the means factor as `μ_cw = α_c g_w`, and the likelihood's score equations give each cell its share
/// of the fitted incidents, `α_c ∝ Y_c` (Y_c the cell's total), while `g` is the Poisson regression of
/// the window totals `T_w = Σ_c y_cw` on the bucket and trend terms with exposure E_w. Hence
/// `μ̂_cw = (Y_c / Y) ĝ_w` exactly: the MLE of the full `C(cell) + C(bucket) [+ trend]` regression, at the
/// cost of one pass over the counts and a regression with one row per window. A cell without incidents
/// gets share 0 — the limit its fixed effect diverges to — and leaves the other cells' fit unchanged.
struct GLMForecastFit: Sendable {
    /// Each cell's share of the fitted incidents.
    let shares: [Double]
    /// Each bucket's effect, a log rate per day; −∞ when its fitted windows hold no incident, nil when no
    /// fitted window falls in it.
    let bucketEffects: [Double?]
    /// Whether the model has a trend.
    let hasTrend: Bool
    /// The trend's slope per window (0 without a trend).
    let trendSlope: Double
    /// The windowing index of the history's first window, where the trend term is 0.
    let trendOrigin: Int
    /// The fitted total ĝ_w of each fitted window.
    let windowTotals: [Double]
    /// The Poisson deviance of the full cells × windows model.
    let deviance: Double
    /// IRLS iterations of the window-totals regression.
    let iterations: Int
    /// Cells with at least one incident in the fitted windows.
    let cellsFitted: Int

    /// Fits the last `windows` windows of `history` (all when nil), with a trend when `trend`.
    init(history: ForecastHistory, windows: Int?, trend: Bool, regression: PoissonRegression) throws {
        let counts = history.counts, cells = counts.rows, total = counts.columns
        let first = total - min(total, windows ?? total), fitted = total - first
        var cellTotals = [Double](repeating: 0, count: cells), windowCounts = [Double](repeating: 0, count: fitted)
        try counts.values.withUnsafeBufferPointer { v in
            for c in 0..<cells {
                var sum = 0.0
                for w in first..<total {
                    let y = v[c * total + w]
                    guard y >= 0, y.isFinite else {
                        throw ForecastError.badParameter(name: "counts", reason: "cell \(history.cells.labels[c]) has \(y) incidents in window \(history.windows.labels[w]); counts must be zero or more")
                    }
                    sum += y
                    windowCounts[w - first] += y
                }
                cellTotals[c] = sum
            }
        }
        let grand = cellTotals.reduce(0, +)
        let terms = GLMTimeTerms(windowing: history.windowing)
        let origin = history.windows.firstIndex
        let shares = cellTotals.map { grand > 0 ? $0 / grand : 0 }
        trendOrigin = origin
        hasTrend = trend
        cellsFitted = cellTotals.filter { $0 > 0 }.count
        self.shares = shares
        guard grand > 0 else {
            bucketEffects = [Double?](repeating: -.infinity, count: terms.bucketCount)
            trendSlope = 0
            windowTotals = windowCounts
            iterations = 0
            deviance = 0
            return
        }
        let zone = history.windowing.zone
        let dataStart = history.times.first.map { LocalDay(utc: $0, in: zone).start(in: zone) }
        let indices = (first..<total).map { origin + $0 }
        let exposures = indices.map { terms.exposure(ofIndex: $0, dataStart: $0 == origin ? dataStart : nil) }
        let totals = try GLMWindowTotals(counts: windowCounts, buckets: indices.map { terms.bucket(ofIndex: $0) },
                                         exposures: exposures, trend: trend ? indices.map { Double($0 - origin) } : nil,
                                         terms: terms, regression: regression)
        bucketEffects = totals.bucketEffects
        trendSlope = totals.trendSlope
        windowTotals = totals.fitted
        iterations = totals.iterations
        var sum = 0.0
        counts.values.withUnsafeBufferPointer { v in
            for c in 0..<cells where cellTotals[c] > 0 {
                for w in first..<total {
                    let y = v[c * total + w], mu = shares[c] * totals.fitted[w - first]
                    sum += y > 0 ? y * log(y / mu) - (y - mu) : mu
                }
            }
        }
        deviance = 2 * sum
    }

    /// The expected total of the window with windowing index `i` (full length), before the cell shares;
    /// nil when its bucket has no estimate.
    func windowTotal(ofIndex i: Int, terms: GLMTimeTerms) -> Double? {
        guard let effect = bucketEffects[terms.bucket(ofIndex: i)] else { return nil }
        return exp(effect + trendSlope * Double(i - trendOrigin)) * terms.exposure(ofIndex: i)
    }
}
