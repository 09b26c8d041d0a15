import CrimeCore
import Foundation

/// Self-exciting point process hot spots (Mohler, Short, Brantingham, Schoenberg & Tita 2011,
/// "Self-exciting point process modeling of crime", JASA 106: 100–108): each crime raises the chance of
/// more nearby soon after.
///
/// The intensity at time t and place x in cell c is
/// λ(t, x) = μ(c) r(h(t)) / A(c) + Σ_{tᵢ < t} θ ω e^{−ω(t − tᵢ)} e^{−|x − xᵢ|²/(2σ²)} / (2πσ²):
/// a background rate per cell μ(c) (events per day, spread evenly over the cell's area A(c); not smoothed
/// across cells) times the time-of-week rhythm r over the 168 hours of the week on the history's wall
/// clock, plus exponential triggering in time (branching ratio θ, mean delay 1/ω days) and isotropic
/// Gaussian triggering in space (σ metres in the cells' local frame).
///
/// Fitting runs expectation-maximisation (stochastic declustering) on the history's incidents that lie in
/// the cells (incidents outside them are left out), over the window from the history's first window to the
/// origin, starting from every event background and the initial trigger values, until the log-likelihood
/// changes by less than `tolerance` relative or after `maximumIterations` M-steps. Only pairs within the
/// cut-offs enter the intensity: 0 < tⱼ − tᵢ ≤ W = min(5/ω, 60) days and a distance of at most 4σ (the
/// Gaussian mass left out is e⁻⁸). The temporal kernel is cut at W in the likelihood and in the M-step for
/// ω too (`SEPPEstimation`), so the cut-off that follows ω does not bias it; the compensator ignores
/// the trigger mass that falls outside the cells. Pairs are found through a grid of square buckets of
/// side 4σ holding the events in time order; the E-step runs over events in fixed blocks of 2048, so the
/// fit is the same on any number of cores.
/// Events at the same instant never trigger each other; events at the same place a while apart do (a
/// distance of 0 is the Gaussian's peak). σ is kept at or above 1 m, the mean delay at or above one minute
/// and θ at or below 0.99, so duplicates cannot collapse the kernels. A history shorter than the trigger
/// window is fitted the same way (there are just fewer pairs), and all events in one cell are fine.
///
/// The forecast of cell c over a window [a, b) is μ(c) ∫ₐᵇ r (μ(c) as `background` says: the EM's, or
/// its total spread over the cells by their share of the whole history), plus the events the history triggers there:
/// θ (e^{−ω(a−T)} − e^{−ω(b−T)}) Σᵢ e^{−ω(T−tᵢ)} M(c, i) over the incidents within the time cut-off
/// before the origin T, where M(c, i) is the Gaussian's mass over the cell's outline (by ``CellQuadrature``,
/// spacing σ/3 but no finer than a twentieth of the mean cell side). With `cascade` on, both parts are
/// multiplied by 1/(1 − θφ), φ = 1 − (1 − e^{−ωL})/(ωL) the share of an event's offspring that falls in a
/// window of L days after an event at a uniform time in it: the offspring of offspring that land in the
/// window, kept in the cell of their ancestor.
public struct SEPPForecaster: SpaceTimeForecaster {
    /// The branching ratio θ the EM starts from.
    public let initialBranchingRatio: Double
    /// The mean trigger delay 1/ω (days) the EM starts from.
    public let initialDecayDays: Double
    /// The trigger distance σ (metres) the EM starts from.
    public let initialSigma: Double
    /// The most M-steps the EM runs.
    public let maximumIterations: Int
    /// The relative change of log-likelihood below which the EM stops.
    public let tolerance: Double
    /// Whether forecasts add the offspring of offspring that land in the window.
    public let cascade: Bool
    /// Fit on the history's last this many windows only (nil: all of it); the EM's cost grows with the
    /// incidents it sees.
    public let historyWindows: Int?
    /// Where the forecast's background per cell comes from.
    public let background: SEPPBackground
    /// Stops a fit between EM steps when cancelled (as does cancelling the task the fit runs in):
    /// ``fit(_:)`` then throws `CancellationError` and the forecaster is left unfitted; nil (the default)
    /// for none.
    public var cancellation: CancellationToken?
    private var fitted: SEPPFitted?

