import CrimeCore
import CrimeModels
import Foundation
import CrimeSynthetic

/// The mobility study's comparison on the synthetic city with drifting flare-ups
/// (``SyntheticFlareSettings/drifting``): daily counts on a 32×32 grid (625 m cells), 14-day histories,
/// "will this cell see a crime tomorrow?". The last 10 weeks are held out for testing and the 6 weeks
/// before them for validation; the networks train on the days before. Each model's decision threshold is
/// the one with the best F1 on the validation days; precision, recall and F1 are measured on the test days.
/// Models: the 14-day historical average, the ConvLSTM on count images, the per-cell LSTM on the cell's own
/// counts, and the same LSTM given its 3×3 neighbourhood's mean as a second feature.
enum NeuralStudy {
    static let grid = 32, lookback = 14, testDays = 70, validationDays = 42

    /// Runs the study once per seed (the city, the networks' initialisation and their shuffling all
    /// follow it); keys are `seed<S>_<model>_<score>` plus per-seed set sizes, positive rate and seconds.
    static func run(seeds: [UInt64] = [1]) throws -> [String: Double] {
        var results: [String: Double] = [:]
        for seed in seeds {
            let clock = Date()
            for (key, value) in try runOnce(seed: seed) { results["seed\(seed)_\(key)"] = value }
            results["seed\(seed)_seconds"] = Date().timeIntervalSince(clock)
        }
        return results
    }

