/// Evaluates ``NaiveBaseline/Rule``s on one history for one set of target windows.
///
/// Every table is cell-major, `table[c * targets.count + j]`, and nil where the cell lacks the
/// history the rule needs; sums run in window order, so every rule adds the same numbers in the
/// same order however the history was built.
struct BaselineEvaluator {
    let history: CountHistory
    let targets: [Int]
    let neighbors: [[Int]]?

    private var cells: Int { history.cellCount }
    private var columns: Int { history.windows.count }

    /// The rule's forecast of every cell in every target window.
    func forecasts(_ rule: NaiveBaseline.Rule) throws -> [Double?] {
        switch rule {
        case .previousWindow:
            return perCell(latest())
        case let .seasonalNaive(period):
            try Self.check(period)
            let latest = latest()
            let last = history.windows[columns - 1]
            let lagged = targets.map { t in history.column(of: t - (t - last + period - 1) / period * period) }
            return (0..<cells).flatMap { c in
                lagged.map { j in j.flatMap { value(c, $0) } ?? latest[c] }
            }
        case let .seasonalMean(period):
            try Self.check(period)
            let means = means()
            var bySeason = [Int: [Int]]()
            for (j, w) in history.windows.enumerated() { bySeason[Self.season(w, period), default: []].append(j) }
            return (0..<cells).flatMap { c in
                targets.map { t in
                    var sum = 0.0, count = 0
                    for j in bySeason[Self.season(t, period)] ?? [] {
                        if let v = value(c, j) { sum += v; count += 1 }
                    }
                    return count > 0 ? sum / Double(count) : means[c]
                }
            }
        case .historicalAverage:
            return perCell(means())
        case let .margins(period):
            try Self.check(period)
            return margins(period)
        case let .neighborhoodMean(inner):
            return neighborhoodMean(try forecasts(inner))
        }
    }

    /// The mean of every observed count, added window by window (the fallback of every rule).
    func overallMean() -> Double {
        var total = 0.0, count = 0
        for j in 0..<columns {
            for c in 0..<cells {
                if let v = value(c, j) { total += v; count += 1 }
            }
        }
        return count > 0 ? total / Double(count) : 0
    }

    private func value(_ c: Int, _ j: Int) -> Double? {
        history.observed[c * columns + j] ? history.counts[c * columns + j] : nil
    }

    /// One value per cell, repeated for every target window.
    private func perCell(_ values: [Double?]) -> [Double?] {
        values.flatMap { repeatElement($0, count: targets.count) }
    }

    /// Each cell's count in the latest window it was observed in.
    private func latest() -> [Double?] {
        (0..<cells).map { c in (0..<columns).reversed().lazy.compactMap { value(c, $0) }.first }
    }

    /// Each cell's mean over the windows it was observed in.
    private func means() -> [Double?] {
        (0..<cells).map { c in
            var sum = 0.0, count = 0
            for j in 0..<columns {
                if let v = value(c, j) { sum += v; count += 1 }
            }
            return count > 0 ? sum / Double(count) : nil
        }
    }

    private func margins(_ period: Int) -> [Double?] {
        let means = means()
        var windowsPerSeason = [Int: Int]()
        for w in history.windows { windowsPerSeason[Self.season(w, period), default: 0] += 1 }
        var cellTotals = [Double](repeating: 0, count: cells)
        var seasonTotals = [Int: Double]()
        for c in 0..<cells {
            for j in 0..<columns {
                guard let v = value(c, j) else { continue }
                cellTotals[c] += v
                seasonTotals[Self.season(history.windows[j], period), default: 0] += v
            }
        }
        let total = seasonTotals.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
        return (0..<cells).flatMap { c in
            targets.map { t -> Double? in
                guard means[c] != nil else { return nil }
                let s = Self.season(t, period)
                guard let n = windowsPerSeason[s] else { return means[c] }
                return total > 0 ? cellTotals[c] * (seasonTotals[s] ?? 0) / total / Double(n) : 0
            }
        }
    }

    private func neighborhoodMean(_ inner: [Double?]) -> [Double?] {
        let t = targets.count
        return (0..<cells).flatMap { c in
            (0..<t).map { j -> Double? in
                var sum = 0.0, count = 0
                if let v = inner[c * t + j] { sum += v; count += 1 }
                if let neighbors, c < neighbors.count {
                    for n in neighbors[c] where n >= 0 && n < cells {
                        if let v = inner[n * t + j] { sum += v; count += 1 }
                    }
                }
                return count > 0 ? sum / Double(count) : nil
            }
        }
    }

    private static func season(_ window: Int, _ period: Int) -> Int { ((window % period) + period) % period }

    private static func check(_ period: Int) throws {
        guard period >= 1 else { throw ForecastError.badParameter(name: "season period", reason: "must be ≥ 1, got \(period)") }
    }
}
