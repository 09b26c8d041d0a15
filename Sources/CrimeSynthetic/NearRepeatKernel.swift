import CrimeCore
import Foundation

/// The triggering kernel of the synthetic city's near-repeat excitation: an event at time `t` and
/// position `(x, y)` (metres) raises the intensity at `(t + s, x + u, y + v)` by
/// `branching × exp(−s / meanDelay) / meanDelay × φ(u / spread) φ(v / spread) / spread²`,
/// with `φ` the standard normal density. Its integral over all space and time is `branching`.
struct NearRepeatKernel: Sendable, Equatable {
    /// Expected offspring per event.
    let branching: Double
    /// Mean delay of an offspring, in seconds.
    let meanDelay: Double
    /// Standard deviation of an offspring's displacement along each axis, in metres.
    let spread: Double

    /// The kernel of a city's settings.
    init(_ config: SyntheticCityConfig) {
        self.init(branching: config.branchingRatio, meanDelay: config.offspringMeanDelay, spread: config.offspringSpread)
    }

    /// A kernel from its three parameters.
    init(branching: Double, meanDelay: Double, spread: Double) {
        self.branching = branching
        self.meanDelay = meanDelay
        self.spread = spread
    }

    /// Offspring density per second per square metre, `delay` seconds after and `(dx, dy)` metres away
    /// from the parent; zero before the parent.
    func density(delay: Double, dx: Double, dy: Double) -> Double {
        guard delay > 0 else { return 0 }
        let s2 = spread * spread
        return branching * exp(-delay / meanDelay) / meanDelay * exp(-(dx * dx + dy * dy) / (2 * s2)) / (2 * .pi * s2)
    }

    /// The share of a parent's offspring delays, from a parent at `parent`, that fall in `[from, to)`
    /// (all instants in seconds).
    func timeShare(parent: Double, from: Double, to: Double) -> Double {
        let a = max(from, parent) - parent, b = to - parent
        guard b > a else { return 0 }
        // exp(−a/τ) − exp(−b/τ), written with expm1 so that short windows keep their digits.
        return -exp(-a / meanDelay) * expm1(-(b - a) / meanDelay)
    }

    /// The share of a parent's offspring displacements, from a parent at `(x, y)`, that land in the
    /// rectangle `[x0, x1] × [y0, y1]` (metres).
    func spaceShare(x: Double, y: Double, x0: Double, x1: Double, y0: Double, y1: Double) -> Double {
        normalMass(from: (x0 - x) / spread, to: (x1 - x) / spread) * normalMass(from: (y0 - y) / spread, to: (y1 - y) / spread)
    }

    /// Expected offspring of a parent at `(x, y, t)` inside the rectangle and the window.
    func expectedOffspring(x: Double, y: Double, t: Double,
                           x0: Double, x1: Double, y0: Double, y1: Double, from: Double, to: Double) -> Double {
        let time = timeShare(parent: t, from: from, to: to)
        guard time > 0 else { return 0 }
        return branching * time * spaceShare(x: x, y: y, x0: x0, x1: x1, y0: y0, y1: y1)
    }
}

/// The standard normal probability of `[a, b]`, accurate in both tails (complementary error function
/// on the side away from zero).
func normalMass(from a: Double, to b: Double) -> Double {
    guard b > a else { return 0 }
    let r = 1 / 2.0.squareRoot()
    if a >= 0 { return 0.5 * (erfc(a * r) - erfc(b * r)) }
    if b <= 0 { return 0.5 * (erfc(-b * r) - erfc(-a * r)) }
    return 0.5 * (erf(b * r) - erf(a * r))
}