    /// Parses a comma-separated list of seeds such as `1,2,3`.
    static func seeds(_ text: String) throws -> [UInt64] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let seeds = parts.compactMap { UInt64($0) }
        guard !seeds.isEmpty, seeds.count == parts.count else { throw NeuralStudyError.badSeeds(text) }
        return seeds
    }

    private static func log(_ s: String) { FileHandle.standardError.write(Data("nnstudy: \(s)\n".utf8)) }

    private static func runOnce(seed: UInt64) throws -> [String: Double] {
        var config = SyntheticCityConfig()
        config.seed = seed
        config.flares = .drifting
        let city = try SyntheticCity(config: config)
        let days = config.days
        let box = city.bounds
        // counts[day][cell], days counted from the first local midnight in 24-hour steps
        var counts = [[Float]](repeating: [Float](repeating: 0, count: grid * grid), count: days)
        for e in city.events {
            let day = Int((e.time - city.interval.lowerBound) / 86_400)
            let r = Int((e.latitude - box.minLatitude) / (box.maxLatitude - box.minLatitude) * Double(grid))
            let c = Int((e.longitude - box.minLongitude) / (box.maxLongitude - box.minLongitude) * Double(grid))
            guard day >= 0, day < days, r >= 0, r < grid, c >= 0, c < grid else { continue }
            counts[day][r * grid + c] += 1
        }
        let split = try TemporalSplit(windows: lookback..<days, validationCount: validationDays, testCount: testDays)
        let (train, validation, test) = (split.train, split.validation, split.test)
        let windows = try SlidingWindowBuilder(history: lookback)
        let cells = grid * grid
        let indicators = try Tensor(shape: [days, cells], values: counts.flatMap { $0.map { $0 > 0 ? 1 : 0 } })
        func labels(_ ds: [Int]) throws -> [Float] { try windows.targets(indicators, targets: ds).storage }
        log("seed \(seed): \(city.events.count) events, \(city.flares.count) flares; \(train.count)/\(validation.count)/\(test.count) days")

        // historical average over the look-back window
        func average(_ ds: [Int]) -> [Float] {
            ds.flatMap { d in (0..<(grid * grid)).map { cell in (1...lookback).reduce(0) { $0 + counts[d - $1][cell] } / Float(lookback) } }
        }
        // ConvLSTM: [samples, time, 1, grid, grid] of log1p counts
        let imageSeries = try Tensor(shape: [days, 1, grid, grid], values: counts.flatMap { $0.map { log1p($0) } })
        func images(_ ds: [Int]) throws -> Tensor { try windows.inputs(imageSeries, targets: ds) }
        let clock = Date()
        var conv = try ConvLSTMForecaster(inputChannels: 1, hiddenChannels: [8, 8, 8], dropout: 0.2, seed: seed)
        conv.options.epochs = 20
        conv.options.batchSize = 16
        conv.options.learningRate = 3e-3
        conv.options.validationFraction = 0.15
        conv.options.earlyStoppingPatience = 4
        conv.options.seed = seed
        conv.onEpoch = { report in
            log("seed \(seed): ConvLSTM epoch \(report.epoch) training loss \(report.trainingLoss) validation loss \(report.validationLoss ?? .nan)")
        }
        try conv.fit(try images(train), targets: try Tensor(shape: [train.count, 1, grid, grid], values: try labels(train)))
        let convValidation = try conv.predict(try images(validation)).storage, convTest = try conv.predict(try images(test)).storage
        let convSeconds = Date().timeIntervalSince(clock)
        log("seed \(seed): ConvLSTM \(Int(convSeconds)) s, kept epoch \(conv.history.bestEpoch) of \(conv.history.epochs.count)")

        // LSTMs: one cell's sequence of its own log1p count (the study's per-cell baseline), or of (own log1p
        // count, mean log1p count of its 3×3 neighbourhood), a stronger baseline that sees its surroundings;
        // every cell is one of the parallel series [cells, days, features]
        func cellSeries(neighbourhood: Bool) throws -> Tensor {
            var values = [Float]()
            let features = neighbourhood ? 2 : 1
            values.reserveCapacity(cells * days * features)
            for cell in 0..<cells {
                let (r, c) = (cell / grid, cell % grid)
                for day in 0..<days {
                    values.append(log1p(counts[day][cell]))
                    guard neighbourhood else { continue }
                    var around: Float = 0
                    for nr in max(0, r - 1)...min(grid - 1, r + 1) { for nc in max(0, c - 1)...min(grid - 1, c + 1) { around += log1p(counts[day][nr * grid + nc]) } }
                    values.append(around / 9)
                }
            }
            return try Tensor(shape: [cells, days, features], values: values)
        }
        func sequences(_ ds: [Int], neighbourhood: Bool) throws -> Tensor {
            try windows.inputs(parallel: try cellSeries(neighbourhood: neighbourhood), targets: ds)
        }
        func lstmScores(neighbourhood: Bool) throws -> (validation: [Float], test: [Float], seconds: Double) {
            let clock = Date()
            var lstm = try LSTMForecaster(features: neighbourhood ? 2 : 1, hidden: 16, seed: seed)
            lstm.options.epochs = 3
            lstm.options.batchSize = 512
            lstm.options.learningRate = 3e-3
            lstm.options.seed = seed
            try lstm.fit(try sequences(train, neighbourhood: neighbourhood), targets: try Tensor(shape: [train.count * grid * grid, 1], values: try labels(train)))
            let tuning = try lstm.predict(try sequences(validation, neighbourhood: neighbourhood)).storage
            let held = try lstm.predict(try sequences(test, neighbourhood: neighbourhood)).storage
            let seconds = Date().timeIntervalSince(clock)
            log("seed \(seed): LSTM\(neighbourhood ? " with neighbourhood" : "") \(Int(seconds)) s")
            return (tuning, held, seconds)
        }
        let lstm = try lstmScores(neighbourhood: false), lstmAround = try lstmScores(neighbourhood: true)

        let (yValidation, yTest) = (try labels(validation), try labels(test))
        var results: [String: Double] = ["positive_rate_test": Double(yTest.reduce(0, +)) / Double(yTest.count),
                                         "train_days": Double(train.count), "validation_days": Double(validation.count),
                                         "test_days": Double(test.count), "flares": Double(city.flares.count),
                                         "convlstm_seconds": convSeconds, "lstm_seconds": lstm.seconds,
                                         "lstm_neighbourhood_seconds": lstmAround.seconds,
                                         "convlstm_epochs_run": Double(conv.history.epochs.count), "convlstm_epoch_kept": Double(conv.history.bestEpoch)]
        var daily: [String: [(tp: Double, fp: Double, fn: Double)]] = [:]
        for (name, tuning, held) in [("historical_average", average(validation), average(test)), ("convlstm", convValidation, convTest),
                                     ("lstm", lstm.validation, lstm.test), ("lstm_neighbourhood", lstmAround.validation, lstmAround.test)] {
            let threshold = NeuralStudyScores.bestThreshold(tuning, yValidation)
            let scores = NeuralStudyScores.score(held, yTest, threshold: threshold)
            (results["\(name)_f1"], results["\(name)_precision"], results["\(name)_recall"]) = (scores.f1, scores.precision, scores.recall)
            daily[name] = NeuralStudyScores.dailyCounts(held, yTest, threshold: threshold, cellsPerDay: grid * grid)
            log("seed \(seed): \(name) F1 \(scores.f1) precision \(scores.precision) recall \(scores.recall)")
        }
        // Paired day-bootstrap 95 % intervals of the ConvLSTM's F1 lead over each baseline.
        for baseline in ["lstm", "lstm_neighbourhood", "historical_average"] {
            let interval = try NeuralStudyScores.differenceInterval(daily["convlstm", default: []], daily[baseline, default: []],
                                                                    resamples: 2_000, seed: seed)
            (results["convlstm_minus_\(baseline)_f1_low"], results["convlstm_minus_\(baseline)_f1_high"]) = (interval.lower, interval.upper)
            log("seed \(seed): ConvLSTM − \(baseline) F1 95 % interval [\(interval.lower), \(interval.upper)]")
        }
        return results
    }
}

/// A bad argument to `crimebench nnstudy`.
enum NeuralStudyError: Error, CustomStringConvertible {
    /// The seeds argument is not a comma-separated list of non-negative integers.
    case badSeeds(String)

    var description: String {
        switch self {
        case let .badSeeds(text): return "nnstudy: the seeds argument '\(text)' must be comma-separated non-negative integers, e.g. 1,2,3"
        }
    }
}
