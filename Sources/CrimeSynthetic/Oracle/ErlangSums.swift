import Foundation

/// The delay laws of a near-repeat cascade, for every generation at once.
///
/// With exponential trigger delays of mean τ, a generation-`n` descendant of an event comes an
/// Erlang(`n`, τ) delay after it. For a delay `x` measured in units of τ this holds, for `n = 0…generations`,
/// - `cdf[n]` = P(Erlang(n, τ) ≤ xτ) = P(N ≥ n) with N ~ Poisson(x), and
/// - `integral[n]` = ∫₀ˣ `cdf[n]`(u) du = E[(N − n)⁺] (in units of τ),
///
/// both zero for `x ≤ 0` (and `n ≥ 1`). The Poisson probabilities are summed from the mode outwards,
/// each function from the side where it is a small tail, so small values keep their digits.
struct ErlangSums {
    /// P(Erlang(n, τ) ≤ xτ), indexed by `n`.
    let cdf: [Double]
    /// ∫₀ˣ P(Erlang(n, τ) ≤ uτ) du, indexed by `n`.
    let integral: [Double]

    /// The sums at scaled delay `x` for generations `0…generations`.
    init(x: Double, generations: Int) {
        let top = max(generations, 0)
        guard x > 0, x.isFinite else {
            cdf = [Double](repeating: 0, count: top + 1)
            integral = cdf
            return
        }
        let mode = Int(x.rounded(.down))
        let width = Int((12 * x.squareRoot()).rounded(.up)) + 40
        let low = max(0, mode - width), high = max(top, mode) + width
        // Poisson probabilities p[k − low] for k in low…high, from the mode outwards.
        var p = [Double](repeating: 0, count: high - low + 1)
        p[mode - low] = exp(-x + Double(mode) * log(x) - lgamma(Double(mode) + 1))
        if mode > low {
            for k in stride(from: mode - 1, through: low, by: -1) { p[k - low] = p[k + 1 - low] * Double(k + 1) / x }
        }
        if mode < high {
            for k in (mode + 1)...high { p[k - low] = p[k - 1 - low] * x / Double(k) }
        }
        // lower[j − low] = P(N ≤ j); upper[k − low] = P(N ≥ k) (zero above `high`).
        var lower = p, upper = p
        for j in 1..<p.count { lower[j] += lower[j - 1] }
        for k in stride(from: p.count - 2, through: 0, by: -1) { upper[k] += upper[k + 1] }
        func below(_ j: Int) -> Double { j < low ? 0 : (j > high ? 1 : lower[j - low]) }
        func above(_ k: Int) -> Double { k <= low ? 1 - below(k - 1) : (k > high ? 0 : upper[k - low]) }
        var cdf = [Double](repeating: 0, count: top + 1), integral = cdf
        for n in 0...top { cdf[n] = n > mode ? above(n) : 1 - below(n - 1) }
        // E[(N − n)⁺] = Σ_{k > n} P(N ≥ k) from the mode up; x − n + Σ_{j < n} P(N ≤ j) below it.
        var suffix = 0.0
        if high >= top + 2 { for k in (top + 2)...high { suffix += above(k) } }
        for n in stride(from: top, through: 0, by: -1) where n >= mode {
            suffix += above(n + 1)
            integral[n] = suffix
        }
        var head = 0.0
        for n in 0...top where n < mode {
            integral[n] = x - Double(n) + head
            head += below(n)
        }
        self.cdf = cdf
        self.integral = integral
    }
}
