import CrimeCore
import CrimeForecast
import Foundation
import Testing

/// The naive rules on small histories worked by hand.
@Suite struct NaiveBaselineTests {
    /// Two cells over windows 0–3 (a season of 2): cell 0 counts 1, 2, 3, 4; cell 1 counts 10, 20, 30, 0.
    let history: CountHistory

    init() throws {
        history = try CountHistory(cellCount: 2, windows: [0, 1, 2, 3], counts: [1, 2, 3, 4, 10, 20, 30, 0])
    }

    @Test func previousWindowAndSeasonalNaive() throws {
        #expect(try NaiveBaseline.Rule.previousWindow.forecast(history, windows: [4, 5]) == [4, 4, 0, 0])
        // Window 4 looks back to 2, window 5 to 3, window 6 (two seasons past the history's end) to 2.
        #expect(try NaiveBaseline.Rule.seasonalNaive(period: 2).forecast(history, windows: [4, 5, 6]) == [3, 4, 3, 30, 0, 30])
        // A season longer than the history falls back to the previous window.
        #expect(try NaiveBaseline.Rule.seasonalNaive(period: 52).forecast(history, windows: [4]) == [4, 0])
    }

    @Test func meansAndMargins() throws {
        // Season 0 (windows 0, 2): (1 + 3)/2 and (10 + 30)/2; season 1 (windows 1, 3): (2 + 4)/2 and (20 + 0)/2.
        #expect(try NaiveBaseline.Rule.seasonalMean(period: 2).forecast(history, windows: [4, 5]) == [2, 3, 20, 10])
        #expect(try NaiveBaseline.Rule.historicalAverage.forecast(history, windows: [7]) == [2.5, 15])
        // Cell totals 10 and 60, season totals 44 and 26 of 70, two windows per season:
        // 10·44/70/2 = 22/7, 10·26/70/2 = 13/7, 60·44/70/2 = 132/7, 60·26/70/2 = 78/7.
        let margins = try NaiveBaseline.Rule.margins(period: 2).forecast(history, windows: [4, 5])
        for (got, want) in zip(margins, [22.0 / 7, 13.0 / 7, 132.0 / 7, 78.0 / 7]) { #expect(abs(got - want) < 1e-12) }
        // The cell's mean and its neighbour's: (2.5 + 15) / 2.
        let smooth = try NaiveBaseline.Rule.neighborhoodMean(of: .historicalAverage).forecast(history, windows: [4], neighbors: [[1], [0]])
        #expect(smooth == [8.75, 8.75])
        #expect(try NaiveBaseline.Rule.neighborhoodMean(of: .historicalAverage).forecast(history, windows: [4]) == [2.5, 15])
    }

    /// Three cells, observed only at (0, 0) = 1, (0, 2) = 3 and (1, 2) = 5; cell 2 has no history, so
    /// every rule gives it the mean of all observations, (1 + 3 + 5) / 3 = 3.
    @Test func sparseHistory() throws {
        let sparse = try CountHistory(cellCount: 3, cells: [0, 0, 1], windows: [0, 2, 2], counts: [1, 3, 5])
        #expect(sparse.windows == [0, 2])
        #expect(sparse.count(cell: 1, window: 0) == nil && sparse.count(cell: 1, window: 2) == 5)
        #expect(try NaiveBaseline.Rule.previousWindow.forecast(sparse, windows: [3]) == [3, 5, 3])
        // Window 4 is season 0: cell 0 averages windows 0 and 2, cell 1 has window 2 only.
        #expect(try NaiveBaseline.Rule.seasonalMean(period: 2).forecast(sparse, windows: [4]) == [2, 5, 3])
        // Window 1 is not in the history, so seasonal naive for window 3 falls back to the previous window.
        #expect(try NaiveBaseline.Rule.seasonalNaive(period: 2).forecast(sparse, windows: [3]) == [3, 5, 3])
        // Cell 2 adds no forecast to its neighbours' means: (2 + 5) / 2 for all three.
        let smooth = try NaiveBaseline.Rule.neighborhoodMean(of: .historicalAverage)
            .forecast(sparse, windows: [3], neighbors: [[1, 2], [0], [0, 1]])
        #expect(smooth == [3.5, 3.5, 3.5])
    }

    @Test func badInputs() throws {
        #expect(throws: ForecastError.self) { try NaiveBaseline.Rule.previousWindow.forecast(history, windows: [3]) }
        #expect(throws: ForecastError.self) { try NaiveBaseline.Rule.seasonalMean(period: 0).forecast(history, windows: [4]) }
        #expect(throws: ForecastError.self) {
            try NaiveBaseline.Rule.neighborhoodMean(of: .margins(period: -1)).forecast(history, windows: [4])
        }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 2, windows: [0, 1], counts: [1, 2, 3]) }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 1, windows: [1, 1], counts: [1, 2]) }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 1, windows: [0], counts: [.nan]) }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 2, cells: [0, 0], windows: [3, 3], counts: [1, 2]) }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 2, cells: [2], windows: [3], counts: [1]) }
        #expect(throws: ForecastError.self) { try CountHistory(cellCount: 2, cells: [], windows: [], counts: []) }
    }

    @Test func baselinesRoundTripThroughJSON() throws {
        let baseline = NaiveBaseline(name: "naive: smoothed previous period", rule: .neighborhoodMean(of: .seasonalNaive(period: 28)))
        let decoded = try JSONDecoder().decode(NaiveBaseline.self, from: JSONEncoder().encode(baseline))
        #expect(decoded == baseline)
    }
}
