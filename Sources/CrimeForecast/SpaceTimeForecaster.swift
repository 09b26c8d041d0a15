import CrimeCore

/// The forecasting seam: a method that learns from the incidents before an origin instant and returns
/// the expected count of every cell in every window of a span that starts at or after the origin.
///
/// Every hot-spot method plugs in here — naive baselines, kernel density, prospective hot-spotting,
/// count regressions, forests on lag features, self-exciting point processes, the synthetic city's
/// oracle — and rolling-origin backtests and forward forecasts take any of them. A plugin forecaster is
/// one type in any package that conforms.
///
/// Contract: `fit` sees only ``ForecastHistory`` (everything in it lies before its origin);
/// `forecast` returns a cells × windows matrix (rows in the order of ``ForecastHistory/cells``, one
/// column per window of `span`) of non-negative expected counts, and throws
/// ``ForecastError/spanOverlapsHistory(spanStart:origin:)`` for a span that starts before the origin
/// (``ForecastHistory/check(_:)`` does that check).
public protocol SpaceTimeForecaster: Sendable {
    /// The method's short name (`kde`), used in tables, JSON and on the command line.
    var name: String { get }
    /// Learns from the history before an origin.
    mutating func fit(_ history: ForecastHistory) throws
    /// Expected counts per cell × window of `span`.
    func forecast(_ span: WindowSpan) throws -> Matrix
    /// Fitted parameters worth reporting (bandwidths, branching ratio, …), by name; empty by default.
    var parameters: [String: Double] { get }
}

extension SpaceTimeForecaster {
    /// No parameters to report.
    public var parameters: [String: Double] { [:] }
}
