import Foundation

extension SeededGenerator {
    /// A Poisson draw with the given mean: Knuth's product method on pieces of mean at most 30, so
    /// large means neither underflow nor loop long. A mean of zero or less gives 0.
    package mutating func nextPoisson(mean: Double) -> Int {
        var remaining = mean
        var total = 0
        while remaining > 0 {
            let piece = min(remaining, 30)
            remaining -= piece
            let limit = exp(-piece)
            var product = nextUniform()
            while product > limit { total += 1; product *= nextUniform() }
        }
        return total
    }

    /// Two independent standard normal draws (Box–Muller).
    package mutating func nextGaussianPair() -> (Double, Double) {
        let r = (-2 * log(1 - nextUniform())).squareRoot()
        let theta = 2 * Double.pi * nextUniform()
        return (r * cos(theta), r * sin(theta))
    }
}
