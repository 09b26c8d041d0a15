import CrimeCore
import CrimeModels
import Foundation

/// The mobility study's comparison on the synthetic city: daily counts on a 32×32 grid (about 550 m cells), 14-day histories,
/// "will this cell see a crime tomorrow?", the last 10 weeks held out. The ConvLSTM, the per-cell LSTM
/// and the historical average each get the decision threshold that maximises F1 on the training days;
/// F1 is then measured on the held-out days.
enum NeuralStudy {
    static let grid = 32, lookback = 14, heldOutDays = 70

    static func run(seed: UInt64 = 1) throws -> [String: Double] {
        var config = SyntheticCityConfig()
        config.seed = seed
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
        let targetDays = Array(lookback..<days)
        let split = targetDays.count - heldOutDays
        let (train, test) = (Array(targetDays[..<split]), Array(targetDays[split...]))
        func labels(_ ds: [Int]) -> [Float] { ds.flatMap { counts[$0].map { $0 > 0 ? 1 : 0 } } }

        // historical average over the look-back window
        func average(_ ds: [Int]) -> [Float] {
            ds.flatMap { d in (0..<(grid * grid)).map { cell in (1...lookback).reduce(0) { $0 + counts[d - $1][cell] } / Float(lookback) } }
        }
        // ConvLSTM: [samples, time, 1, grid, grid] of log1p counts
        func images(_ ds: [Int]) throws -> Tensor {
            try Tensor(shape: [ds.count, lookback, 1, grid, grid], values: ds.flatMap { d in (d - lookback..<d).flatMap { counts[$0].map { log1p($0) } } })
        }
        var conv = try ConvLSTMForecaster(inputChannels: 1, hiddenChannels: [8, 8, 8], dropout: 0.2, seed: seed)
        conv.options.epochs = 12
        conv.options.batchSize = 16
        conv.options.learningRate = 3e-3
        conv.options.validationFraction = 0.15
        conv.options.earlyStoppingPatience = 3
        try conv.fit(try images(train), targets: try Tensor(shape: [train.count, 1, grid, grid], values: labels(train)))
        let convTrain = try conv.predict(try images(train)).storage, convTest = try conv.predict(try images(test)).storage

        // LSTM: one cell's sequence of (own log1p count, mean log1p count of its 3×3 neighbourhood)
        func sequences(_ ds: [Int]) throws -> Tensor {
            var values = [Float]()
            for d in ds {
                for cell in 0..<(grid * grid) {
                    let (r, c) = (cell / grid, cell % grid)
                    for day in (d - lookback)..<d {
                        var around: Float = 0
                        for nr in max(0, r - 1)...min(grid - 1, r + 1) { for nc in max(0, c - 1)...min(grid - 1, c + 1) { around += log1p(counts[day][nr * grid + nc]) } }
                        values += [log1p(counts[day][cell]), around / 9]
                    }
                }
            }
            return try Tensor(shape: [ds.count * grid * grid, lookback, 2], values: values)
        }
        var lstm = try LSTMForecaster(features: 2, hidden: 16, seed: seed)
        lstm.options.epochs = 3
        lstm.options.batchSize = 512
        lstm.options.learningRate = 3e-3
        let trainSequences = try sequences(train), testSequences = try sequences(test)
        try lstm.fit(trainSequences, targets: try Tensor(shape: [train.count * grid * grid, 1], values: labels(train)))
        let lstmTrain = try lstm.predict(trainSequences).storage, lstmTest = try lstm.predict(testSequences).storage

        let (yTrain, yTest) = (labels(train), labels(test))
        var results: [String: Double] = ["positive_rate_test": Double(yTest.reduce(0, +)) / Double(yTest.count),
                                         "train_days": Double(train.count), "test_days": Double(test.count)]
        for (name, fitted, held) in [("historical_average", average(train), average(test)), ("convlstm", convTrain, convTest), ("lstm", lstmTrain, lstmTest)] {
            let threshold = bestThreshold(fitted, yTrain)
            results["\(name)_f1"] = f1(held, yTest, threshold: threshold)
        }
        return results
    }

    /// The score threshold with the highest F1 on (scores, labels).
    static func bestThreshold(_ scores: [Float], _ labels: [Float]) -> Float {
        let candidates = Set(scores.sorted().enumerated().filter { $0.offset % max(1, scores.count / 200) == 0 }.map(\.element))
        return candidates.max { f1(scores, labels, threshold: $0) < f1(scores, labels, threshold: $1) } ?? 0
    }

    /// F1 of `score ≥ threshold` against 0/1 labels.
    static func f1(_ scores: [Float], _ labels: [Float], threshold: Float) -> Double {
        var (tp, fp, fn) = (0.0, 0.0, 0.0)
        for (s, y) in zip(scores, labels) {
            if s >= threshold { if y > 0.5 { tp += 1 } else { fp += 1 } } else if y > 0.5 { fn += 1 }
        }
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
    }
}
