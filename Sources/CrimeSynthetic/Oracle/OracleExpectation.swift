import CrimeCore

/// The oracle's expected counts split by cause; each matrix is cells × windows, rows in the order of
/// the fitted history's cells and one column per window of the span.
public struct OracleExpectation: Sendable {
    /// Background events: the fixed surface times the weekly rhythm and the trend.
    public let background: Matrix
    /// Flare-up events (zeros when ``SyntheticCityConfig/flares`` is off).
    public let flares: Matrix
    /// Near-repeat descendants, all generations, of the city's events before the origin.
    public let triggeredByHistory: Matrix
    /// Near-repeat descendants, all generations, of the background and flare events born after the origin.
    public let triggeredInSpan: Matrix

    /// Everything near-repeat excitation adds: ``triggeredByHistory`` plus ``triggeredInSpan``.
    public var triggered: Matrix { Self.sum(triggeredByHistory, triggeredInSpan) }

    /// The expected count: the sum of the four parts.
    public var total: Matrix { Self.sum(Self.sum(background, flares), triggered) }

    static func sum(_ a: Matrix, _ b: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, values: zip(a.values, b.values).map { $0 + $1 })
    }
}
