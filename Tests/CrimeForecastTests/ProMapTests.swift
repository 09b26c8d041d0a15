import CrimeCore
import CrimeForecast
import Foundation
import Testing

@Suite("ProMap forecaster")
struct ProMapTests {
    /// 3 × 3 cells of 250 m (ordinal = 3 × row + column, row 0 south), cell width 250 m, bandwidths
    /// 400 m and 8 weeks. Incidents, each weighing 1/(1 + d/250) × 1/(1 + age/7 days):
    ///
    /// - A at the centre of cell 4, 7 days old: time weight 1/2;
    /// - B at the centre of cell 0, 14 days old: 1/3;
    /// - C at the centre of cell 4, 63 days old: beyond 8 weeks, ignored;
    /// - D 250 m east of cell 5's centre (outside the cells), 7 days old: 1/2.
    ///
    /// Centres 250 m apart weigh 1/2 in space, diagonal ones (353.6 m) a = 1/(1 + √2); 500 m and more
    /// lies beyond 400 m. So, with a = 1/(1 + √2):
    ///
    ///     s0 = A diag a/2 + B 1/3            s1 = A 1/4 + B 1/6        s2 = A a/2 + D a/2
    ///     s3 = A 1/4 + B 1/6                 s4 = A 1/2 + B a/3        s5 = A 1/4 + D 1/4
    ///     s6 = A a/2                         s7 = A 1/4                s8 = A a/2 + D a/2
    ///
    /// Totals 1, 2, 0 over three windows: 1 expected per window, split by s_c / Σs.
    @Test func scoresMatchTheHandComputedWeights() throws {
        let cells = try HandHistory.cells()
        let p = cells.projectedCentres
        let d = (x: 2 * p[5].x - p[4].x, y: 2 * p[5].y - p[4].y)
        let history = try HandHistory.history(cells: cells, totals: [1, 2, 0], incidents: [
            (p[4].x, p[4].y, 7), (p[0].x, p[0].y, 14), (p[4].x, p[4].y, 63), (d.x, d.y, 7),
        ])
        var promap = try ProMapForecaster(bandwidth: 400, timeBandwidthWeeks: 8, cellWidth: 250)
        try promap.fit(history)
        let a = 1 / (1 + 2.0.squareRoot())
        let s = [a / 2 + 1.0 / 3, 0.25 + 1.0 / 6, a, 0.25 + 1.0 / 6, 0.5 + a / 3, 0.5, a / 2, 0.25, a]
        let sum = s.reduce(0, +)
        let forecast = try promap.forecast(try history.span(windows: 3))
        for c in 0..<9 {
            for w in 0..<3 { #expect(abs(forecast[c, w] - s[c] / sum) < 1e-7, "cell \(c)") }
        }
        #expect(promap.parameters == ["bandwidth_m": 400, "time_bandwidth_weeks": 8, "cell_width_m": 250, "expected_per_window": 1])
    }

    /// Without a cell width the square root of the median cell area is used (≈ 250 m for these cells);
    /// an incident older than the time bandwidth leaves no score, so the total is spread by area.
    @Test func defaultsAndFallbacks() throws {
        let cells = try HandHistory.cells()
        var promap = try ProMapForecaster()
        let centre = cells.projectedCentres[4]
        try promap.fit(try HandHistory.history(cells: cells, totals: [4.5, 4.5], incidents: [(centre.x, centre.y, 60)]))
        #expect(abs((promap.parameters["cell_width_m"] ?? 0) - 250) < 0.5)
        let history = try HandHistory.history(cells: cells, totals: [4.5, 4.5], incidents: [])
        let forecast = try promap.forecast(try history.span())
        for c in 0..<9 { #expect(abs(forecast[c, 0] - 0.5) < 1e-5) }
    }

    /// Forecasting before fitting, a span overlapping the history and bad parameters are typed errors.
    @Test func errorsAreTyped() throws {
        let cells = try HandHistory.cells()
        let history = try HandHistory.history(cells: cells, totals: [1, 1], incidents: [(0, 0, 1)])
        var promap = try ProMapForecaster()
        #expect(throws: ForecastError.notFitted("promap")) { try promap.forecast(try history.span()) }
        try promap.fit(history)
        let early = try WindowSpan(history.windowing, from: HandHistory.start, until: history.origin)
        expectSpanOverlap { try promap.forecast(early) }
        let cases: [(String, () throws -> ProMapForecaster)] = [
            ("bandwidth", { try ProMapForecaster(bandwidth: -1) }), ("bandwidth", { try ProMapForecaster(bandwidth: .infinity) }),
            ("timeBandwidthWeeks", { try ProMapForecaster(timeBandwidthWeeks: 0) }), ("cellWidth", { try ProMapForecaster(cellWidth: .nan) }),
        ]
        for (name, make) in cases { expectBadParameter(name, make) }
    }
}
