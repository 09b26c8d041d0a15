import CrimeCore
import Foundation

/// Turns per-cell scores into expected counts the way the hot-spot methods (KDE, ProMap) share: an
/// expected total count per window, split over the cells in proportion to their scores.
enum ShareForecast {
    /// The expected total count of a window: the mean of the history's per-window totals (counts in the
    /// cells), or with `decayDays` τ the mean weighted by exp(−age/τ), a window's age being the time from
    /// its midpoint to the origin.
    static func expectedTotal(_ history: ForecastHistory, decayDays: Double?) -> Double {
        let windows = history.counts.columns
        guard windows > 0 else { return 0 }
        var totals = [Double](repeating: 0, count: windows)
        for c in 0..<history.counts.rows {
            for w in 0..<windows { totals[w] += history.counts.values[c * windows + w] }
        }
        guard let tau = decayDays, history.windows.boundaries.count == windows + 1 else {
            return totals.reduce(0, +) / Double(windows)
        }
        let b = history.windows.boundaries
        // Weights relative to the newest window, which has the largest: the same ratios, no underflow.
        let newest = 0.5 * (Double(b[windows - 1]) + Double(b[windows]))
        var sum = 0.0, weight = 0.0
        for w in 0..<windows {
            let middle = 0.5 * (Double(b[w]) + Double(b[w + 1]))
            let k = exp(-(newest - middle) / (86_400 * tau))
            sum += k * totals[w]
            weight += k
        }
        return sum / weight
    }

    /// `total` split over the cells in proportion to `scores`; in proportion to the cells' areas when
    /// there are no scores or they add up to nothing (and evenly when the areas do too).
    static func split(_ total: Double, scores: [Double]?, areas: [Double]) -> [Double] {
        for shares in [scores ?? [], areas] {
            let sum = shares.reduce(0, +)
            if shares.count == areas.count, sum > 0, sum.isFinite { return shares.map { total * $0 / sum } }
        }
        return areas.map { _ in total / Double(max(areas.count, 1)) }
    }

    /// The same expected counts in every window of a span: cells × windows.
    static func matrix(_ perCell: [Double], windows: Int) -> Matrix {
        var values = [Double](repeating: 0, count: perCell.count * windows)
        for c in perCell.indices {
            for w in 0..<windows { values[c * windows + w] = perCell[c] }
        }
        return Matrix(rows: perCell.count, columns: windows, values: values)
    }
}
