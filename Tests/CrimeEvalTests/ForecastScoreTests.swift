import Foundation
import Testing
import CrimeEval

/// The one score type: its figures, its single R² definition and its flat JSON.
@Suite struct ForecastScoreTests {
    @Test func regressionFigures() throws {
        // Errors 1, −1, 2: MAE 4/3, MSE 2, RMSE √2; truth 1, 2, 3 (SStot 2) → R² 1 − 6/2 = −2.
        let s = try ForecastScore(model: "m", truth: [1, 2, 3], predicted: [0, 3, 1])
        let r = try #require(s.regression)
        #expect(abs(r.mae - 4.0 / 3) < 1e-12 && r.mse == 2 && abs(r.rmse - 2.0.squareRoot()) < 1e-12 && abs(r.r2 + 2) < 1e-12)
        #expect(s.classification == nil && s.hotspot == nil && !s.isBaseline && s.fold == nil)
        // scikit-learn's r2_score on a constant truth: 1 for a perfect forecast, 0 otherwise.
        #expect(try ForecastScore(model: "c", truth: [2, 2, 2], predicted: [2, 2, 2]).regression?.r2 == 1)
        #expect(try ForecastScore(model: "c", truth: [2, 2, 2], predicted: [1, 2, 3]).regression?.r2 == 0)
        #expect(throws: MetricsError.self) { try ForecastScore(model: "x", truth: [1, 2], predicted: [1]) }
        #expect(throws: MetricsError.self) { try ForecastScore(model: "x", truth: [], predicted: []) }
    }

    /// Keys stay those of the hot-spot study's summary.json (`model`, `baseline`, `mae`, `rmse`, `r2`),
    /// with every other figure flat beside them.
    @Test func flatJSONRoundTrip() throws {
        var score = try ForecastScore(model: "forest", truth: [1, 0, 2, 1], predicted: [1, 1, 1, 1])
        score.hotspot = try HotspotMetrics(predicted: [3, 1, 2, 0], observed: [1, 0, 2, 1]).at(areaFraction: 0.25)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(score)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys.sorted()
        #expect(keys == ["area_share", "baseline", "captured", "cells_flagged", "hit_rate", "mae", "max_pai", "model", "mse",
                         "pai", "pei", "pei_star", "r2", "requested_area_share", "rmse", "rri"])
        #expect(try JSONDecoder().decode(ForecastScore.self, from: data) == score)

        let choice = try ThresholdSweep.choose(validationLabels: [1, 0, 1, 0], validationScores: [0.9, 0.2, 0.6, 0.4])
        var classified = try ForecastScore(model: "logistic", isBaseline: true, threshold: choice,
                                           testLabels: [1, 0, 0, 1], testScores: [0.8, 0.7, 0.1, 0.3])
        classified.fold = 2
        classified.perSampleF1 = 0.5
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(classified)) as? [String: Any])
        #expect(json["precision"] as? Double == classified.classification?.confusion.precision && json["fold"] as? Int == 2)
        #expect(try JSONDecoder().decode(ForecastScore.self, from: encoder.encode(classified)) == classified)
    }

    /// Truth 1, 3 / 5, 7 as two windows of two cells; forecasts 2, 4 / 4, 6 vary less overall
    /// (variance 2 against 5, ratio 0.4) and within each cell (1 against 4, ratio 0.25).
    @Test func varianceRatios() {
        let truth: [Double] = [1, 3, 5, 7], forecast: [Double] = [2, 4, 4, 6]
        #expect(Metrics.varianceRatio(truth, forecast) == 0.4)
        #expect(Metrics.withinCellVarianceRatio(truth, forecast, cells: 2) == 0.25)
        #expect(Metrics.varianceRatio([1, 1], [1, 2]).isNaN && Metrics.withinCellVarianceRatio(truth, forecast, cells: 3).isNaN)
    }
}