    /// A forecaster with the EM's start values, limits and the cascade switch.
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` naming `initialBranchingRatio` unless it lies in
    /// [0, 0.99], `initialDecayDays` or `initialSigma` unless a finite number above 0,
    /// `maximumIterations` below 1, or `tolerance` unless a finite number at or above 0.
    public init(initialBranchingRatio: Double = 0.3, initialDecayDays: Double = 1, initialSigma: Double = 100,
                maximumIterations: Int = 200, tolerance: Double = 1e-7, cascade: Bool = true, historyWindows: Int? = nil,
                background: SEPPBackground = .fitted) throws {
        if let historyWindows, historyWindows < 1 {
            throw ForecastError.badParameter(name: "historyWindows", reason: "must be at least 1, got \(historyWindows)")
        }
        self.historyWindows = historyWindows
        self.background = background
        guard initialBranchingRatio.isFinite, initialBranchingRatio >= 0, initialBranchingRatio <= SEPPLimits().maximumTheta else {
            throw ForecastError.badParameter(name: "initialBranchingRatio", reason: "must lie between 0 and 0.99, got \(initialBranchingRatio)")
        }
        guard initialDecayDays.isFinite, initialDecayDays > 0 else {
            throw ForecastError.badParameter(name: "initialDecayDays", reason: "must be a finite number of days above 0, got \(initialDecayDays)")
        }
        guard initialSigma.isFinite, initialSigma > 0 else {
            throw ForecastError.badParameter(name: "initialSigma", reason: "must be a finite number of metres above 0, got \(initialSigma)")
        }
        guard maximumIterations >= 1 else {
            throw ForecastError.badParameter(name: "maximumIterations", reason: "must be at least 1, got \(maximumIterations)")
        }
        guard tolerance.isFinite, tolerance >= 0 else {
            throw ForecastError.badParameter(name: "tolerance", reason: "must be a finite number at or above 0, got \(tolerance)")
        }
        self.initialBranchingRatio = initialBranchingRatio
        self.initialDecayDays = initialDecayDays
        self.initialSigma = initialSigma
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
        self.cascade = cascade
    }

    /// `sepp`.
    public var name: String { "sepp" }

    /// Fits the model by EM and the history's triggering over every cell. Throws
    /// ``ForecastError/badParameter(name:reason:)`` naming `incidents` when an incident in a cell has a
    /// position that is not finite, and ``ForecastError/noHistory(origin:)`` for a history of no time.
    /// A history without incidents in the cells fits a zero background and forecasts zeros.
    public mutating func fit(_ history: ForecastHistory) throws {
        fitted = nil
        let recent = try historyWindows.map { try history.suffix(windows: $0) } ?? history
        var fit = try SEPPFitted(history: recent, initial: (initialBranchingRatio, 1 / initialDecayDays, initialSigma),
                                 limits: SEPPLimits(), maximumIterations: maximumIterations, tolerance: tolerance,
                                 cancellation: cancellation)
        if background == .historyShares { fit.spreadBackground(over: history.counts) }
        fitted = fit
    }

    /// Expected counts per cell × window of `span`. Throws ``ForecastError/notFitted(_:)`` before
    /// ``fit(_:)`` and ``ForecastError/spanOverlapsHistory(spanStart:origin:)`` for a span that starts
    /// before the origin.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let fitted else { throw ForecastError.notFitted(name) }
        return try fitted.forecast(span, cascade: cascade)
    }

    /// After fitting: `branching_ratio` (θ), `trigger_decay_days` (1/ω), `trigger_sigma_m` (σ),
    /// `iterations` (M-steps run), `log_likelihood` and `converged` (1 or 0).
    public var parameters: [String: Double] {
        guard let fitted else { return [:] }
        let s = fitted.estimation.state
        return ["branching_ratio": s.theta, "trigger_decay_days": 1 / s.omega, "trigger_sigma_m": s.sigma,
                "iterations": Double(fitted.estimation.iterations), "log_likelihood": fitted.estimation.logLikelihood,
                "converged": fitted.estimation.converged ? 1 : 0]
    }
}
