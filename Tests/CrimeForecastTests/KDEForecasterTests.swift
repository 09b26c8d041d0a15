import CrimeCore
import CrimeForecast
import Foundation
import Testing

@Suite("KDE forecaster")
struct KDEForecasterTests {
    /// Three weekly windows with totals 3, 5, 4 (mean 4) and one incident at the centre of the middle
    /// cell of 3 × 3 cells of 250 m: with h = 20 m the Gaussian puts all but e^(−(125/20)²/2) ≈ 3e-9 of its
    /// mass per side inside that cell, so it expects ≈ 4 there and ≈ 0 elsewhere, in every window.
    @Test func narrowKernelPutsTheExpectedTotalOnTheIncidentsCell() throws {
        let cells = try HandHistory.cells()
        let centre = cells.projectedCentres[4]
        let history = try HandHistory.history(cells: cells, totals: [3, 5, 4], incidents: [(centre.x, centre.y, 3)])
        var kde = try KDEForecaster(bandwidth: 20)
        try kde.fit(history)
        let forecast = try kde.forecast(try history.span(windows: 2))
        #expect(forecast.rows == 9 && forecast.columns == 2)
        for c in 0..<9 {
            for w in 0..<2 { #expect(abs(forecast[c, w] - (c == 4 ? 4 : 0)) < 1e-6) }
        }
        #expect(kde.parameters == ["bandwidth_m": 20, "expected_per_window": 4])
    }

    /// Two incidents, at the centres of cells 0 and 8, 10 and 3 days old, with τ = 7 days: each cell's
    /// share is its incident's weight, e^(−10/7) against e^(−3/7). The expected total is the decayed mean of
    /// the window totals 2 and 6, whose midpoints are a week apart: (2e^(−1) + 6) / (e^(−1) + 1). (Each
    /// quartic of radius 100 m lies inside its cell; the quadrature finds its unit mass to about 1e-5.)
    @Test func timeDecayWeighsRecentIncidentsAndWindows() throws {
        let cells = try HandHistory.cells()
        let a = cells.projectedCentres[0], b = cells.projectedCentres[8]
        let history = try HandHistory.history(cells: cells, totals: [2, 6], incidents: [(a.x, a.y, 10), (b.x, b.y, 3)])
        var kde = try KDEForecaster(kernel: .quartic, bandwidth: 100, decayDays: 7)
        try kde.fit(history)
        let forecast = try kde.forecast(try history.span())
        let total = (2 * exp(-1.0) + 6) / (exp(-1.0) + 1)
        let old = exp(-10.0 / 7), new = exp(-3.0 / 7)
        #expect(abs(forecast[0, 0] - total * old / (old + new)) < 1e-4)
        #expect(abs(forecast[8, 0] - total * new / (old + new)) < 1e-4)
        #expect(kde.parameters["decay_days"] == 7 && kde.parameters["bandwidth_m"] == 100)
    }

    /// An incident 200 m east of the cells (outside them) still raises the eastern column above the western
    /// one; the forecast adds up to the expected total, 1.
    @Test func incidentsOutsideTheCellsCount() throws {
        let cells = try HandHistory.cells()
        let east = cells.projectedCentres[5]
        let history = try HandHistory.history(cells: cells, totals: [1], incidents: [(east.x + 325, east.y, 1)])
        var kde = try KDEForecaster()
        try kde.fit(history)
        let forecast = try kde.forecast(try history.span())
        #expect(forecast[5, 0] > forecast[4, 0] && forecast[4, 0] > forecast[3, 0] && forecast[3, 0] > 0)
        #expect(abs(forecast.values.reduce(0, +) - 1) < 1e-12)
    }

    /// No incidents: the expected total (here 0.9 per window) is spread by area over the nine equal cells;
    /// with no counts either, the forecast is zero.
    @Test func noIncidentsSpreadsTheTotalByArea() throws {
        let cells = try HandHistory.cells()
        var kde = try KDEForecaster()
        try kde.fit(try HandHistory.history(cells: cells, totals: [0.9, 0.9], incidents: []))
        let spread = try kde.forecast(try HandHistory.history(cells: cells, totals: [0.9, 0.9], incidents: []).span())
        for c in 0..<9 { #expect(abs(spread[c, 0] - 0.1) < 1e-6) }
        try kde.fit(try HandHistory.history(cells: cells, totals: [0, 0], incidents: []))
        #expect(try kde.forecast(try HandHistory.history(cells: cells, totals: [0, 0], incidents: []).span()).values.allSatisfy { $0 == 0 })
    }

    /// Forecasting before fitting, a span overlapping the history and bad parameters are typed errors.
    @Test func errorsAreTyped() throws {
        let cells = try HandHistory.cells()
        let history = try HandHistory.history(cells: cells, totals: [1, 1], incidents: [(0, 0, 1)])
        var kde = try KDEForecaster()
        #expect(throws: ForecastError.notFitted("kde")) { try kde.forecast(try history.span()) }
        try kde.fit(history)
        let early = try WindowSpan(history.windowing, from: HandHistory.start, until: history.origin)
        expectSpanOverlap { try kde.forecast(early) }
        expectBadParameter("bandwidth") { try KDEForecaster(bandwidth: 0) }
        expectBadParameter("bandwidth") { try KDEForecaster(bandwidth: .nan) }
        expectBadParameter("decayDays") { try KDEForecaster(decayDays: -1) }
    }
}
