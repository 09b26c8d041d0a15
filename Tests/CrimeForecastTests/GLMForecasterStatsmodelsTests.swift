import CrimeCore
import CrimeForecast
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// A forecasting case of `Tests/Fixtures/glm/glm_reference.json` (statsmodels, see make_glm.py).
struct GLMForecastReference: Decodable {
    let params: [String: Double]
    let deviance: Double
    let fittedvalues: [Double]
    let zone: String
    let boundaries, forecast_boundaries: [Int64]
    let forecast: [Double]
    let data_start: Int64?

    static func load(_ key: String) throws -> GLMForecastReference {
        /// Only the forecasting cases have windows; the regression cases decode to nil.
        struct Case: Decodable {
            let reference: GLMForecastReference?
            init(from decoder: Decoder) throws { reference = try? GLMForecastReference(from: decoder) }
        }
        struct File: Decodable { let models: [String: Case] }
        return try #require(try Fixtures.json(File.self, "glm", "glm_reference.json").models[key]?.reference)
    }

    /// The counts of the case's CSV as cells × windows (the CSV lists each cell's windows in turn).
    static func counts(_ file: String, cells: Int) throws -> Matrix {
        let table = try DataTable.load(csv: Fixtures.url("glm", file))
        guard case let .numeric(y)? = table.column("y") else { throw LinearModelError.unknownColumn("y", available: table.names) }
        return Matrix(rows: cells, columns: y.count / cells, values: y)
    }
}

func relativelyClose(_ a: Double, _ b: Double, _ tol: Double = 1e-8) -> Bool { abs(a - b) <= tol * abs(b) }

@Suite("GLM forecaster against statsmodels")
struct GLMForecasterStatsmodelsTests {
    /// 30 cells × 8 weeks of 12-hour windows in Chicago (one 11-hour window): the forecaster's fitted
    /// means, next-week forecast and deviance are statsmodels' `y ~ C(cell) + C(tow)` with exposure.
    @Test func halfDayFixedEffects() throws {
        let ref = try GLMForecastReference.load("fixed_effects")
        let zone = try ZoneClock(identifier: ref.zone)
        let windowing = TimeWindowing.sequential(.halfDay, zone: zone)
        let counts = try GLMForecastReference.counts("fixed_effects.csv", cells: 30)
        let history = try HistoryFromCounts.make(counts: counts, windowing: windowing, from: ref.boundaries[0],
                                            until: ref.boundaries[ref.boundaries.count - 1])
        #expect(history.windows.boundaries == ref.boundaries)
        var model = GLMForecaster()
        try model.fit(history)
        let fitted = try model.fittedCounts()
        #expect(fitted.rows == 30 && fitted.columns == 112)
        #expect(zip(fitted.values, ref.fittedvalues).allSatisfy { relativelyClose($0, $1) })
        let span = try history.span(windows: 14)
        #expect(span.boundaries == ref.forecast_boundaries)
        let forecast = try model.forecast(span)
        #expect(zip(forecast.values, ref.forecast).allSatisfy { relativelyClose($0, $1) })
        #expect(relativelyClose(model.parameters["deviance"] ?? .nan, ref.deviance))
        #expect(model.parameters["cells_fitted"] == 30 && model.parameters["windows_fitted"] == 112)
    }

    /// A cell without incidents is forecast 0, and the other cells keep statsmodels' fit without it.
    @Test func cellWithoutIncidents() throws {
        let ref = try GLMForecastReference.load("fixed_effects")
        let windowing = TimeWindowing.sequential(.halfDay, zone: try ZoneClock(identifier: ref.zone))
        let counts = try GLMForecastReference.counts("fixed_effects.csv", cells: 30)
        let withEmpty = Matrix(rows: 31, columns: counts.columns,
                               values: counts.values + [Double](repeating: 0, count: counts.columns))
        let history = try HistoryFromCounts.make(counts: withEmpty, windowing: windowing, from: ref.boundaries[0],
                                            until: ref.boundaries[ref.boundaries.count - 1])
        var model = GLMForecaster()
        try model.fit(history)
        let forecast = try model.forecast(try history.span(windows: 14))
        #expect(zip(forecast.values.prefix(30 * 14), ref.forecast).allSatisfy { relativelyClose($0, $1) })
        #expect(forecast.values.suffix(14).allSatisfy { $0 == 0 })
        #expect(try model.fittedCounts().values.suffix(112).allSatisfy { $0 == 0 })
        #expect(model.parameters["cells_fitted"] == 30)
        #expect(relativelyClose(model.parameters["deviance"] ?? .nan, ref.deviance))
    }

    /// Weekly windows with a trend, data starting on a Wednesday: statsmodels' `y ~ C(cell) + trend` with
    /// the first week's exposure 5 days.
    @Test func weeklyTrendWithPartialFirstWeek() throws {
        let ref = try GLMForecastReference.load("weekly_trend")
        let windowing = TimeWindowing.sequential(.weekly, zone: try ZoneClock(identifier: ref.zone))
        let counts = try GLMForecastReference.counts("weekly_trend.csv", cells: 12)
        #expect((0..<12).contains { counts[$0, 0] > 0 })
        let history = try HistoryFromCounts.make(counts: counts, windowing: windowing, from: ref.boundaries[0],
                                            until: ref.boundaries[ref.boundaries.count - 1], dataStart: ref.data_start)
        #expect(history.windows.boundaries == ref.boundaries)
        var model = GLMForecaster(trend: true)
        try model.fit(history)
        #expect(zip(try model.fittedCounts().values, ref.fittedvalues).allSatisfy { relativelyClose($0, $1) })
        let span = try history.span(windows: 4)
        #expect(span.boundaries == ref.forecast_boundaries)
        #expect(zip(try model.forecast(span).values, ref.forecast).allSatisfy { relativelyClose($0, $1) })
        #expect(relativelyClose(model.parameters["trend"] ?? .nan, ref.params["trend"] ?? .nan))
        #expect(relativelyClose(model.parameters["deviance"] ?? .nan, ref.deviance))
    }
}
