import Testing
import CrimeCore
import CrimeEval

/// A backtest straight from a space-time cube's feature table.
@Suite struct BacktestCubeTests {
    /// Four cells over five weeks from Monday 2024-01-01 in Chicago (no DST change); cell c sees
    /// 1 + c incidents a day and 3 more on Saturdays, so the same-weekday mean forecasts exactly
    /// while the last window (a Sunday, held for the whole 7-window horizon) misses each Saturday by 3.
    @Test func seasonalBaselineWinsOnWeeklyCounts() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let windows = try WindowSpan(.sequential(.daily, zone: zone), from: LocalDay("2024-01-01"), until: LocalDay("2024-02-05"))
        let cells = (0..<4).map { CellID(row: $0 / 2, column: $0 % 2) }
        var incidentCells = [CellID](), times = [Int64]()
        let localNoon: Int64 = 1_704_067_200 + 18 * 3600   // 2024-01-01 12:00 CST in UTC seconds
        for day in 0..<35 {
            for (c, cell) in cells.enumerated() {
                for k in 0..<(1 + c + (day % 7 == 5 ? 3 : 0)) {
                    incidentCells.append(cell)
                    times.append(localNoon + Int64(day) * 86_400 + Int64(k * 60))
                }
            }
        }
        let cube = try SpaceTimeCube(incidentCells: incidentCells, times: times, cells: cells, windows: windows)
        let neighbors = (0..<4).map { c in (0..<4).filter { $0 != c } }
        let table = try cube.features(FeatureSpec(lags: [1, 7], rollingMeans: [7]), neighbors: neighbors)
        let data = try BacktestData(table: table, seasonPeriod: 7)
        let result = try Backtest.run(data: data, models: [], initialWindows: 14, horizon: 7, neighbors: neighbors)
        let seasonal = try #require(result.summary(of: "naive_seasonal_mean")?.regression)
        let last = try #require(result.summary(of: "naive_last_window")?.regression)
        #expect(seasonal.mae < 1e-12)
        // Feature rows start at window 7; origins at windows 21 and 28 follow Sunday windows 20
        // and 27. Per week and cell only Saturday is off, by 3 → MAE 3/7.
        #expect(abs(last.mae - 3.0 / 7) < 1e-12)
        #expect(result.folds.map(\.testWindows) == [21...27, 28...34])
        #expect(result.folds.count == 2 && result.testRows.count == 14 * 4)
    }
}
