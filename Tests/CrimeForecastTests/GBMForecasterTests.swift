import CrimeCore
import CrimeForecast
import CrimeModels
import Testing

@Suite("Gradient boosting as a forecaster")
struct GBMForecasterTests {
    /// Counts with a strong weekday profile (λ = cell rate × weekday factor, factors 0.2 … 2.6):
    /// `historical` forecasts each cell's mean and misses the profile; the Poisson boosted trees see
    /// it in the seasonal features. Over the seven origins of the last week, their mean squared error
    /// against the true λ is under half the historical average's, and every forecast is positive.
    @Test func gbmBeatsTheHistoricalAverageOnAWeekdayPattern() throws {
        let errors = try WeekdayPattern.errors { RegressorForecaster.gbm(seed: 7) }
        #expect(errors.forecasts.allSatisfy { $0.values.allSatisfy { $0 > 0 } })
        #expect(errors.method < 0.5 * errors.historical, "gbm \(errors.method), historical \(errors.historical)")
    }

    /// The same forecasts on one thread or two, with early stopping's held-out rows drawn (more
    /// than 10,000 training rows: 240 cells × 45 windows).
    @Test func gbmIsTheSameOnAnyNumberOfThreads() throws {
        let cells = try CountMatrixHistory.cells(rows: 12, columns: 20)
        var rng = SeededGenerator(seed: 3)
        let counts = (0..<cells.count).map { c in (0..<50).map { w in Double(rng.nextPoisson(mean: Double(1 + c % 3 + w % 2))) } }
        let history = try CountMatrixHistory.history(cells: cells, counts: counts)
        var one = RegressorForecaster.gbm(iterations: 30, seed: 4, trainingWindows: 45, threads: 1)
        var two = RegressorForecaster.gbm(iterations: 30, seed: 4, trainingWindows: 45, threads: 2)
        try one.fit(history)
        try two.fit(history)
        #expect(one.name == "gbm")
        #expect(!one.model.validationLosses.isEmpty)
        #expect(try one.forecast(try history.span(windows: 2)) == two.forecast(try history.span(windows: 2)))
    }
}
