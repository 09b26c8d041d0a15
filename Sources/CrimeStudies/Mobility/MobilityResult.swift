import CrimeCore
import CrimeModels
import Foundation
import CrimeEval

/// One model × channel set × history of the mobility study, scored on the test origins.
public struct MobilityRun: Sendable {
    /// The model.
    public let model: MobilityModel
    /// The input channels.
    public let channels: MobilityChannelSet
    /// Input windows per sample.
    public let history: Int
    /// Test scores at the validation-chosen threshold (``MobilityStudy/score(model:isBaseline:validationLabels:validationScores:testLabels:testScores:size:)``).
    public let score: ForecastScore
    /// Wall-clock seconds to fit and predict.
    public let seconds: Double
    /// Per-epoch losses of a neural model (empty otherwise).
    public let epochs: [EpochReport]
}

/// One forecast map: a tile's predicted probabilities and true indicators at one test origin.
public struct MobilityMap: Sendable {
    /// The tile's index among the study's tiles.
    public let tile: Int
    /// The last input window (the map forecasts window `origin + 1`).
    public let origin: Int
    /// Predicted probability per cell, row by row from the tile's south-west corner.
    public let probabilities: [Double]
    /// 1 where the cell had at least one incident in the target window.
    public let truth: [Double]
    /// The threshold chosen on validation data.
    public let threshold: Double
}

/// Everything the mobility study measured.
public struct MobilityResult: Sendable {
    /// Samples (tiles × origins) in each part of the split.
    public struct SampleCounts: Sendable, Hashable {
        /// Training samples, after thinning.
        public let train: Int
        /// Validation samples (thresholds and early stopping).
        public let validation: Int
        /// Test samples.
        public let test: Int
    }

    /// Every run, in the order run.
    public let runs: [MobilityRun]
    /// The split of forecast origins (``MobilityStudy/split(origins:)``).
    public let split: TemporalSplit
    /// Samples per part (tiles × origins) for training (after thinning), validation and test.
    public let sampleCounts: SampleCounts
    /// Share of test cells with at least one incident.
    public let testPositiveRate: Double
    /// A test map of the best ConvLSTM run (by F1), if the ConvLSTM ran.
    public let exampleMap: MobilityMap?
    /// The run the example map comes from.
    public let exampleRun: MobilityRun?

    /// The headline table: history, channels, model, threshold, precision, recall, F1, per-sample F1,
    /// neighbour-tolerant F1 and seconds.
    public func table() -> ReportTable {
        ReportTable(columns: ["history", "channels", "model", "threshold", "precision", "recall", "F1",
                              "per-sample F1", "tolerant F1", "seconds"],
                    rows: runs.map { r in
            let c = r.score.classification
            return [String(r.history), r.channels.rawValue, r.model.rawValue, fixed(c?.threshold, 2), fixed(c?.confusion.precision, 3),
                    fixed(c?.confusion.recall, 3), fixed(c?.confusion.f1, 3), fixed(r.score.perSampleF1, 3), fixed(r.score.tolerantF1, 3),
                    fixed(r.seconds, 1)]
        })
    }

    private func fixed(_ v: Double?, _ digits: Int) -> String {
        guard let v, v.isFinite else { return "nan" }
        return String(format: "%.\(digits)f", v)
    }
}
