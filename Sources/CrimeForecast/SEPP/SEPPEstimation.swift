import CrimeCore
import Foundation

/// Expectation-maximisation for a SEPP (stochastic declustering, Mohler et al. 2011): each E-step
/// (``SEPPExpectation``) gives every event's probability of being background or triggered by each
/// earlier event within the cut-offs; each M-step updates the state in closed form:
///
/// - background and rhythm: with Bᶜ, Bʰ, B the background probabilities summed per cell, per hour of the
///   week and in all, μ(c) = Bᶜ / T and r(h) = Bʰ T / (B Lʰ) (Lʰ the days of hour h in the window; hours
///   the window never holds keep r = 1), the joint maximum of the expected log-likelihood;
/// - θ = Σ pᵢⱼ / Σᵢ (1 − e^{−ω min(T − tᵢ, W)}) at the previous ω and time cut-off W, at most
///   ``SEPPLimits/maximumTheta``;
/// - ω: the rate of an exponential cut at W whose mean is the weighted mean delay m = Σ pᵢⱼ (tⱼ − tᵢ) / Σ pᵢⱼ,
///   i.e. the root of 1/ω − W/(e^{ωW} − 1) = m (by bisection; the end of the window is ignored). Fitting
///   the cut kernel keeps a cut-off that follows ω from dragging ω up iteration after iteration;
/// - σ² = Σ pᵢⱼ dᵢⱼ² / (2 Σ pᵢⱼ).
///
/// σ and ω are kept within the floors of ``SEPPLimits`` and unchanged when no pair has any weight.
///
/// The loop stops after `maximumIterations` M-steps or when the log-likelihood at the new state moved by
/// less than `tolerance` relative to the one before.
struct SEPPEstimation {
    var state: SEPPState
    var iterations = 0
    var logLikelihood: Double
    var converged = false

    /// Runs the EM; throws `CancellationError` when `cancellation` (or the current task) is cancelled,
    /// checked before every M-step.
    init(events e: SEPPEvents, start: SEPPState, limits: SEPPLimits, maximumIterations: Int, tolerance: Double,
         cancellation: CancellationToken?) throws {
        state = start
        var step = SEPPExpectation(events: e, state: start, limits: limits)
        logLikelihood = step.logLikelihood
        while iterations < maximumIterations {
            try CancellationToken.check(cancellation)
            state = Self.maximise(e, step, state, limits)
            iterations += 1
            step = SEPPExpectation(events: e, state: state, limits: limits)
            let change = abs(step.logLikelihood - logLikelihood)
            let previous = logLikelihood
            logLikelihood = step.logLikelihood
            if change <= tolerance * abs(previous) {
                converged = true
                break
            }
        }
    }

    /// The starting state: every event background (μ(c) = events in c / T, a flat rhythm) and the given
    /// trigger parameters.
    static func start(_ e: SEPPEvents, theta: Double, omega: Double, sigma: Double) -> SEPPState {
        var background = [Double](repeating: 0, count: e.areas.count)
        for c in e.cell { background[Int(c)] += 1 / e.duration }
        return SEPPState(background: background, rhythm: [Double](repeating: 1, count: e.exposure.count),
                         theta: theta, omega: omega, sigma: sigma)
    }

    private static func maximise(_ e: SEPPEvents, _ step: SEPPExpectation, _ s: SEPPState, _ limits: SEPPLimits) -> SEPPState {
        var next = s
        var perCell = [Double](repeating: 0, count: e.areas.count)
        var perHour = [Double](repeating: 0, count: e.exposure.count)
        var total = 0.0
        for j in 0..<e.count {
            let p = step.background[j]
            perCell[Int(e.cell[j])] += p
            perHour[Int(e.hour[j])] += p
            total += p
        }
        next.background = perCell.map { $0 / e.duration }
        next.rhythm = perHour.indices.map { h in
            e.exposure[h] > 0 && total > 0 ? perHour[h] * e.duration / (total * e.exposure[h]) : 1
        }
        let window = limits.timeWindow(s)
        next.theta = step.offspringMass > 0 ? min(step.triggered / step.offspringMass, limits.maximumTheta) : 0
        if step.triggered > 0 {
            if step.delays > 0 {
                let rate = Self.truncatedRate(meanDelay: step.delays / step.triggered, window: window)
                next.omega = min(rate, 1 / limits.minimumDelayDays)
            }
            next.sigma = max((step.squaredDistances / (2 * step.triggered)).squareRoot(), limits.minimumSigma)
        }
        return next
    }

    /// The rate ω of an exponential cut at `window` whose mean is `meanDelay`: the root of
    /// 1/ω − W/(e^{ωW} − 1) = m, which falls from W/2 (ω → 0) to 0 (ω → ∞). A mean at or above W/2
    /// gives the bracket's low end, 10⁻⁶ per day.
    static func truncatedRate(meanDelay m: Double, window w: Double) -> Double {
        func mean(_ rate: Double) -> Double {
            let u = rate * w
            return u < 1e-6 ? w / 2 - rate * w * w / 12 : 1 / rate - w / expm1(u)
        }
        var lo = 1e-6, hi = 1e6
        guard mean(lo) > m else { return lo }
        for _ in 0..<200 {
            let mid = (lo * hi).squareRoot()
            if mid <= lo || mid >= hi { break }
            if mean(mid) > m { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
