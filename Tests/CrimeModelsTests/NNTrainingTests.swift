import CrimeCore
@testable import CrimeModels
import Foundation
import Testing

/// Fitting: learning, determinism, callbacks, early stopping, initialisation, dropout and bad input.
@Suite struct NNTrainingTests {
    /// Sequences whose label is whether their first feature's mean is positive.
    func task(samples: Int, seed: UInt64) throws -> (Tensor, Tensor) {
        var g = SeededGenerator(seed: seed)
        var x = [Float](), y = [Float]()
        for _ in 0..<samples {
            let shift = Float(g.nextUniform() * 2 - 1)
            var sum: Float = 0
            for _ in 0..<4 {
                let v = shift + Float(g.nextUniform() - 0.5)
                sum += v
                x += [v, Float(g.nextUniform() - 0.5)]
            }
            y.append(sum > 0 ? 1 : 0)
        }
        return (try Tensor(shape: [samples, 4, 2], values: x), try Tensor(shape: [samples, 1], values: y))
    }

    @Test func lstmLearnsAndReportsEveryEpoch() throws {
        let (x, y) = try task(samples: 48, seed: 1)
        var model = try LSTMForecaster(features: 2, hidden: 4, seed: 2)
        model.options.epochs = 25
        model.options.batchSize = 8
        model.options.learningRate = 0.02
        let counter = EpochCounter()
        model.onEpoch = { counter.add($0.epoch) }
        try model.fit(x, targets: y)
        #expect(counter.epochs == Array(1...25))
        let losses = model.history.epochs.map(\.trainingLoss)
        #expect(try #require(losses.last) < 0.6 * losses[0])
        let logits = try model.predict(x).storage
        let correct = zip(logits, y.storage).filter { ($0.0 > 0) == ($0.1 > 0.5) }.count
        #expect(correct >= 40)
    }

    @Test func sameSeedSameWeights() throws {
        let x = try Tensor(shape: [6, 2, 1, 3, 3], values: (0..<108).map { Float(($0 * 37) % 11) / 11 - 0.4 })
        let y = try Tensor(shape: [6, 1, 3, 3], values: (0..<54).map { $0 % 4 == 0 ? 1 : 0 })
        func fitted(_ seed: UInt64) throws -> ParameterSet {
            var m = try ConvLSTMForecaster(inputChannels: 1, hiddenChannels: [2, 2], dropout: 0.3, seed: 5)
            m.options.epochs = 2
            m.options.batchSize = 3
            m.options.seed = seed
            try m.fit(x, targets: y)
            return m.parameters
        }
        let a = try fitted(1)
        #expect(a == (try fitted(1)))
        #expect(a != (try fitted(2)))
    }

    @Test func earlyStoppingRestoresBestValidationWeights() throws {
        let (x, y) = try task(samples: 40, seed: 3)
        var model = try LSTMForecaster(features: 2, hidden: 3, seed: 4)
        model.options.epochs = 30
        model.options.batchSize = 4
        model.options.learningRate = 0.3
        model.options.validationFraction = 0.25
        model.options.earlyStoppingPatience = 3
        model.options.loss = .binaryCrossEntropy(positiveWeight: 1)
        try model.fit(x, targets: y)
        let validation = model.history.epochs.compactMap(\.validationLoss)
        let best = try #require(validation.indices.min { validation[$0] < validation[$1] })
        #expect(model.history.bestEpoch == best + 1)
        let heldX = try Tensor(shape: [10, 4, 2], values: Array(x.storage[(30 * 8)...]))
        let heldY = try Tensor(shape: [10, 1], values: Array(y.storage[30...]))
        let loss = try model.lossAndGradients(heldX, targets: heldY, loss: .binaryCrossEntropy(positiveWeight: 1)).loss
        #expect(abs(loss - validation[best]) < 1e-5)
    }

    @Test func nanLossStopsTraining() throws {
        let (x, y) = try task(samples: 8, seed: 5)
        var p = try LSTMForecaster(features: 2, hidden: 3).parameters
        let head = try #require(p.position(of: "head.bias"))
        p.values[head][0] = .nan
        var model = try LSTMForecaster(parameters: p)
        #expect(throws: NNError.nonFiniteLoss(epoch: 1, batch: 1)) { try model.fit(x, targets: y) }
    }

