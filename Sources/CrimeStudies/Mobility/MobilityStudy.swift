import CrimeCore
import CrimeGeo
import CrimeModels
import Foundation
import CrimeEval

/// The mobility study's comparison: for each history length and channel set, every model forecasts
/// whether each cell of each tile sees at least one incident in the next window; thresholds are chosen
/// on the validation origins and scores reported on the test origins (``split(origins:)``).
public struct MobilityStudy: Sendable {
    /// Input histories in windows (the study: 28 and 4 twelve-hour windows, 14 and 2 days).
    public var histories = [28, 4]
    /// The channel sets to compare.
    public var channelSets = MobilityChannelSet.allCases
    /// The models to compare.
    public var models = MobilityModel.allCases
    /// Share of forecast origins for validation.
    public var validationFraction = 0.15
    /// Share of forecast origins for testing.
    public var testFraction = 0.15
    /// Keep every n-th training origin (1: all) to bound training time.
    public var trainStride = 1
    /// Hidden channels of the ConvLSTM's layers.
    public var convHidden = [8, 8, 8]
    /// Dropout before the ConvLSTM's head.
    public var convDropout: Float = 0.2
    /// Hidden units of the LSTM baseline (two layers).
    public var lstmHidden = 16
    /// Training epochs of the neural models.
    public var epochs = 4
    /// Samples per gradient step of the ConvLSTM (the LSTM uses 8× as many cell sequences).
    public var batchSize = 8
    /// Adam's learning rate.
    public var learningRate: Float = 3e-3
    /// Epochs without validation improvement before a neural model stops (nil: never).
    public var earlyStoppingPatience: Int? = 2
    /// Training cell sequences drawn for the LSTM.
    public var lstmTrainingCells = 16_000
    /// Training rows drawn for the random forest and the logistic regression.
    public var tabularTrainingRows = 40_000
    /// Trees of the random forest.
    public var trees = 60
    /// Seeds every random choice.
    public var seed: UInt64 = 1

    /// The default study.
    public init() {}

    /// Runs every history × channel set × model over `tiles` of the grid of `layers`; `progress` hears
    /// step `"mobility study"` as each run finishes (count of runs, with the model, channels, history
    /// and test F1 as the detail). The result does not depend on it.
    public func run(_ layers: MobilityLayers, tiles: [GridTile], progress: ProgressHandler? = nil) throws -> MobilityResult {
        guard let longest = histories.max(), let shortest = histories.min(), shortest >= 1 else {
            throw MobilityError.badSetting(name: "histories", reason: "give at least one history of one window or more")
        }
        guard !channelSets.isEmpty, !models.isEmpty else { throw MobilityError.badSetting(name: "models", reason: "nothing to compare") }
        guard trainStride >= 1, epochs >= 1 else { throw MobilityError.badSetting(name: "trainStride/epochs", reason: "must be at least 1") }
        guard layers.windows >= longest + 4 else { throw MobilityError.notEnoughWindows(needed: longest + 4, available: layers.windows) }
        let split = try self.split(origins: Array((longest - 1)...(layers.windows - 2)))
        let trainOrigins = split.thinnedTrain(stride: trainStride)
        let fittingWindows = 0..<((split.train.last ?? 0) + 2)
        let series = try channelSets.map { try MobilityTileSeries(layers: layers, tiles: tiles, channels: $0, fittingWindows: fittingWindows) }
        let runCount = histories.count * channelSets.reduce(0) { sum, channels in
            sum + models.filter { $0.usesLayers || channels == channelSets[0] }.count
        }
        let counter = ProgressCounter(step: "mobility study", total: runCount, unit: .items("runs"), handler: progress)
        var runs: [MobilityRun] = []
        var example: (MobilityRun, MobilityMap)?
        var counts = MobilityResult.SampleCounts(train: 0, validation: 0, test: 0)
        var positiveRate = 0.0
        for history in histories {
            for (channels, frames) in zip(channelSets, series) {
                let data = MobilityData(train: try frames.tensors(history: history, origins: trainOrigins),
                                        validation: try frames.tensors(history: history, origins: split.validation),
                                        test: try frames.tensors(history: history, origins: split.test))
                counts = MobilityResult.SampleCounts(train: data.train.samples.count, validation: data.validation.samples.count,
                                                     test: data.test.samples.count)
                let labels = data.test.labels
                positiveRate = labels.reduce(0, +) / Double(max(labels.count, 1))
                for model in models where model.usesLayers || channels == channelSets[0] {
                    let start = ContinuousClock.now
                    let fitted = try fit(model, data, seed: seed &+ UInt64(history) &* 31)
                    let elapsed = start.duration(to: .now)
                    let score = try Self.score(model: model.rawValue, isBaseline: model == .historicalRate,
                                               validationLabels: data.validation.labels, validationScores: fitted.validation,
                                               testLabels: labels, testScores: fitted.test, size: data.test.size)
                    let run = MobilityRun(model: model, channels: channels, history: history, score: score,
                                          seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
                                          epochs: fitted.epochs)
                    runs.append(run)
                    let f1 = score.classification?.confusion.f1 ?? 0, threshold = score.classification?.threshold ?? 0
                    if model == .convLSTM, example.map({ f1 > ($0.0.score.classification?.confusion.f1 ?? 0) }) ?? true {
                        example = (run, Self.exampleMap(data.test, scores: fitted.test, threshold: threshold))
                    }
                    counter?.advance(detail: "\(model.rawValue), \(channels.rawValue), history \(history): "
                                     + String(format: "F1 %.3f in %.1f s", f1, run.seconds))
                }
            }
        }
        return MobilityResult(runs: runs, split: split, sampleCounts: counts, testPositiveRate: positiveRate,
                              exampleMap: example?.1, exampleRun: example?.0)
    }

