/// The naive forecasts every backtest reports beside its models, each computed from the training
/// rows of the fold only.
public enum NaiveBaseline: String, Sendable, CaseIterable, Codable {
    /// The cell's count in the latest training window it has, held for every window of the horizon.
    case lastWindow = "naive_last_window"
    /// The mean of the cell's training counts in windows of the same season (window ordinal modulo
    /// ``BacktestData/seasonPeriod``: weekday × window of day); the cell's mean when that season is unseen.
    case seasonalMean = "naive_seasonal_mean"
    /// Spatially smoothed history: the average of the cell's own training mean and each
    /// neighbour's training mean, (m_c + Σ m_n) / (1 + number of neighbours with history); without
    /// a neighbour map, the cell's own mean.
    case spatialSmoothing = "naive_spatial_mean"
}

/// Per-cell summaries of a fold's training rows, from which the baselines forecast.
struct BaselineHistory {
    private var last: [Int: (window: Int, value: Double)] = [:]
    private var sums: [Int: (sum: Double, count: Int)] = [:]
    private var seasonal: [Int: [Int: (sum: Double, count: Int)]] = [:]
    private let globalMean: Double
    private let period: Int
    private let neighbors: [[Int]]?

    init(data: BacktestData, rows: [Int], neighbors: [[Int]]?) {
        period = data.seasonPeriod
        self.neighbors = neighbors
        var total = 0.0
        for r in rows {
            let c = data.cells[r], w = data.windows[r], y = data.targets[r]
            if let l = last[c], l.window >= w {} else { last[c] = (w, y) }
            sums[c, default: (0, 0)].sum += y
            sums[c, default: (0, 0)].count += 1
            let season = ((w % period) + period) % period
            seasonal[c, default: [:]][season, default: (0, 0)].sum += y
            seasonal[c, default: [:]][season, default: (0, 0)].count += 1
            total += y
        }
        globalMean = rows.isEmpty ? 0 : total / Double(rows.count)
    }

    private func mean(_ c: Int) -> Double? { sums[c].map { $0.sum / Double($0.count) } }

    /// The baseline's forecast for cell `c` at window `w`.
    func forecast(_ baseline: NaiveBaseline, cell c: Int, window w: Int) -> Double {
        switch baseline {
        case .lastWindow: return last[c]?.value ?? globalMean
        case .seasonalMean:
            let season = ((w % period) + period) % period
            if let s = seasonal[c]?[season] { return s.sum / Double(s.count) }
            return mean(c) ?? globalMean
        case .spatialSmoothing:
            var sum = 0.0, count = 0
            if let m = mean(c) { sum += m; count += 1 }
            if let neighbors, c < neighbors.count {
                for n in neighbors[c] { if let m = mean(n) { sum += m; count += 1 } }
            }
            return count > 0 ? sum / Double(count) : globalMean
        }
    }
}
