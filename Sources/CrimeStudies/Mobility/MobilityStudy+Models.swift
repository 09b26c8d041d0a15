import CrimeCore
import CrimeModels
import Foundation
import CrimeEval

extension MobilityStudy {
    /// A fitted model's probabilities for every validation and test cell, and its epochs.
    struct Fitted {
        let validation: [Double]
        let test: [Double]
        let epochs: [EpochReport]
    }

    func fit(_ model: MobilityModel, _ data: MobilityData, seed: UInt64) throws -> Fitted {
        switch model {
        case .convLSTM: return try fitConvLSTM(data, seed: seed)
        case .lstm: return try fitLSTM(data, seed: seed)
        case .randomForest:
            return try fitTabular(data, seed: seed) {
                RandomForestClassifier(trees: trees, minSamplesLeaf: 5, maxFeatures: .sqrt, classWeight: .balanced, seed: seed)
            }
        case .logisticRegression:
            return try fitTabular(data, seed: seed) { LogisticRegression(c: 1, classWeight: .balanced) }
        case .historicalRate:
            return Fitted(validation: Self.historicalRate(data.validation), test: Self.historicalRate(data.test), epochs: [])
        }
    }

    func options(seed: UInt64, batch: Int, validationShare: Double) -> TrainingOptions {
        var o = TrainingOptions()
        o.epochs = epochs
        o.batchSize = batch
        o.learningRate = learningRate
        o.earlyStoppingPatience = earlyStoppingPatience
        o.validationFraction = validationShare
        o.clipNorm = 5
        o.seed = seed
        return o
    }

    /// Fits on the training samples followed by the validation samples, which the trainer holds out
    /// (its validation fraction is their share) for early stopping and the loss curve.
    func fitConvLSTM(_ data: MobilityData, seed: UInt64) throws -> Fitted {
        let (train, validation) = (data.train, data.validation)
        var net = try ConvLSTMForecaster(inputChannels: train.inputs.shape[2], hiddenChannels: convHidden, dropout: convDropout, seed: seed)
        let x = try Tensor(shape: [train.samples.count + validation.samples.count] + Array(train.inputs.shape.dropFirst()),
                           values: train.inputs.storage + validation.inputs.storage)
        let y = try Tensor(shape: [x.shape[0]] + Array(train.targets.shape.dropFirst()), values: train.targets.storage + validation.targets.storage)
        net.options = options(seed: seed, batch: batchSize, validationShare: Double(validation.samples.count) / Double(x.shape[0]))
        try net.fit(x, targets: y)
        return Fitted(validation: try net.predictProbability(validation.inputs).storage.map(Double.init),
                      test: try net.predictProbability(data.test.inputs).storage.map(Double.init), epochs: net.history.epochs)
    }

    /// Fits on sampled training cell sequences followed by sampled validation ones (held out the same way).
    func fitLSTM(_ data: MobilityData, seed: UInt64) throws -> Fitted {
        let pixels = data.train.size * data.train.size
        let trainRows = MobilityCellFeatures.sampleRows(total: data.train.samples.count * pixels, count: lstmTrainingCells, seed: seed)
        let heldRows = MobilityCellFeatures.sampleRows(total: data.validation.samples.count * pixels, count: lstmTrainingCells / 4, seed: seed &+ 1)
        let a = try MobilityCellFeatures.sequences(data.train, rows: trainRows)
        let b = try MobilityCellFeatures.sequences(data.validation, rows: heldRows)
        let x = try Tensor(shape: [a.shape[0] + b.shape[0], a.shape[1], a.shape[2]], values: a.storage + b.storage)
        let labelsA = data.train.labels, labelsB = data.validation.labels
        let y = try Tensor(shape: [x.shape[0], 1], values: trainRows.map { Float(labelsA[$0]) } + heldRows.map { Float(labelsB[$0]) })
        var net = try LSTMForecaster(features: a.shape[2], hidden: lstmHidden, layers: 2, seed: seed)
        net.options = options(seed: seed, batch: 8 * batchSize, validationShare: Double(b.shape[0]) / Double(x.shape[0]))
        try net.fit(x, targets: y)
        func probabilities(_ t: MobilityTensors) throws -> [Double] {
            try net.predict(try MobilityCellFeatures.sequences(t)).storage.map { 1 / (1 + exp(-Double($0))) }
        }
        return Fitted(validation: try probabilities(data.validation), test: try probabilities(data.test), epochs: net.history.epochs)
    }

    /// Fits a classifier on sampled training cells' tabular features.
    func fitTabular<C: Classifier>(_ data: MobilityData, seed: UInt64, make: () -> C) throws -> Fitted {
        let pixels = data.train.size * data.train.size
        let rows = MobilityCellFeatures.sampleRows(total: data.train.samples.count * pixels, count: tabularTrainingRows, seed: seed)
        let labels = data.train.labels
        var model = make()
        try model.fit(try MobilityCellFeatures.tabular(data.train, rows: rows), targets: rows.map { labels[$0] })
        func probabilities(_ t: MobilityTensors) throws -> [Double] {
            let p = try model.predictProbability(try MobilityCellFeatures.tabular(t))
            guard let positive = try Self.positiveColumn(model, p) else { return [Double](repeating: 0, count: p.rows) }
            return (0..<p.rows).map { p.values[$0 * p.columns + positive] }
        }
        return Fitted(validation: try probabilities(data.validation), test: try probabilities(data.test), epochs: [])
    }

    /// The probability column of label 1, nil when training saw no positive.
    static func positiveColumn(_ model: some Classifier, _ p: Matrix) throws -> Int? {
        let classes: [Double]
        if let forest = model as? RandomForestClassifier { classes = forest.classes }
        else if let linear = model as? LogisticRegression { classes = linear.classes }
        else { classes = p.columns == 2 ? [0, 1] : [] }
        return classes.firstIndex(of: 1)
    }

    /// The share of history windows with at least one incident, per cell.
    static func historicalRate(_ t: MobilityTensors) -> [Double] {
        let x = t.inputs
        let (steps, c, pixels) = (x.shape[1], x.shape[2], x.shape[3] * x.shape[4])
        return (0..<(x.shape[0] * pixels)).map { row in
            let s = row / pixels, p = row % pixels
            var hits = 0
            for step in 0..<steps where x.storage[((s * steps + step) * c) * pixels + p] > 0 { hits += 1 }
            return Double(hits) / Double(steps)
        }
    }
}
