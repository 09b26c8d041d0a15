import CrimeCore

/// Kernel density hot spots: where crime was dense, more is expected.
///
/// Fitting lays a ``KernelDensity`` over all the history's incidents, inside the cells or not, at their
/// positions in the cells' local frame (``ForecastHistory/x``, ``ForecastHistory/y``); with `decayDays`
/// τ set, incident i weighs exp(−ageᵢ/τ). A cell's score is the kernel mass over it: the density
/// integrated over its outline by ``CellQuadrature`` at ``KernelDensity/quadratureSpacing``, evaluated
/// ``KernelDensity/Evaluation/automatic``ally (exact for small problems and for the quartic; the binned
/// fast path for large Gaussian ones).
///
/// The forecast of every window of a span is the expected total times the cell's share of the mass that
/// falls on the cells (shares add up to 1, so the forecast adds up to the expected total even where part
/// of the kernel lies outside the cells). The expected total is the mean count in the cells per history
/// window, or, with decay on, that mean weighted by exp(−age/τ) of each window's midpoint. A history
/// without incidents (or whose kernels miss every cell) spreads the expected total in proportion to the
/// cells' areas.
///
/// The default bandwidth, 250 m, is about the size of the cells hot-spot maps are usually scored on (a
/// city block or two): the density is smooth across a cell without blurring a street's hot spot over the
/// whole neighbourhood. Fit it to the cells and the data at hand; how much the choice matters is studied
/// in Chainey (2013), "Examining the influence of cell size and bandwidth size on kernel density
/// estimation crime hotspot maps for predicting spatial patterns of crime", Bulletin of the Geographical
/// Society of Liège 60: 7–19.
public struct KDEForecaster: SpaceTimeForecaster {
    /// The kernel.
    public let kernel: KernelDensity.Kernel
    /// The bandwidth h in metres (the Gaussian's standard deviation, the quartic's radius).
    public let bandwidth: Double
    /// The time-decay constant τ in days, or nil for equal weights.
    public let decayDays: Double?
    private var fitted: Fitted?

    private struct Fitted: Sendable {
        let history: ForecastHistory
        let expectedTotal: Double
        let perCell: [Double]
    }

    /// A forecaster with a kernel, a bandwidth in metres and optional time decay (τ in days).
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` naming `bandwidth` or `decayDays` when it is
    /// not a finite number above 0.
    public init(kernel: KernelDensity.Kernel = .gaussian, bandwidth: Double = 250, decayDays: Double? = nil) throws {
        guard bandwidth.isFinite, bandwidth > 0 else {
            throw ForecastError.badParameter(name: "bandwidth", reason: "must be a finite number of metres above 0, got \(bandwidth)")
        }
        if let tau = decayDays, !(tau.isFinite && tau > 0) {
            throw ForecastError.badParameter(name: "decayDays", reason: "must be a finite number of days above 0, got \(tau)")
        }
        self.kernel = kernel
        self.bandwidth = bandwidth
        self.decayDays = decayDays
    }

    /// `kde`.
    public var name: String { "kde" }

    /// Fits the density of the history's incidents and each cell's share of it. Throws
    /// ``ForecastError/badParameter(name:reason:)`` when an incident's position is not finite.
    public mutating func fit(_ history: ForecastHistory) throws {
        let total = ShareForecast.expectedTotal(history, decayDays: decayDays)
        var masses: [Double]?
        if let newest = history.times.last {
            // Weights relative to the newest incident: the normalised density is the same, with no underflow.
            let weights = try decayDays.map { try KernelDensity.decayWeights(times: Array(history.times), reference: newest, decayDays: $0) }
            let density = try KernelDensity(kernel: kernel, bandwidth: bandwidth, x: Array(history.x), y: Array(history.y), weights: weights)
            masses = density.cellMasses(try CellQuadrature(cells: history.cells, spacing: density.quadratureSpacing))
        }
        fitted = Fitted(history: history, expectedTotal: total,
                        perCell: ShareForecast.split(total, scores: masses, areas: history.cells.areas))
    }

    /// Expected counts per cell × window of `span`, the same in every window. Throws
    /// ``ForecastError/notFitted(_:)`` before ``fit(_:)`` and
    /// ``ForecastError/spanOverlapsHistory(spanStart:origin:)`` for a span that starts before the origin.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let fitted else { throw ForecastError.notFitted(name) }
        try fitted.history.check(span)
        return ShareForecast.matrix(fitted.perCell, windows: span.count)
    }

    /// `bandwidth_m`, `decay_days` when decay is on, and after fitting `expected_per_window`.
    public var parameters: [String: Double] {
        var out = ["bandwidth_m": bandwidth]
        if let decayDays { out["decay_days"] = decayDays }
        if let fitted { out["expected_per_window"] = fitted.expectedTotal }
        return out
    }
}
