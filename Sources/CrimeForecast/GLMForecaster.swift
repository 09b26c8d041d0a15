import CrimeCore
import CrimeModels

/// The `glm` method: a Poisson regression of every cell's count per window on cell fixed effects and
/// time-of-window fixed effects, optionally with a linear trend, and the window's length as exposure.
///
/// For cell c and window w,
///
///     log E[y_cw] = a_c + b_k(w) + γ·t_w + log(exposure_w)
///
/// with these terms:
/// - `a_c`: one effect per cell.
/// - `b_k`: one effect per time-of-window bucket k: hour of the week for hourly windows, day of week ×
///   half for 12-hour windows, day of week for daily windows, and none (one common level) for weekly
///   windows.
/// - `γ·t_w`: with ``trend`` on (off by default), a log-linear trend, t_w the window's ordinal in the
///   history; ``parameters`` reports γ as `trend`, the change in log rate per window.
/// - `exposure_w`: the window's length in days (23 or 25 hours on clock-change days). For the history's
///   first window it is counted from the data's start, the local midnight of the first incident's day,
///   so a partial first week counts as the days it covers.
///
/// The model is fitted by maximum likelihood on the last ``lastWindows`` windows of the history (nil, the
/// default: all of them). The forecast for a cell in a window of the span is
/// `exp(a_c + b_k + γ·t + log(exposure))` with that window's full length as exposure.
///
/// Cells with no incident in the fitted windows have an MLE effect of −∞; they are forecast 0 (the limit)
/// and leave the other cells' fit exactly as if they had been dropped. A bucket whose fitted windows hold
/// no incident is forecast 0 likewise; a bucket that no fitted window falls in (a history shorter than one
/// week of windows) has no estimate, and forecasting it throws.
///
/// The fit exploits the model's structure: with an exposure shared by all cells the means factor into a
/// cell share times a window total, so the MLE is each cell's share of the fitted incidents times the
/// Poisson regression of the per-window totals on the bucket and trend terms. That is the same MLE as the
/// generic `PoissonRegression` (CrimeModels) on `C(cell) + C(bucket)` (tests check both against statsmodels), at the cost
/// of one pass over the counts and a regression with one row per window.
public struct GLMForecaster: SpaceTimeForecaster {
    /// `glm`.
    public let name = "glm"
    /// Whether the model has a log-linear trend over windows (default false).
    public var trend: Bool
    /// How many of the history's last windows the model is fitted on; nil (the default) fits all of them.
    public var lastWindows: Int?
    /// The IRLS settings (tolerance, iterations) of the per-window regression.
    public var regression: PoissonRegression
    private var history: ForecastHistory?
    private var fit: GLMForecastFit?

    /// An unfitted forecaster.
    public init(trend: Bool = false, lastWindows: Int? = nil, regression: PoissonRegression = PoissonRegression()) {
        self.trend = trend
        self.lastWindows = lastWindows
        self.regression = regression
    }

    /// Fits the model to the history's last ``lastWindows`` windows.
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` for `lastWindows` below 1, negative or
    /// non-finite counts, or a trend the fitted windows cannot separate from the time-of-window effects;
    /// `PoissonRegressionError.notConverged` when the per-window regression does not
    /// converge.
    public mutating func fit(_ history: ForecastHistory) throws {
        if let lastWindows, lastWindows < 1 {
            throw ForecastError.badParameter(name: "lastWindows", reason: "must be at least 1 window, got \(lastWindows)")
        }
        fit = try GLMForecastFit(history: history, windows: lastWindows, trend: trend, regression: regression)
        self.history = history
    }

    /// Expected counts per cell × window of `span`.
    ///
    /// Throws ``ForecastError/notFitted(_:)`` before ``fit(_:)``,
    /// ``ForecastError/spanOverlapsHistory(spanStart:origin:)`` for a span that starts before the origin,
    /// and ``ForecastError/badParameter(name:reason:)`` for a window whose time-of-window bucket the fitted
    /// windows never reached.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let history, let fit else { throw ForecastError.notFitted(name) }
        try history.check(span)
        let terms = GLMTimeTerms(windowing: history.windowing)
        let cells = fit.shares.count, windows = span.count
        var values = [Double](repeating: 0, count: cells * windows)
        for j in 0..<windows {
            let index = span.firstIndex + j
            guard let total = fit.windowTotal(ofIndex: index, terms: terms) else {
                let bucket = terms.label(ofBucket: terms.bucket(ofIndex: index))
                throw ForecastError.badParameter(name: "history", reason: "the fitted windows hold no \(bucket) window, so window \(span.labels[j]) has no estimate; fit at least a week of windows")
            }
            for c in 0..<cells { values[c * windows + j] = fit.shares[c] * total }
        }
        return Matrix(rows: cells, columns: windows, values: values)
    }

    /// The fitted means of the fitted windows, cells × the last ``lastWindows`` windows of the history
    /// (with the first window's exposure counted from the data's start). Throws
    /// ``ForecastError/notFitted(_:)`` before ``fit(_:)``.
    public func fittedCounts() throws -> Matrix {
        guard let fit else { throw ForecastError.notFitted(name) }
        let cells = fit.shares.count, windows = fit.windowTotals.count
        var values = [Double](repeating: 0, count: cells * windows)
        for c in 0..<cells {
            for w in 0..<windows { values[c * windows + w] = fit.shares[c] * fit.windowTotals[w] }
        }
        return Matrix(rows: cells, columns: windows, values: values)
    }

    /// `deviance` (of the cells × windows fit), `iterations` (of its IRLS), `cells_fitted` (cells with an
    /// incident in the fitted windows), `windows_fitted`, and `trend` (per window) when the trend is on;
    /// empty before ``fit(_:)``.
    public var parameters: [String: Double] {
        guard let fit else { return [:] }
        var out: [String: Double] = ["deviance": fit.deviance, "iterations": Double(fit.iterations),
                                     "cells_fitted": Double(fit.cellsFitted), "windows_fitted": Double(fit.windowTotals.count)]
        if fit.hasTrend { out["trend"] = fit.trendSlope }
        return out
    }
}
