import CrimeCore
import CrimeForecast
import Foundation
import Testing
@testable import CrimeSynthetic

/// The oracle's expectation is the generator's: over many seeds, the counts each city realises after
/// the origin minus the oracle's expectation given that city's past sum to about zero.
///
/// Given the past, the count `N` of a window is a Poisson cluster process: every background or flare
/// event after the origin, and every offspring still owed by a past event, starts a cluster whose
/// members in the window add to `N`. Its variance is at most the Poisson variance inflated by the
/// cluster-size factor `E[S²]/E[S] = 1/(1 − α)²` of a Poisson(α) branching tree (`S` the cluster's size),
/// so `z = Σ(N − E) / √(Σ E / (1 − α)²)` is within a few units of zero when `E` is right. In the daily
/// test the descendants beyond the first generation are about a fifth of the expectation (α = 0.5,
/// τ = 1.5 days, a week): leaving them out would move `z` by more than 20.
@Suite struct OracleMonteCarloTests {
    private struct Totals {
        var expected: [Double]
        var realised: [Double]
        var squares: [Double]

        init(windows: Int) {
            expected = [Double](repeating: 0, count: windows)
            realised = expected
            squares = expected
        }

        /// Standard scores per window and for all windows together.
        func scores(branching: Double) -> (windows: [Double], all: Double) {
            let inflation = 1 / ((1 - branching) * (1 - branching))
            let z = expected.indices.map { (realised[$0] - expected[$0]) / (expected[$0] * inflation).squareRoot() }
            let sumE = expected.reduce(0, +), sumN = realised.reduce(0, +)
            return (z, (sumN - sumE) / (sumE * inflation).squareRoot())
        }
    }

    /// Runs `seeds` cities of `config`, forecasts `horizon` windows after window `origin` and adds up.
    private func run(_ config: SyntheticCityConfig, seeds: ClosedRange<UInt64>, frequency: WindowFrequency, origin: Int,
                     horizon: Int) throws -> Totals {
        var totals = Totals(windows: horizon)
        for seed in seeds {
            var c = config
            c.seed = seed
            let city = try SyntheticCity(config: c)
            let index = OracleRasterIndex(city: city, block: c.rasterSize / 4)
            let data = try ForecastData(table: city.incidentTable(), index: index, cells: try ForecastCells(index: index, cells: index.allCells),
                                        windowing: .sequential(frequency, zone: city.zone))
            let history = try data.history(before: origin)
            var oracle = OracleForecaster(city: city)
            try oracle.fit(history)
            let forecast = try oracle.forecast(try history.span(windows: horizon))
            for w in 0..<horizon {
                let expected = (0..<forecast.rows).reduce(0.0) { $0 + forecast[$1, w] }
                let realised = data.observed(window: origin + w).reduce(0, +)
                totals.expected[w] += expected
                totals.realised[w] += realised
                totals.squares[w] += (realised - expected) * (realised - expected)
            }
        }
        return totals
    }

    private func smallCity(branching: Double, days: Int, start: String) -> SyntheticCityConfig {
        var c = SyntheticCityConfig()
        c.rasterSize = 24
        c.cellSide = 250
        c.hotspots = [.init(x: 500, y: -300, radius: 600, amplitude: 8), .init(x: -1800, y: 1500, radius: 400, amplitude: 5)]
        c.corridor = .init(x0: -3000, y0: -1000, x1: 3000, y1: 800, width: 200, amplitude: 3)
        c.dailyRate = 80
        c.days = days
        c.start = start
        c.branchingRatio = branching
        c.offspringSpread = 250
        c.offspringMeanDelay = 1.5 * 86_400
        c.dirt = .none
        return c
    }

    /// Strong excitation (α = 0.5), the week after the origin day by day: the first days lean on the
    /// history's offspring, the later ones on the cascade of the week's own events.
    @Test func dailyExpectationsMatchSimulatedCities() throws {
        let alpha = 0.5
        let totals = try run(smallCity(branching: alpha, days: 36, start: "2024-05-01"), seeds: 1...60, frequency: .daily,
                             origin: 28, horizon: 7)
        let (days, all) = totals.scores(branching: alpha)
        for (w, z) in days.enumerated() { #expect(abs(z) < 4, "day \(w): z \(z)") }
        #expect(abs(all) < 4, "all days: z \(all)")
        // The variance bound holds: realised squared errors are no larger than the inflated Poisson variance.
        let inflation = 1 / ((1 - alpha) * (1 - alpha))
        #expect(totals.squares.reduce(0, +) < 1.2 * inflation * totals.expected.reduce(0, +))
    }

    /// Flare-ups on and weekly windows three weeks ahead: the flares' events and their cascades.
    @Test func weeklyExpectationsWithFlaresMatchSimulatedCities() throws {
        let alpha = 0.3
        var c = smallCity(branching: alpha, days: 63, start: "2024-05-06")
        c.flares = SyntheticFlareSettings(perYear: 120, peakEventsPerDay: 12, radius: 400, minDays: 7, maxDays: 21, driftPerDay: 80)
        let totals = try run(c, seeds: 1...24, frequency: .weekly, origin: 6, horizon: 3)
        let (weeks, all) = totals.scores(branching: alpha)
        for (w, z) in weeks.enumerated() { #expect(abs(z) < 4, "week \(w): z \(z)") }
        #expect(abs(all) < 4, "all weeks: z \(all)")
    }
}
