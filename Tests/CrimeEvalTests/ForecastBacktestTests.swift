import CrimeCore
import CrimeEval
import CrimeForecast
import CrimeGeo
import CrimeTestSupport
import Testing

/// A plugin forecaster that forecasts fixed counts per cell, whatever the history.
private struct Fixed: SpaceTimeForecaster {
    let name: String
    let perCell: [Double]
    mutating func fit(_ history: ForecastHistory) throws {}
    func forecast(_ span: WindowSpan) throws -> Matrix {
        Matrix(rows: perCell.count, columns: span.count, values: perCell.flatMap { Array(repeating: $0, count: span.count) })
    }
}

@Suite("Rolling-origin backtests of forecasters")
struct ForecastBacktestTests {
    /// Four 500 m cells (equal areas) and daily windows; every day cell 0 has 3 incidents, cell 1 has 1,
    /// cells 2 and 3 none. Origins are days 2, 3 and 4 (the last complete day is day 4, the data's last).
    static func data() throws -> ForecastData {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.70,
                                                         maxLatitude: 41.808, maxLongitude: -87.689), side: 500)
        try #require(grid.allCells.count == 4)
        let ids = Array(grid.allCells.prefix(4))
        let cells = try ForecastCells(index: grid, cells: ids)
        let zone = try ZoneClock(identifier: "UTC")
        var table = IncidentTable(zone: zone)
        let start: Int64 = 1_700_006_400
        for day in 0..<5 {
            for (cell, n) in [(0, 3), (1, 1)] {
                let centre = try grid.center(of: ids[cell])
                for k in 0..<n {
                    table.append(id: "\(day)-\(cell)-\(k)", time: start + Int64(day) * 86_400 + Int64(60 * k), location: centre,
                                 category: .theft, offense: "THEFT")
                }
            }
        }
        return try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.daily, zone: zone))
    }

    /// The four cells have (almost) equal areas, so flagging 20 % of the area flags one cell (its ~25 %)
    /// and 45 % two. "right" ranks cell 0 first: it captures 3 of 4 incidents, hit rate 0.75, PAI
    /// 0.75 / a₀ with a₀ that cell's share of the area (≈ 3), PEI 1 (no cell holds more), PEI* 1; it
    /// forecasts 2 there and 4 in all, so RRI = (3/2)/(4/4) = 1.5. "wrong" ranks cell 3 first: 0
    /// captured, PAI 0. MAE of "right" (2, 1, 0.5, 0.5 against 3, 1, 0, 0) = (1 + 0 + 0.5 + 0.5) / 4.
    @Test func scoresByHand() throws {
        let data = try Self.data()
        let total = data.cells.areas.reduce(0, +)
        let a0 = data.cells.areas[0] / total, a01 = (data.cells.areas[0] + data.cells.areas[1]) / total
        #expect(abs(a0 - 0.25) < 0.01)
        let result = try ForecastBacktest(origins: 3, areaShares: [0.2, 0.45]).run(
            data, methods: [Fixed(name: "right", perCell: [2, 1, 0.5, 0.5]), Fixed(name: "wrong", perCell: [0, 1, 0.5, 2.5])])
        #expect(result.methods.map(\.name) == ["right", "wrong"])
        #expect(result.methods[0].origins.count == 3)
        #expect(try result.values(of: .hitRate(0.2), method: "right") == [0.75, 0.75, 0.75])
        #expect(abs(try result.mean(of: .pai(0.2), method: "right") - 0.75 / a0) < 1e-12)
        #expect(try result.mean(of: .pei(0.2), method: "right") == 1)
        #expect(try result.mean(of: .peiStar(0.2), method: "right") == 1)
        #expect(abs(try result.mean(of: .recaptureRateIndex(0.2), method: "right") - 1.5) < 1e-12)
        #expect(try result.mean(of: .pai(0.2), method: "wrong") == 0)
        #expect(abs(try result.mean(of: .mae, method: "right") - 0.5) < 1e-12)
        // 45 % of the area: "right" flags cells 0 and 1, all 4 incidents: PAI 1 / (a₀ + a₁) ≈ 2.
        #expect(abs(try result.mean(of: .pai(0.45), method: "right") - 1 / a01) < 1e-12)
        // The same difference at every origin: the bootstrap interval collapses onto it.
        let gap = try result.pairedDifference(.pai(0.2), "right", minus: "wrong", replicates: 100)
        #expect(abs(gap.mean - 0.75 / a0) < 1e-12 && gap.low == gap.high && gap.isAboveZero)
        #expect(try result.share(of: .pai(0.2), method: "wrong", reference: "right") == 0)
    }

    @Test func badInputNamesTheParameter() throws {
        let data = try Self.data()
        let fixed = Fixed(name: "f", perCell: [1, 1, 1, 1])
        #expect(throws: ForecastError.badParameter(name: "origins", reason: "must be at least 1, got 0")) {
            try ForecastBacktest(origins: 0).run(data, methods: [fixed])
        }
        #expect(throws: ForecastError.self) { try ForecastBacktest(origins: 1, areaShares: [1.5]).run(data, methods: [fixed]) }
        #expect(throws: ForecastError.self) { try ForecastBacktest(origins: 1).run(data, methods: []) }
        #expect(throws: ForecastError.self) { try ForecastBacktest(origins: 1).run(data, methods: [fixed, fixed]) }
        // Five days: at most four origins have a day of history before them.
        #expect(throws: ForecastError.self) { try ForecastBacktest(origins: 5).run(data, methods: [fixed]) }
        let result = try ForecastBacktest(origins: 1).run(data, methods: [fixed])
        #expect(throws: ForecastError.self) { try result.values(of: .mae, method: "nope") }
        #expect(throws: ForecastError.self) { try result.values(of: .pai(0.03), method: "f") }
    }

    /// Progress: one event per origin after a start at 0, each naming its origin (days 2, 3 and 4).
    @Test func progressCountsOrigins() throws {
        let data = try Self.data()
        let events = LockedRecorder<ProgressEvent>()
        _ = try ForecastBacktest(origins: 3).run(data, methods: [Fixed(name: "flat", perCell: [1, 1, 1, 1])],
                                                 progress: { events.add($0) })
        let seen = events.values
        #expect(seen.map(\.completed) == [0, 1, 2, 3])
        #expect(seen.allSatisfy { $0.step == "backtest" && $0.total == 3 && $0.unit == .items("origins") })
        #expect(seen.dropFirst().map(\.detail) == data.windows.labels[2...4].map { Optional($0) })
    }
}
