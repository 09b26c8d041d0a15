import Foundation

/// When the descendants of a near-repeat cascade arrive: for one forecast origin and the windows of a
/// span, the expected number of generation-`n` descendants that a source puts into each window.
///
/// Two kinds of source feed the cascade after the origin `o`:
/// - an event before the origin: by the memorylessness of the exponential delay, its offspring still to
///   come are those of a parent at `o` whose expected offspring count is the branching ratio α times
///   `exp(−(o − tᵢ)/τ)`; a generation-`n` descendant of such a parent lands in `[a, b)` with probability
///   `F_n(b − o) − F_n(a − o)`, `F_n` the Erlang(`n`, τ) distribution function (``past``);
/// - events that arrive at a constant rate `r` per second over `[s₀, s₁)` after the origin (background
///   hours, flare days): they put `r ∫_{s₀}^{s₁} (F_n(b − s) − F_n(a − s)) ds` generation-`n` descendants
///   into `[a, b)`, the integrals of ``ErlangSums/integral`` (``immigrants(from:to:)``).
///
/// Counts are per unit of source (one event, or one event per second), without the factor αⁿ.
/// Windows are cut at the end of the city, after which the generator keeps no event.
struct CascadeTiming {
    /// Mean trigger delay τ, seconds.
    let tau: Double
    /// Generations `1…generations` are computed.
    let generations: Int
    /// Window starts and ends in seconds after the origin, cut to `[0, end − origin]`.
    let starts: [Double], ends: [Double]
    /// Sources further than this before a window's start are skipped (their descendants there are below
    /// 10⁻¹⁷ of their number).
    let horizon: Double

    /// The timing of the windows between consecutive `boundaries` for a forecast made at `origin` in a
    /// city that ends at `end` (UTC seconds), with branching ratio `branching` and mean delay `tau`.
    init(origin: Int64, boundaries: [Int64], end: Int64, branching: Double, tau: Double, generations: Int) {
        self.tau = tau
        self.generations = generations
        let limit = Double(max(end - origin, 0))
        starts = boundaries.dropLast().map { min(max(Double($0 - origin), 0), limit) }
        ends = boundaries.dropFirst().map { min(max(Double($0 - origin), 0), limit) }
        // The descendants of all generations of one event arrive at rate (α/τ)·exp(−(1 − α)s/τ).
        horizon = 40 * tau / max(1 - branching, 1e-3)
    }

    /// Number of windows.
    var windows: Int { starts.count }

    /// `result[(n − 1) × windows + w]`: the probability that a generation-`n` descendant of a parent at
    /// the origin lands in window `w`.
    func past() -> [Double] {
        var out = [Double](repeating: 0, count: generations * windows)
        guard generations > 0 else { return out }
        for w in 0..<windows where ends[w] > starts[w] {
            let a = ErlangSums(x: starts[w] / tau, generations: generations)
            let b = ErlangSums(x: ends[w] / tau, generations: generations)
            for n in 1...generations {
                out[(n - 1) * windows + w] = max(0, b.cdf[n] - a.cdf[n])
            }
        }
        return out
    }

    /// `result[(n − 1) × windows + w]`: expected generation-`n` descendants in window `w` of events
    /// arriving at one per second over `[from, to)` (seconds after the origin, cut to the city).
    func immigrants(from s0: Double, to s1: Double) -> [Double] {
        var out = [Double](repeating: 0, count: generations * windows)
        accumulate(from: s0, to: s1, rate: 1, into: &out)
        return out
    }

    /// Adds `rate` × ``immigrants(from:to:)`` to `out`.
    func accumulate(from s0: Double, to s1: Double, rate: Double, into out: inout [Double]) {
        guard rate > 0, generations > 0 else { return }
        let limit = ends.max() ?? 0
        let lo = max(s0, 0), hi = min(s1, limit)
        guard hi > lo else { return }
        for w in 0..<windows where ends[w] > starts[w] && ends[w] > lo && starts[w] - hi < horizon {
            // ∫_{lo}^{hi} F_n(e − s) ds = τ (I_n((e − lo)/τ) − I_n((e − hi)/τ)) for e = window end, start.
            let endLo = ErlangSums(x: (ends[w] - lo) / tau, generations: generations)
            let endHi = ErlangSums(x: (ends[w] - hi) / tau, generations: generations)
            let startLo = ErlangSums(x: (starts[w] - lo) / tau, generations: generations)
            let startHi = ErlangSums(x: (starts[w] - hi) / tau, generations: generations)
            for n in 1...generations {
                let value = (endLo.integral[n] - endHi.integral[n]) - (startLo.integral[n] - startHi.integral[n])
                out[(n - 1) * windows + w] += rate * tau * max(0, value)
            }
        }
    }
}
