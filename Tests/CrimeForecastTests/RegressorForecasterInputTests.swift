import CrimeCore
import CrimeForecast
import Testing

@Suite("Regressors as forecasters: bad and short input")
struct RegressorForecasterInputTests {
    /// A plugin that returns no predictions at all.
    struct Silent: Regressor {
        mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
        func predict(_ x: Matrix) throws -> [Double] { [] }
    }

    /// The parameter a `ForecastError.badParameter` names, or nil for any other outcome.
    static func badParameter(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let ForecastError.badParameter(name, _) {
            return name
        } catch {
            return nil
        }
    }

    /// A history of five days (shorter than the 7-day season): it fits and forecasts, with `lagSeason`,
    /// `seasonalMean` and `margins` filled with the cell's mean (no earlier window has the target's
    /// weekday), and `lag2` read where it exists.
    @Test func historyShorterThanTheSeasonFillsWithTheCellMean() throws {
        let counts: [[Double]] = [[1, 2, 3, 4, 5], [0, 0, 6, 0, 0]]
        let history = try CountMatrixHistory.history(cells: try CountMatrixHistory.cells(rows: 1, columns: 2), counts: counts)
        var method = RegressorForecaster(name: "pick", model: PickColumn(column: 2))
        let rows = try method.forecastRows(history)
        for (c, mean) in [3.0, 1.2].enumerated() {
            #expect(rows[c, 2] == mean && rows[c, 5] == mean && rows[c, 7] == mean)
            #expect(rows[c, 1] == counts[c][3])
        }
        try method.fit(history)
        #expect(try method.forecast(try history.span(windows: 1)).values == [3.0, 1.2])
    }

    /// One window has nothing to learn from; bad settings and a broken plugin are named.
    @Test func badInputNamesTheParameter() throws {
        let cells = try CountMatrixHistory.cells(rows: 1, columns: 2)
        let one = try CountMatrixHistory.history(cells: cells, counts: [[1], [2]])
        let short = try CountMatrixHistory.history(cells: cells, counts: [[1, 2, 3], [2, 0, 1]])
        var method = RegressorForecaster(name: "pick", model: PickColumn(column: 0))
        #expect(Self.badParameter { try method.fit(one) } == "history")
        method.trainingWindows = 0
        #expect(Self.badParameter { try method.fit(short) } == "trainingWindows")
        method.trainingWindows = 26
        method.seasonPeriod = 0
        #expect(Self.badParameter { try method.fit(short) } == "seasonPeriod")
        var silent = RegressorForecaster(name: "silent", model: Silent())
        try silent.fit(short)
        #expect(Self.badParameter { try silent.forecast(try short.span(windows: 1)) } == "model")
    }

    /// Forecasting before fitting, or a span before the origin, throws.
    @Test func forecastNeedsAFitAndASpanAfterTheOrigin() throws {
        let history = try CountMatrixHistory.history(cells: try CountMatrixHistory.cells(rows: 1, columns: 2),
                                                     counts: [[1, 2, 3], [2, 0, 1]])
        var method = RegressorForecaster(name: "pick", model: PickColumn(column: 0))
        let span = try history.span(windows: 1)
        #expect(throws: ForecastError.notFitted("pick")) { try method.forecast(span) }
        try method.fit(history)
        #expect(method.parameters["training_rows"] == 4)
        #expect(throws: ForecastError.self) { try method.forecast(history.windows) }
    }
}
