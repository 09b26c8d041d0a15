import CrimeCore
import Foundation

/// How one method did from one origin of a backtest.
public struct OriginScore: Sendable, Equatable, Codable {
    /// The label of the first forecast window.
    public let origin: String
    /// Incidents observed in the forecast windows, all cells.
    public let observedTotal: Double
    /// Incidents forecast for them, all cells.
    public let expectedTotal: Double
    /// Hot-spot scores at each area share of the backtest; empty when nothing was observed (every hit
    /// rate would be 0/0).
    public let hotspots: [HotspotPoint]
    /// Mean absolute error per cell.
    public let mae: Double
    /// Root mean squared error per cell.
    public let rmse: Double
    /// Mean Poisson deviance per cell, forecasts below ``OriginScore/devianceFloor`` raised to it.
    public let deviance: Double
    /// Seconds to fit and to forecast.
    public let fitSeconds: Double, forecastSeconds: Double
    /// The method's fitted parameters at this origin.
    public let parameters: [String: Double]

    /// The smallest expected count the deviance uses (a forecast of exactly zero where something
    /// happened would make it infinite).
    public static let devianceFloor = 1e-6

    /// Scores `expected` against `observed` per cell.
    public init(origin: String, expected: [Double], observed: [Double], areas: [Double], areaShares: [Double],
                fitSeconds: Double, forecastSeconds: Double, parameters: [String: Double]) throws {
        let total = observed.reduce(0, +)
        if let bad = expected.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw MetricsError.outOfDomain(what: "forecast of origin \(origin)", index: bad, value: expected[bad],
                                           requirement: "expected counts must be finite and ≥ 0")
        }
        self.origin = origin
        observedTotal = total
        expectedTotal = expected.reduce(0, +)
        hotspots = total > 0 ? try HotspotMetrics(predicted: expected, observed: observed, areas: areas).curve(areaFractions: areaShares) : []
        let n = Double(max(observed.count, 1))
        mae = zip(observed, expected).reduce(0) { $0 + abs($1.0 - $1.1) } / n
        rmse = (zip(observed, expected).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / n).squareRoot()
        deviance = try Metrics.poissonDeviance(observed, expected.map { max($0, Self.devianceFloor) })
        self.fitSeconds = fitSeconds
        self.forecastSeconds = forecastSeconds
        self.parameters = parameters
    }
}

/// One method's scores from every origin.
public struct MethodBacktest: Sendable, Equatable, Codable {
    /// The method's name.
    public let name: String
    /// Its scores, one per origin, oldest first.
    public let origins: [OriginScore]
}
