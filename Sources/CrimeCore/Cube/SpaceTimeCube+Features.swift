extension SpaceTimeCube {
    /// Lag, rolling-mean, neighbour-mean and calendar features for each (window, cell), with the
    /// count as target.
    ///
    /// Rows start at the first window with a full history (`spec.history`), so no feature looks at
    /// a window before the cube or at the target's own window; rows run window-major, cells in cube
    /// order within a window. Pass `neighbors` (from ``neighbors(from:)``) when `spec.neighborMean`.
    public func features(_ spec: FeatureSpec = FeatureSpec(), neighbors: [[Int]]? = nil) throws -> FeatureTable {
        for k in spec.lags where k < 1 { throw CubeError.badParameter(name: "lag", value: k, reason: "must be at least 1") }
        for w in spec.rollingMeans where w < 1 {
            throw CubeError.badParameter(name: "rolling mean", value: w, reason: "must be at least 1")
        }
        if spec.neighborMean {
            guard let neighbors else { throw CubeError.missingNeighbors }
            guard neighbors.count == cellCount else {
                throw CubeError.lengthMismatch(what: "neighbors", expected: cellCount, got: neighbors.count)
            }
        }
        let start = spec.history
        guard start < windowCount else { throw CubeError.tooFewWindows(needed: start + 1, have: windowCount) }

        var names = spec.lags.map { "lag_\($0)" } + spec.rollingMeans.map { "rolling_mean_\($0)" }
        if spec.neighborMean { names.append("neighbor_mean_lag_1") }
        if spec.calendar { names += ["window_of_day", "weekday"] }
        let calendar = spec.calendar ? calendarColumns() : []

        let dense = denseByWindow()                      // [window][cell]
        let cellsN = cellCount
        // Prefix sums over windows per cell make every rolling mean O(1).
        var prefix = [Double](repeating: 0, count: (windowCount + 1) * cellsN)
        for w in 0..<windowCount {
            for c in 0..<cellsN { prefix[(w + 1) * cellsN + c] = prefix[w * cellsN + c] + dense[w * cellsN + c] }
        }
        let rows = (windowCount - start) * cellsN
        var values = [Double]()
        values.reserveCapacity(rows * names.count)
        var targets = [Double]()
        var cellOrd = [Int]()
        var windowOrd = [Int]()
        targets.reserveCapacity(rows)
        for w in start..<windowCount {
            for c in 0..<cellsN {
                for k in spec.lags { values.append(dense[(w - k) * cellsN + c]) }
                for width in spec.rollingMeans {
                    values.append((prefix[w * cellsN + c] - prefix[(w - width) * cellsN + c]) / Double(width))
                }
                if spec.neighborMean, let around = neighbors?[c] {
                    let sum = around.reduce(0.0) { $0 + dense[(w - 1) * cellsN + $1] }
                    values.append(around.isEmpty ? 0 : sum / Double(around.count))
                }
                if spec.calendar {
                    values.append(calendar[w].windowOfDay)
                    values.append(calendar[w].weekday)
                }
                targets.append(dense[w * cellsN + c])
                cellOrd.append(c)
                windowOrd.append(w)
            }
        }
        return try FeatureTable(matrix: Matrix(rows: rows, columns: names.count, values: values), columnNames: names,
                                targets: targets, cellOrdinals: cellOrd, windowOrdinals: windowOrd)
    }

    /// Window-of-day and weekday of each window ordinal.
    private func calendarColumns() -> [(windowOfDay: Double, weekday: Double)] {
        let windowing = windows.windowing
        if case let .cyclic(scheme) = windowing.kind {
            return (0..<windowCount).map { b in (Double(b % scheme.count), Double(b / scheme.count)) }
        }
        let zone = windowing.zone
        var frequency = WindowFrequency.daily
        if case let .sequential(f) = windowing.kind { frequency = f }
        return (0..<windowCount).map { w in
            let start = windows.boundaries[w]
            let (day, second) = CivilDate.split(wallSeconds: zone.wallSeconds(utc: start))
            let weekday = Double(CivilDate.weekday(dayNumber: day))
            switch frequency {
            case .hourly: return (Double(second / 3600), weekday)
            case .halfDay: return (second >= 43_200 ? 1 : 0, weekday)
            case .daily, .weekly: return (0, weekday)
            }
        }
    }
}
