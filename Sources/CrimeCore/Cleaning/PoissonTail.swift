import Foundation

/// P(X ≥ k) for X ~ Poisson(mean), summed in log space so large means and counts neither overflow
/// nor underflow before the end.
///
/// For k > mean the upper series t_k (1 + mean/(k+1) + mean²/((k+1)(k+2)) + …) is summed; otherwise
/// the lower tail P(X ≤ k−1) is summed the same way downwards and subtracted from one.
func poissonUpperTail(atLeast k: Int, mean: Double) -> Double {
    if k <= 0 { return 1 }
    guard mean > 0 else { return 0 }
    func logTerm(_ j: Int) -> Double { -mean + Double(j) * log(mean) - lgamma(Double(j) + 1) }
    if Double(k) > mean {
        var sum = 1.0, term = 1.0, j = k
        while true {
            j += 1
            term *= mean / Double(j)
            sum += term
            if term < sum * 1e-17 { break }
        }
        return min(1, exp(logTerm(k) + log(sum)))
    }
    var sum = 1.0, term = 1.0, j = k - 1
    while j > 0 {
        term *= Double(j) / mean
        sum += term
        if term < sum * 1e-17 { break }
        j -= 1
    }
    return max(0, 1 - exp(logTerm(k - 1) + log(sum)))
}
