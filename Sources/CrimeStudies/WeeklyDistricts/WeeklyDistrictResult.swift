import CrimeCore
import CrimeModels
import Foundation
import CrimeEval

/// What ``WeeklyDistrictStudy/run(_:onEpoch:)`` produced.
public struct WeeklyDistrictResult: Sendable {
    /// The series the study ran on.
    public let series: WeeklyDistrictSeries
    /// The chronological split of target weeks (``WeeklyDistrictStudy/split(weekCount:)``).
    public let split: TemporalSplit
    /// One score per model, the CNN-LSTM first, then the baselines.
    public let scores: [ForecastScore]
    /// True counts of the test weeks, row-major `[test week, district]`.
    public let testTruth: [Double]
    /// Each model's test predictions (same order as ``scores``), row-major `[test week, district]`.
    public let testPredictions: [[Double]]
    /// The CNN-LSTM's per-epoch losses (on counts ÷ ``targetScale``).
    public let training: TrainingHistory
    /// The CNN-LSTM's forecast per district for the week after the series.
    public let nextWeek: [Double]
    /// The training weeks' mean count per district, by which the network's targets were divided.
    public let targetScale: Double

    /// The headline table: model, MSE, R², and the two variance ratios.
    public func scoreTable() -> ReportTable {
        ReportTable(columns: ["model", "MSE", "R2", "var(pred)/var(truth)", "weekly var ratio"], rows: scores.map { s in
            [s.model, String(format: "%.2f", s.regression?.mse ?? .nan), String(format: "%.3f", s.regression?.r2 ?? .nan),
             String(format: "%.3f", s.varianceRatio ?? .nan), String(format: "%.3f", s.withinCellVarianceRatio ?? .nan)]
        })
    }

    /// Test predictions of every model beside the truth, one row per (week, district).
    public func predictionTable() -> ReportTable {
        let d = series.districtCount
        var rows: [[String]] = []
        for (k, week) in split.test.enumerated() {
            for c in 0..<d {
                let i = k * d + c
                rows.append([series.weekLabels[week], series.districtLabels[c], String(format: "%.0f", testTruth[i])]
                            + testPredictions.map { String(format: "%.3f", $0[i]) })
            }
        }
        return ReportTable(columns: ["week", "district", "observed"] + scores.map(\.model), rows: rows)
    }

    /// The next-week forecast per district.
    public func nextWeekTable() -> ReportTable {
        ReportTable(columns: ["district", "forecast"], rows: zip(series.districtLabels, nextWeek).map { [$0, String(format: "%.3f", $1)] })
    }
}
