import Foundation

/// A weighted kernel density estimate on the plane (coordinates in metres), with a Gaussian or a
/// quartic kernel and one fixed bandwidth.
///
/// The density at a point p is
///
///     f(p) = Σᵢ wᵢ K_h(p − pᵢ) / Σᵢ wᵢ,   K_h(u) = K(u / h) / h²,
///
/// so it integrates to 1 over the plane. The kernels:
///
/// - ``Kernel/gaussian``: K(u) = exp(−|u|²/2) / 2π; h is the standard deviation on each axis. This is
///   scikit-learn's `KernelDensity(kernel="gaussian", bandwidth=h)` and scipy's `gaussian_kde` with the
///   fixed covariance h²·I.
/// - ``Kernel/quartic`` (biweight): K(u) = 3/π (1 − |u|²)² for |u| < 1, else 0; h is the radius of the
///   support. (scikit-learn's `epanechnikov` is a different kernel, (1 − |u|²) up to a constant.)
///
/// ``density(atX:y:evaluation:)`` evaluates the density at points and ``cellMasses(_:evaluation:)``
/// integrates it over cells; both evaluate every incident exactly (``Evaluation/exact``) or take the fast
/// path described at ``Evaluation/fast``.
public struct KernelDensity: Sendable {
    /// The kernel shape.
    public enum Kernel: String, Sendable, Hashable, CaseIterable {
        /// The bivariate normal; the bandwidth is its standard deviation.
        case gaussian
        /// The quartic (biweight) kernel 3/π (1 − |u|²)²; the bandwidth is its radius.
        case quartic
    }

    /// How densities are computed.
    public enum Evaluation: Sendable, Hashable {
        /// Every query point against every incident: N × M kernel evaluations.
        case exact
        /// Quartic: every incident within one bandwidth of the query (found through a grid of buckets),
        /// which is exact because the kernel is zero beyond it. Gaussian: the incidents are binned
        /// linearly onto a raster of spacing h/8 (coarser, and less accurate, only when the raster would
        /// pass 8 million nodes), convolved with the Gaussian cut off at 5h whose variance is reduced by
        /// the binning's own δ²/6 per axis, and read at the query points by Keys' cubic interpolation
        /// (negative ripples are clamped to 0). Against ``exact``, relative differences are below 1e-3
        /// where the density is at least 1e-3 of its largest value (the tests hold it to that).
        case fast
        /// ``fast`` for the quartic; for the Gaussian whichever of ``exact`` and ``fast`` costs fewer
        /// operations for the problem at hand.
        case automatic
    }

    /// The kernel.
    public let kernel: Kernel
    /// The bandwidth h in metres.
    public let bandwidth: Double
    /// Incident positions, metres east.
    public let x: [Double]
    /// Incident positions, metres north.
    public let y: [Double]
    /// Incident weights (all 1 when none were given).
    public let weights: [Double]
    /// The sum of the weights.
    public let totalWeight: Double

    /// A density estimate from incident positions and optional non-negative weights.
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` naming `bandwidth` when it is not a finite
    /// number above 0, `x`/`y` when there are no points, the lengths differ or a coordinate is not
    /// finite, and `weights` when a weight is negative or not finite, or they sum to 0.
    public init(kernel: Kernel = .gaussian, bandwidth: Double, x: [Double], y: [Double], weights: [Double]? = nil) throws {
        guard bandwidth.isFinite, bandwidth > 0 else {
            throw ForecastError.badParameter(name: "bandwidth", reason: "must be a finite number of metres above 0, got \(bandwidth)")
        }
        guard !x.isEmpty else { throw ForecastError.badParameter(name: "x", reason: "has no points") }
        guard y.count == x.count else {
            throw ForecastError.badParameter(name: "y", reason: "has \(y.count) values for \(x.count) x values")
        }
        if let bad = x.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError.badParameter(name: "x", reason: "point \(bad) is \(x[bad]), not a finite coordinate")
        }
        if let bad = y.firstIndex(where: { !$0.isFinite }) {
            throw ForecastError.badParameter(name: "y", reason: "point \(bad) is \(y[bad]), not a finite coordinate")
        }
        let w = weights ?? [Double](repeating: 1, count: x.count)
        guard w.count == x.count else {
            throw ForecastError.badParameter(name: "weights", reason: "has \(w.count) values for \(x.count) points")
        }
        if let bad = w.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw ForecastError.badParameter(name: "weights", reason: "weight \(bad) is \(w[bad]), not a finite number ≥ 0")
        }
        let total = w.reduce(0, +)
        guard total > 0, total.isFinite else {
            throw ForecastError.badParameter(name: "weights", reason: "must have a positive, finite sum, got \(total)")
        }
        self.kernel = kernel
        self.bandwidth = bandwidth
        self.x = x
        self.y = y
        self.weights = w
        totalWeight = total
    }

    /// Time-decay weights exp(−age / τ), with age = (`reference` − t) in days and τ = `decayDays`.
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` naming `decayDays` when it is not a finite
    /// number above 0.
    public static func decayWeights(times: [Int64], reference: Int64, decayDays: Double) throws -> [Double] {
        guard decayDays.isFinite, decayDays > 0 else {
            throw ForecastError.badParameter(name: "decayDays", reason: "must be a finite number of days above 0, got \(decayDays)")
        }
        let rate = 1 / (86_400 * decayDays)
        return times.map { exp(-Double(reference - $0) * rate) }
    }

    /// The density at each query point (per square metre). Throws
    /// ``ForecastError/badParameter(name:reason:)`` naming `y` when the lengths differ.
    public func density(atX qx: [Double], y qy: [Double], evaluation: Evaluation = .exact) throws -> [Double] {
        guard qx.count == qy.count else {
            throw ForecastError.badParameter(name: "y", reason: "has \(qy.count) values for \(qx.count) x values")
        }
        switch resolved(evaluation, queries: qx.count, box: PlaneBox(x: qx, y: qy)) {
        case .exact: return exactDensity(qx, qy)
        case .buckets: return bucketedQuarticDensity(qx, qy)
        case let .raster(plan): return GaussianRaster(density: self, plan: plan).interpolate(x: qx, y: qy)
        }
    }

    /// The kernel mass over each cell of `quadrature`: the density integrated with its points and
    /// weights (clamped at 0). Over cells that tile the plane around the incidents the masses add up to 1.
    public func cellMasses(_ quadrature: CellQuadrature, evaluation: Evaluation = .automatic) -> [Double] {
        let box = PlaneBox(x: quadrature.x, y: quadrature.y)
        let values: [Double]
        switch resolved(evaluation, queries: quadrature.x.count, box: box) {
        case .exact: values = exactDensity(quadrature.x, quadrature.y)
        case .buckets: values = bucketedQuarticDensity(quadrature.x, quadrature.y)
        case let .raster(plan): values = GaussianRaster(density: self, plan: plan).interpolate(x: quadrature.x, y: quadrature.y)
        }
        return quadrature.integrate(values).map { max($0, 0) }
    }

    /// The ``CellQuadrature`` spacing at which ``cellMasses(_:evaluation:)`` has the accuracy the tests
    /// hold it to: h/3 for the Gaussian (one kernel's mass over a cell within 5e-4 relative), h/6 for the
    /// quartic, whose second derivative jumps at the edge of its support (within 3e-3 relative and 4e-4
    /// of the kernel's unit mass).
    public var quadratureSpacing: Double { kernel == .gaussian ? bandwidth / 3 : bandwidth / 6 }
}
