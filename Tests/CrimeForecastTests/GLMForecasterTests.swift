import CrimeCore
import CrimeForecast
import CrimeModels
import Foundation
import Testing

@Suite("GLM forecaster")
struct GLMForecasterTests {
    static let zone = try? ZoneClock(identifier: "America/Chicago")
    /// 2024-10-21 00:00 in Chicago, a Monday; the span covers the 2024-11-03 fall-back day (25 hours).
    static let monday: Int64 = 1_729_486_800
    static let day: Int64 = 86_400

    /// Seeded Poisson counts, cells × days, with a cell level, a day-of-week effect and a trend; the
    /// last cell has none.
    func dailyCounts(cells: Int, days: Int) -> Matrix {
        var random = SeededGenerator(seed: 7)
        var values = [Double](repeating: 0, count: cells * days)
        for c in 0..<(cells - 1) {
            for d in 0..<days {
                let mean = exp(0.4 * Double(c) - 0.3 + 0.25 * Double(d % 7 == 5 ? 2 : d % 3) + 0.01 * Double(d))
                values[c * days + d] = Double(random.nextPoisson(mean: mean))
            }
        }
        return Matrix(rows: cells, columns: days, values: values)
    }

    /// The forecaster's factorised fit equals the generic PoissonRegression on the dense design
    /// `y ~ C(cell) + C(dow) [+ t]` with exposure (cells with incidents only), fitted on the last 21 days.
    @Test(arguments: [false, true])
    func matchesGenericRegression(trend: Bool) throws {
        let zone = try #require(Self.zone)
        let windowing = TimeWindowing.sequential(.daily, zone: zone)
        let counts = dailyCounts(cells: 5, days: 28)
        let history = try HistoryFromCounts.make(counts: counts, windowing: windowing, from: Self.monday, until: Self.monday + 28 * Self.day + 3600)
        #expect(history.windows.count == 28)
        var model = GLMForecaster(trend: trend, lastWindows: 21)
        try model.fit(history)
        let bounds = history.windows.boundaries
        var cell: [String] = [], dow: [String] = [], exposure: [Double] = [], t: [Double] = [], y: [Double] = []
        for c in 0..<4 {
            for w in 7..<28 {
                cell.append("c\(c)")
                dow.append("d\(w % 7)")
                exposure.append(Double(bounds[w + 1] - bounds[w]) / Double(Self.day))
                t.append(Double(w))
                y.append(counts[c, w])
            }
        }
        #expect(exposure.contains(25.0 / 24))
        let table = try DataTable([("y", .numeric(y)), ("cell", .text(cell)), ("dow", .text(dow)),
                                   ("exposure", .numeric(exposure)), ("t", .numeric(t))])
        let formula = trend ? "y ~ C(cell) + C(dow) + t" : "y ~ C(cell) + C(dow)"
        let dense = try PoissonRegression(tolerance: 1e-13).fit(formula: formula, data: table, exposure: "exposure")
        let fitted = try model.fittedCounts()
        #expect(fitted.columns == 21)
        #expect(zip(fitted.values.prefix(4 * 21), dense.fittedValues).allSatisfy { relativelyClose($0, $1) })
        #expect(fitted.values.suffix(21).allSatisfy { $0 == 0 })
        #expect(relativelyClose(model.parameters["deviance"] ?? .nan, dense.deviance))
        if trend { #expect(relativelyClose(model.parameters["trend"] ?? .nan, dense.params[dense.termNames.count - 1])) }

        // The next week from the dense coefficients: exp(Intercept + cell + day-of-week + γ t) × exposure.
        let span = try history.span(windows: 7)
        let forecast = try model.forecast(span)
        let coefficient = { (name: String) in dense.index(of: name).map { dense.params[$0] } ?? 0 }
        for c in 0..<4 {
            for j in 0..<7 {
                let w = 28 + j
                let eta = coefficient("Intercept") + coefficient("C(cell)[T.c\(c)]") + coefficient("C(dow)[T.d\(w % 7)]")
                    + coefficient("t") * Double(w)
                let expected = exp(eta) * Double(span.boundaries[j + 1] - span.boundaries[j]) / Double(Self.day)
                #expect(relativelyClose(forecast[c, j], expected), "cell \(c), day \(j)")
            }
        }
        #expect((0..<7).allSatisfy { forecast[4, $0] == 0 })
    }

    /// Hourly windows: one effect per hour of the week, so counts only on Monday 09:00 forecast only there.
    @Test func hourOfWeekBuckets() throws {
        let windowing = TimeWindowing.sequential(.hourly, zone: try #require(Self.zone))
        let hours = 14 * 24
        var values = [Double](repeating: 0, count: 2 * hours)
        for week in 0..<2 { values[week * 168 + 9] = 3; values[hours + week * 168 + 9] = 1 }
        let start = Self.monday - 14 * Self.day   // 2024-10-07, two weeks without a clock change
        let history = try HistoryFromCounts.make(counts: Matrix(rows: 2, columns: hours, values: values), windowing: windowing,
                                            from: start, until: start + 14 * Self.day)
        var model = GLMForecaster()
        try model.fit(history)
        let forecast = try model.forecast(try history.span(windows: 168))
        #expect(relativelyClose(forecast[0, 9], 3) && relativelyClose(forecast[1, 9], 1))
        #expect(forecast.values.enumerated().allSatisfy { $0.offset % 168 == 9 || $0.element == 0 })
    }

    @Test func errorsAndEdges() throws {
        let windowing = TimeWindowing.sequential(.daily, zone: try #require(Self.zone))
        let counts = dailyCounts(cells: 3, days: 3)
        let short = try HistoryFromCounts.make(counts: counts, windowing: windowing, from: Self.monday, until: Self.monday + 3 * Self.day)
        var model = GLMForecaster()
        #expect(throws: ForecastError.notFitted("glm")) { try model.forecast(try short.span(windows: 1)) }
        #expect(model.parameters.isEmpty)
        try model.fit(short)
        // Three days of history hold no Thursday: the next day cannot be forecast, next Monday can.
        #expect(throws: ForecastError.self) { try model.forecast(try short.span(windows: 1)) }
        let nextMonday = try model.forecast(try WindowSpan(windowing, from: Self.monday + 7 * Self.day, until: Self.monday + 8 * Self.day))
        #expect(nextMonday[0, 0] > 0 && nextMonday[1, 0] > 0 && nextMonday[2, 0] == 0)
        let early = try WindowSpan(windowing, from: Self.monday + Self.day, until: Self.monday + 2 * Self.day)
        #expect(throws: ForecastError.self) { try model.forecast(early) }
        var bad = GLMForecaster(lastWindows: 0)
        #expect(throws: ForecastError.badParameter(name: "lastWindows", reason: "must be at least 1 window, got 0")) { try bad.fit(short) }
        var trended = GLMForecaster(trend: true)
        #expect(throws: ForecastError.self) { try trended.fit(short) }
        let negative = try short.replacingCounts(Matrix(rows: 3, columns: 3, values: [1, 0, 2, 0, -1, 0, 0, 0, 0]))
        #expect(throws: ForecastError.self) { try model.fit(negative) }
        // No incident at all: every forecast is 0.
        let empty = try HistoryFromCounts.make(counts: Matrix(rows: 3, columns: 3, values: [Double](repeating: 0, count: 9)),
                                          windowing: windowing, from: Self.monday, until: Self.monday + 3 * Self.day)
        try model.fit(empty)
        #expect(try model.forecast(try empty.span(windows: 7)).values.allSatisfy { $0 == 0 })
        #expect(model.parameters["deviance"] == 0)
    }
}

extension ForecastHistory {
    /// The same history with other counts.
    func replacingCounts(_ counts: Matrix) throws -> ForecastHistory {
        try ForecastHistory(cells: cells, windows: windows, counts: counts, times: times, x: x, y: y, cellOrdinals: cellOrdinals)
    }
}
