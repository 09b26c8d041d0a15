import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeModels
import Testing

@Suite("Regressors as forecasters")
struct RegressorForecasterTests {
    static let lag1 = CountFeature.allCases.firstIndex(of: .lag1) ?? 0
    static let lagSeason = CountFeature.allCases.firstIndex(of: .lagSeason) ?? 0

    /// Daily incidents in a 3 × 3 block of cells over 60 days, a Poisson number per cell and day drawn
    /// from `seed`; days from `futureFrom` on are drawn from `futureSeed` instead.
    static func data(seed: UInt64, futureFrom: Int, futureSeed: UInt64) throws -> ForecastData {
        let grid = try CountMatrixHistory.grid()
        let cells = try CountMatrixHistory.cells(rows: 3, columns: 3)
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        var past = SeededGenerator(seed: seed), future = SeededGenerator(seed: futureSeed)
        for day in 0..<60 {
            for (c, cell) in cells.ids.enumerated() {
                let mean = Double(1 + c % 4) * (day % 7 >= 5 ? 2 : 1)
                let count = day < futureFrom ? past.nextPoisson(mean: mean) : future.nextPoisson(mean: mean)
                for k in 0..<count {
                    table.append(id: "\(day)-\(c)-\(k)", time: CountMatrixHistory.start + Int64(day) * CountMatrixHistory.day + Int64(600 * k),
                                 location: try grid.center(of: cell), category: .theft, offense: "THEFT")
                }
            }
        }
        return try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone))
    }

    /// Two data sets that agree before day 45 and differ after it give identical training tables,
    /// forecast rows and forecasts at origin 45; at origin 46 (which sees the first differing day)
    /// they do not, so the comparison can fail.
    @Test func featuresSeeNothingAtOrAfterTheOrigin() throws {
        let one = try Self.data(seed: 5, futureFrom: 45, futureSeed: 11)
        let two = try Self.data(seed: 5, futureFrom: 45, futureSeed: 12)
        #expect(one.observed(window: 45) != two.observed(window: 45))
        let (a, b) = (try one.history(before: 45), try two.history(before: 45))
        var method = RegressorForecaster.forest(trees: 10, seed: 3, threads: 1)
        #expect(try method.trainingTable(a) == method.trainingTable(b))
        #expect(try method.forecastRows(a) == method.forecastRows(b))
        try method.fit(a)
        let first = try method.forecast(try a.span(windows: 3))
        try method.fit(b)
        #expect(try method.forecast(try b.span(windows: 3)) == first)
        let (later1, later2) = (try one.history(before: 46), try two.history(before: 46))
        #expect(try method.trainingTable(later1) != method.trainingTable(later2))
        #expect(try method.forecastRows(later1) != method.forecastRows(later2))
    }

    /// Two neighbouring cells, six windows, seasonal period 3, counts written down:
    ///
    ///     cell 0: 2 0 4 1 3 5        cell 1: 1 1 0 2 2 0        window totals: 3 1 4 3 5 5
    ///
    /// Forecast row of cell 0 (target window 6, reads windows 0–5): lag1 5, lag2 3, lagSeason v3 = 1,
    /// mean4 (4+1+3+5)/4 = 3.25, mean13 over the 6 windows there are 15/6 = 2.5, seasonalMean
    /// (v3 + v0)/2 = 1.5, neighbourLag1 = cell 1's window 5 = 0, margins N_c·N_s/N/n_s with N_c 15,
    /// N 21, season windows 0 and 3 (N_s 3 + 3 = 6, n_s 2): 15·6/21/2 = 15/7, trend: slope of 2 0 4 1
    /// 3 5 on 0…5 = Σdx·dy / Σdx² = 10.5/17.5 = 0.6.
    ///
    /// Training row of cell 1 for window 3 (reads windows 0–2: 1 1 0): lag1 0, lag2 1, lagSeason u0 =
    /// 1, mean4 and mean13 2/3, seasonalMean u0 = 1, neighbourLag1 = cell 0's window 2 = 4, margins
    /// N_c 2, N 8, season window 0 (N_s 3, n_s 1): 2·3/8 = 0.75, trend: slope of 1 1 0 = −1/2;
    /// target u3 = 2. With 3 training windows (targets 3–5, each a season in) its row is (3 − 3) · 2 cells + 1 = 1.
    ///
    /// With the default 26 training windows the targets start at window 1, less than a season in, so
    /// lagSeason, seasonalMean and margins hold the cell's mean in every row: 15/6 = 2.5 in the forecast row
    /// of cell 0, 2/3 in the training row of cell 1 for window 3 (now row (3 − 1) · 2 + 1 = 5).
    @Test func featureRowsMatchHandComputedValues() throws {
        let cells = try CountMatrixHistory.cells(rows: 1, columns: 2)
        let history = try CountMatrixHistory.history(cells: cells, counts: [[2, 0, 4, 1, 3, 5], [1, 1, 0, 2, 2, 0]])
        let method = RegressorForecaster(name: "pick", model: PickColumn(column: 0), trainingWindows: 3, seasonPeriod: 3)
        let forecast = try method.forecastRows(history)
        let expected: [Double] = [5, 3, 1, 3.25, 2.5, 1.5, 0, 15.0 / 7, 0.6]
        for (j, e) in expected.enumerated() { #expect(abs(forecast[0, j] - e) < 1e-12, "feature \(CountFeature.allCases[j])") }
        let table = try method.trainingTable(history)
        #expect(table.matrix.rows == 6)
        #expect(table.cellOrdinals[1] == 1 && table.windowOrdinals[1] == 3 && table.targets[1] == 2)
        let training: [Double] = [0, 1, 1, 2.0 / 3, 2.0 / 3, 1, 4, 0.75, -0.5]
        for (j, e) in training.enumerated() { #expect(abs(table.matrix[1, j] - e) < 1e-12, "feature \(CountFeature.allCases[j])") }

        let early = RegressorForecaster(name: "pick", model: PickColumn(column: 0), seasonPeriod: 3)
        let earlyForecast = try early.forecastRows(history)
        let held: [Double] = [5, 3, 2.5, 3.25, 2.5, 2.5, 0, 2.5, 0.6]
        for (j, e) in held.enumerated() { #expect(abs(earlyForecast[0, j] - e) < 1e-12, "feature \(CountFeature.allCases[j])") }
        let earlyTable = try early.trainingTable(history)
        #expect(earlyTable.matrix.rows == 10)
        #expect(earlyTable.cellOrdinals[5] == 1 && earlyTable.windowOrdinals[5] == 3)
        let heldTraining: [Double] = [0, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 4, 2.0 / 3, -0.5]
        for (j, e) in heldTraining.enumerated() { #expect(abs(earlyTable.matrix[5, j] - e) < 1e-12, "feature \(CountFeature.allCases[j])") }
    }

    /// A plugin that predicts `lagSeason` (trained on the last 13 of 20 windows, each at least a season in)
    /// forecasts the counts one season (7 days) back, also for a span that starts two days after the origin; one that predicts `lag1` carries the last count
    /// forward through its own forecasts; predictions below 0 come out as 0.
    @Test func pluginRegressorForecastsTheFeatureItPicks() throws {
        let counts: [[Double]] = (0..<4).map { c in (0..<20).map { Double(($0 * 3 + c * 5) % 11) } }
        let history = try CountMatrixHistory.history(cells: try CountMatrixHistory.cells(rows: 2, columns: 2), counts: counts)
        var seasonal = RegressorForecaster(name: "seasonal-plugin", model: PickColumn(column: Self.lagSeason), trainingWindows: 13)
        try seasonal.fit(history)
        let three = try seasonal.forecast(try history.span(windows: 3))
        let zone = try ZoneClock(identifier: "UTC")
        let later = try WindowSpan(.sequential(.daily, zone: zone), from: CountMatrixHistory.start + 22 * CountMatrixHistory.day,
                                   until: CountMatrixHistory.start + 23 * CountMatrixHistory.day)
        let skipped = try seasonal.forecast(later)
        for c in 0..<4 {
            #expect((0..<3).map { three[c, $0] } == [counts[c][13], counts[c][14], counts[c][15]])
            #expect(skipped[c, 0] == counts[c][15])
        }
        #expect(seasonal.parameters["training_rows"] == 4 * 13 && seasonal.parameters["season_period"] == 7)

        var carry = RegressorForecaster(name: "carry", model: PickColumn(column: Self.lag1))
        try carry.fit(history)
        let carried = try carry.forecast(try history.span(windows: 4))
        for c in 0..<4 { #expect((0..<4).map { carried[c, $0] } == Array(repeating: counts[c][19], count: 4)) }

        var negative = RegressorForecaster(name: "negative", model: PickColumn(column: Self.lag1, offset: -100))
        try negative.fit(history)
        #expect(try negative.forecast(try history.span(windows: 2)).values.allSatisfy { $0 == 0 })
    }

    /// Counts with a strong weekday profile (λ = cell rate × weekday factor, factors 0.2 … 2.6):
    /// `historical` forecasts each cell's mean and misses the profile, while the forest sees it in
    /// `seasonalMean`, `lagSeason` and `margins`. Over the seven origins of the last week, the forest's
    /// mean squared error against the true λ is under half the historical average's.
    @Test func forestBeatsTheHistoricalAverageOnAWeekdayPattern() throws {
        let errors = try WeekdayPattern.errors { RegressorForecaster.forest(seed: 7) }
        #expect(errors.method < 0.5 * errors.historical, "forest \(errors.method), historical \(errors.historical)")
    }

    /// The forest's forecasts are the same on one thread or two.
    @Test func forestIsTheSameOnAnyNumberOfThreads() throws {
        let history = try Self.data(seed: 9, futureFrom: 60, futureSeed: 9).history(before: 50)
        var one = RegressorForecaster.forest(trees: 12, seed: 4, threads: 1)
        var two = RegressorForecaster.forest(trees: 12, seed: 4, threads: 2)
        try one.fit(history)
        try two.fit(history)
        #expect(try one.forecast(try history.span(windows: 2)) == two.forecast(try history.span(windows: 2)))
    }
}
