import CrimeCore
import CrimeForecast
import Dispatch
import Foundation

/// A rolling-origin backtest of any set of forecasters.
///
/// The origins are the starts of the last ``origins`` complete windows of the data; from each origin
/// every method is fitted on the history before it (CrimeForecast's `ForecastData.history(before:)`)
/// and forecasts the next ``horizon`` windows, which are scored against what happened there
/// (``OriginScore``): hit rate, PAI, PEI, PEI* and the recapture rate index at each share of the area in
/// ``areaShares`` (one ``HotspotPoint`` per share), and MAE, RMSE and mean Poisson deviance per cell.
/// Origins run one after another; methods may use every core inside their fit.
public struct ForecastBacktest: Sendable {
    /// How many origins, counted back from the last complete window.
    public var origins: Int
    /// Windows forecast from each origin.
    public var horizon: Int
    /// Shares of the total cell area at which hot-spot scores are taken.
    public var areaShares: [Double]

    /// The standard area shares: 1, 2, 5 and 10 %.
    public static let standardAreaShares = [0.01, 0.02, 0.05, 0.1]

    /// A backtest plan. Nothing is checked until ``run(_:methods:progress:)``.
    public init(origins: Int = 52, horizon: Int = 1, areaShares: [Double] = ForecastBacktest.standardAreaShares) {
        self.origins = origins
        self.horizon = horizon
        self.areaShares = areaShares
    }

    /// Runs every method from every origin. `progress` hears step `"backtest"` as each origin is done
    /// (count of origins, with the origin's window label as the detail); the result does not depend on it.
    ///
    /// Throws CrimeForecast's `ForecastError.badParameter(name:reason:)` for fewer than 1 origin or
    /// horizon, an area share outside (0, 1], no methods or two methods with one name, and
    /// `ForecastError.noHistory(origin:)` when the first origin has no window of history before it.
    public func run(_ data: ForecastData, methods: [any SpaceTimeForecaster],
                    progress: ProgressHandler? = nil) throws -> ForecastBacktestResult {
        guard origins >= 1 else { throw ForecastError.badParameter(name: "origins", reason: "must be at least 1, got \(origins)") }
        guard horizon >= 1 else { throw ForecastError.badParameter(name: "horizon", reason: "must be at least 1, got \(horizon)") }
        guard !areaShares.isEmpty else { throw ForecastError.badParameter(name: "area shares", reason: "give at least one share") }
        if let bad = areaShares.first(where: { !($0 > 0 && $0 <= 1) }) {
            throw ForecastError.badParameter(name: "area shares", reason: "each must lie in (0, 1], got \(bad)")
        }
        guard !methods.isEmpty else { throw ForecastError.badParameter(name: "methods", reason: "give at least one method") }
        let names = methods.map(\.name)
        if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw ForecastError.badParameter(name: "methods", reason: "\(twice) appears twice")
        }
        let last = data.forwardOrigin - horizon          // the last origin whose windows are all observed
        let first = last - origins + 1
        guard first >= 1 else {
            throw ForecastError.noHistory(origin: first >= 0 && first < data.windows.count ? data.windows.labels[first] : "the first origin")
        }
        var scores = [[OriginScore]](repeating: [], count: methods.count)
        let counter = ProgressCounter(step: "backtest", total: origins, unit: .items("origins"), handler: progress)
        for k in first...last {
            let history = try data.history(before: k)
            let span = try history.span(windows: horizon)
            let observed = (0..<data.cells.count).map { c in (k..<(k + horizon)).reduce(0.0) { $0 + data.counts.values[c * data.windows.count + $1] } }
            for (m, method) in methods.enumerated() {
                var fitted = method
                let t0 = DispatchTime.now().uptimeNanoseconds
                try fitted.fit(history)
                let t1 = DispatchTime.now().uptimeNanoseconds
                let forecast = try fitted.forecast(span)
                let t2 = DispatchTime.now().uptimeNanoseconds
                let expected = (0..<forecast.rows).map { c in (0..<forecast.columns).reduce(0.0) { $0 + forecast.values[c * forecast.columns + $1] } }
                scores[m].append(try OriginScore(origin: data.windows.labels[k], expected: expected, observed: observed,
                                                 areas: data.cells.areas, areaShares: areaShares,
                                                 fitSeconds: Double(t1 - t0) / 1e9, forecastSeconds: Double(t2 - t1) / 1e9,
                                                 parameters: fitted.parameters))
            }
            counter?.advance(detail: data.windows.labels[k])
        }
        return ForecastBacktestResult(areaShares: areaShares, horizon: horizon,
                                      methods: zip(names, scores).map { MethodBacktest(name: $0, origins: $1) })
    }
}