    /// The study's split of forecast origins with CrimeCore's `TemporalSplit`: sorted, the last
    /// ``testFraction`` for testing, the ``validationFraction`` before them for validation and the
    /// rest for training, each part at least one origin. An origin `o` is the last input window of a
    /// sample whose target is window `o + 1`, so every training target comes before every validation
    /// target, and every validation target before every test target.
    ///
    /// - Throws: ``MobilityError/badSetting(name:reason:)`` unless both fractions are positive and sum
    ///   below 1; ``MobilityError/notEnoughWindows(needed:available:)`` when a part would be empty.
    public func split(origins: [Int]) throws -> TemporalSplit {
        guard validationFraction > 0, testFraction > 0, validationFraction + testFraction < 1 else {
            throw MobilityError.badSetting(name: "split fractions", reason: "validation and test fractions must be positive and sum below 1, got \(validationFraction) and \(testFraction)")
        }
        do {
            return try TemporalSplit(windows: origins, validationFraction: validationFraction, testFraction: testFraction)
        } catch let TemporalSplitError.tooFewWindows(needed, have) {
            throw MobilityError.notEnoughWindows(needed: needed, available: have)
        }
    }

    /// The test map with the most true positives' worth of incidents: the busiest tile at the first test origin.
    static func exampleMap(_ test: MobilityTensors, scores: [Double], threshold: Double) -> MobilityMap {
        let pixels = test.size * test.size
        let labels = test.labels
        let first = test.samples.firstIndex { $0.origin == test.samples[0].origin } ?? 0
        let sameOrigin = test.samples.indices.filter { test.samples[$0].origin == test.samples[first].origin }
        let busiest = sameOrigin.max { a, b in
            labels[(a * pixels)..<((a + 1) * pixels)].reduce(0, +) < labels[(b * pixels)..<((b + 1) * pixels)].reduce(0, +)
        } ?? first
        return MobilityMap(tile: test.samples[busiest].tile, origin: test.samples[busiest].origin,
                           probabilities: Array(scores[(busiest * pixels)..<((busiest + 1) * pixels)]),
                           truth: Array(labels[(busiest * pixels)..<((busiest + 1) * pixels)]), threshold: threshold)
    }
}

/// The three parts' tensors of one channel set and history.
struct MobilityData {
    let train: MobilityTensors
    let validation: MobilityTensors
    let test: MobilityTensors
}
