import CrimeCore
import CrimeModels
import CrimeEval

/// The Chicago CNN-LSTM study as a pipeline: windows of `history` weeks predicting next week's count
/// per district; a chronological split holding out the last `testWeeks`; the CNN-LSTM beside a
/// seasonal-naive, a last-week and a district-mean baseline; scores on the held-out weeks; and a
/// forecast for the week after the data.
///
/// The network is trained on counts divided by the training weeks' mean count (so the softplus output
/// starts near the right scale) and its predictions are multiplied back.
public struct WeeklyDistrictStudy: Sendable {
    /// Weeks each sample sees (the study: 10).
    public var history = 10
    /// Weeks held out at the end for testing.
    public var testWeeks = 52
    /// Convolution channels per block (the study: 32, 64, 128; smaller trains faster on a CPU).
    public var channels = [16, 32, 64]
    /// Hidden units of each LSTM (the study: 50).
    public var hidden = 50
    /// Units of the dense layer (the study: 50).
    public var denseUnits = 50
    /// Dropout after the LSTMs and the dense layer.
    public var dropout: Float = 0.3
    /// The L2 coefficient on the convolution and dense kernels (the study: 0.01).
    public var l2: Float = 0.01
    /// Training settings; the loss is always the mean squared error of the scaled counts.
    public var options: TrainingOptions
    /// Seeds the network's initialisation (and, through ``options``, shuffling and dropout).
    public var seed: UInt64 = 1

    /// The default study: 30 epochs, batch 16, learning rate 0.003.
    public init() {
        var options = TrainingOptions()
        options.epochs = 30
        options.batchSize = 16
        options.learningRate = 3e-3
        options.loss = .meanSquaredError
        self.options = options
    }

    /// The study's split of target weeks: the last ``testWeeks`` weeks for testing, the weeks from
    /// ``history`` up to them for training (earlier weeks have no full window). Statistics fitted on
    /// training data (feature scaling, district means, the target scale) use the weeks before the
    /// first test week.
    ///
    /// - Throws: ``WeeklyDistrictError/tooFewWeeks(have:need:)`` unless at least one training week remains.
    public func split(weekCount: Int) throws -> TemporalSplit {
        guard history >= 1, testWeeks >= 1 else {
            throw WeeklyDistrictError.badSetting("history and test weeks must be at least 1, got \(history) and \(testWeeks)")
        }
        guard weekCount - testWeeks > history else { throw WeeklyDistrictError.tooFewWeeks(have: weekCount, need: history + testWeeks + 1) }
        return try TemporalSplit(windows: history..<weekCount, testCount: testWeeks)
    }

    /// Runs the pipeline on a series; `onEpoch` sees each epoch's losses.
    public func run(_ series: WeeklyDistrictSeries, onEpoch: (@Sendable (EpochReport) -> Void)? = nil) throws -> WeeklyDistrictResult {
        let split = try self.split(weekCount: series.weekCount)
        let fitted = 0..<(split.test.first ?? series.weekCount)
        let scaler = try series.featureScaler(weeks: fitted)
        let train = try series.inputs(history: history, targetWeeks: split.train, scaler: scaler)
        let test = try series.inputs(history: history, targetWeeks: split.test, scaler: scaler)
        let next = try series.inputs(history: history, targetWeeks: [series.weekCount], scaler: scaler)
        let d = series.districtCount
        let trainCounts = try series.counts(weeks: split.train)
        let scale = max(trainCounts.reduce(0, +) / Double(max(trainCounts.count, 1)), 1e-6)

        var model = try CNNLSTMForecaster(imageSize: series.imageSize, socioFeatures: series.featureCount, districts: d,
                                          channels: channels, hidden: hidden, denseUnits: denseUnits, dropout: dropout, seed: seed)
        var options = self.options
        options.loss = .meanSquaredError
        model.options = options
        model.l2 = l2
        model.onEpoch = onEpoch
        try model.fit(train, targets: try Tensor(shape: [split.train.count, d], values: trainCounts.map { Float($0 / scale) }))
        func predict(_ input: CNNLSTMInput) throws -> [Double] {
            try model.predict(input).storage.map { Double($0) * scale }
        }

        let truth = try series.counts(weeks: split.test)
        let forecasts: [(String, [Double])] = [
            ("CNN-LSTM", try predict(test)),
            ("seasonal naive (same week last year)", try series.oneStepForecasts(.seasonalNaive(period: 52), weeks: split.test)),
            ("last week", try series.oneStepForecasts(.previousWindow, weeks: split.test)),
            ("district mean (training weeks)", try series.forecast(.historicalAverage, history: fitted, weeks: split.test)),
        ]
        let scores = try forecasts.enumerated().map { k, f in
            try Self.score(model: f.0, isBaseline: k > 0, truth: truth, predicted: f.1, districts: d)
        }
        return WeeklyDistrictResult(series: series, split: split, scores: scores, testTruth: truth,
                                    testPredictions: forecasts.map(\.1), training: model.history,
                                    nextWeek: try predict(next), targetScale: scale)
    }
}