    @Test func badInputsAreNamed() throws {
        var model = try ConvLSTMForecaster(inputChannels: 2, hiddenChannels: [2], seed: 1)
        let wrong = try Tensor(shape: [1, 2, 3, 4, 4], repeating: 0)
        #expect(throws: NNError.wrongShape(tensor: "x", expected: "[_, _, 2, _, _]", got: [1, 2, 3, 4, 4])) { try model.predict(wrong) }
        var values = [Float](repeating: 0, count: 64)
        values[5] = .nan
        let nanInput = try Tensor(shape: [1, 2, 2, 4, 4], values: values)
        #expect(throws: NNError.nonFinite(tensor: "x", index: 5)) { try model.predict(nanInput) }
        let x = try Tensor(shape: [2, 2, 2, 4, 4], repeating: 0.5)
        var targets = [Float](repeating: 0, count: 32)
        targets[3] = .infinity
        #expect(throws: NNError.nonFinite(tensor: "targets", index: 3)) { try model.fit(x, targets: try Tensor(shape: [2, 1, 4, 4], values: targets)) }
        #expect(throws: NNError.self) { try model.fit(x, targets: try Tensor(shape: [2, 1, 3, 4], repeating: 0)) }
        model.options.epochs = 0
        #expect(throws: NNError.invalidOption(name: "epochs", reason: "must be at least 1, got 0")) { try model.fit(x, targets: try Tensor(shape: [2, 1, 4, 4], repeating: 0)) }
        let cnn = try CNNLSTMForecaster(imageSize: 8, socioFeatures: 3, districts: 2, channels: [2, 2, 2], hidden: 3, denseUnits: 3)
        let images = try Tensor(shape: [1, 2, 1, 8, 8], repeating: 0)
        #expect(throws: NNError.wrongShape(tensor: "socio", expected: "[1, 2, 3]", got: [1, 2, 4])) {
            try cnn.predict(CNNLSTMInput(images: images, socio: try Tensor(shape: [1, 2, 4], repeating: 0)))
        }
        #expect(throws: NNError.self) {
            try cnn.predict(CNNLSTMInput(images: try Tensor(shape: [1, 2, 1, 16, 16], repeating: 0), socio: try Tensor(shape: [1, 2, 3], repeating: 0)))
        }
    }

    @Test func initialisationFollowsPyTorchBounds() throws {
        let model = try ConvLSTMForecaster(inputChannels: 3, hiddenChannels: [5], seed: 9)
        let w = try #require(model.parameters["cells.0.conv.weight"])
        let bound = 1 / Float(9 * 8).squareRoot()
        #expect(w.allSatisfy { abs($0) <= bound })
        #expect(w.map(abs).max() ?? 0 > 0.9 * bound)
        let lstm = try LSTMForecaster(features: 2, hidden: 16, seed: 9)
        let ih = try #require(lstm.parameters["lstm.weight_hh_l1"])
        #expect(ih.allSatisfy { abs($0) <= 0.25 } && ih.map(abs).max() ?? 0 > 0.24)
        #expect(model.parameters["norms.0.running_var"] == [1, 1, 1, 1, 1])
        #expect(try ConvLSTMForecaster(inputChannels: 3, hiddenChannels: [5], seed: 9).parameters == model.parameters)
    }

    @Test func dropoutScalesSurvivorsAndIsIdentityInEvaluation() throws {
        let layer = try DropoutLayer(p: 0.25)
        let x = Tensor(zeros: [4000]).storage.map { _ in Float(1) }
        var train = ForwardContext(parameters: ParameterSet(), training: true, seed: 3)
        let (y, _) = try layer.forward(try Tensor(shape: [4000], values: x), &train)
        let zeros = y.storage.filter { $0 == 0 }.count
        #expect(abs(Double(zeros) / 4000 - 0.25) < 0.03)
        #expect(y.storage.allSatisfy { $0 == 0 || abs($0 - 4 / 3) < 1e-6 })
        var eval = ForwardContext(parameters: ParameterSet(), training: false, seed: 3)
        #expect(try layer.forward(try Tensor(shape: [4000], values: x), &eval).0.storage == x)
        #expect(throws: NNError.self) { try DropoutLayer(p: 1) }
    }
}

/// Collects epoch numbers from a `@Sendable` callback.
final class EpochCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ epoch: Int) { lock.lock(); seen.append(epoch); lock.unlock() }
    var epochs: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
}
