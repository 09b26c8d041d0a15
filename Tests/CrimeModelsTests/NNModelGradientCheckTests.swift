import CrimeCore
@testable import CrimeModels
import Testing

/// The three forecasters on tiny shapes in training mode with dropout off: the engine's training-mode
/// outputs and loss against the `Double` reference, and every parameter gradient of `lossAndGradients`
/// against `Double` central differences of the reference loss (``GradientCheck`` explains the step and
/// the tolerance).
@Suite struct NNModelGradientCheckTests {
    typealias G = GradientCheck

    func tensor(_ shape: [Int], seed: UInt64, binary: Bool = false) throws -> Tensor {
        let values = G.random(shape.reduce(1, *), seed: seed)
        return try Tensor(shape: shape, values: binary ? values.map { $0 > 0.2 ? 1 : 0 } : values)
    }

    /// Expects the engine's loss to match the reference's and its gradients to match the differences.
    func expectModel(_ set: ParameterSet, engineLoss: Double, _ gradients: Gradients,
                     referenceLoss: (DoubleReference.Weights) throws -> Double,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let reference = try referenceLoss(G.weights(set))
        #expect(abs(engineLoss - reference) <= G.forwardTolerance * abs(reference), "loss \(engineLoss) vs \(reference)",
                sourceLocation: sourceLocation)
        let numeric = try G.parameterDifferences(set, referenceLoss)
        let pairs = set.names.indices.compactMap { e in numeric[set.names[e]].map { (set.names[e], gradients.values[e], $0) } }
        #expect(pairs.count == set.names.indices.filter { set.trainable[$0] }.count, sourceLocation: sourceLocation)
        G.expectGradients(pairs, sourceLocation: sourceLocation)
    }

    @Test func lstmForecaster() throws {
        let model = try LSTMForecaster(features: 2, hidden: 3, seed: 1)
        let x = try tensor([3, 4, 2], seed: 2), y = try tensor([3, 1], seed: 3, binary: true)
        let loss = Loss.focal(alpha: 0.25, gamma: 2)
        let x64 = x.storage.map(Double.init), y64 = y.storage.map(Double.init)
        func logits(_ w: DoubleReference.Weights) throws -> [Double] {
            try DoubleReference.lstmForecaster(w, x: x64, batch: 3, steps: 4, features: 2, hidden: 3)
        }
        var context = ForwardContext(parameters: model.parameters, training: true)
        G.expectForward(try model.forward(try model.prepare(x), &context).0.storage, try logits(G.weights(model.parameters)), "logits")
        let (value, gradients) = try model.lossAndGradients(x, targets: y, loss: loss)
        try expectModel(model.parameters, engineLoss: value, gradients) { DoubleReference.loss(loss, try logits($0), y64) }
    }

    @Test func convLSTMForecaster() throws {
        let model = try ConvLSTMForecaster(inputChannels: 2, hiddenChannels: [2, 2], dropout: 0, seed: 4)
        let (b, t, c, h, w) = (2, 2, 2, 3, 4)
        let x = try tensor([b, t, c, h, w], seed: 5), y = try tensor([b, 1, h, w], seed: 6, binary: true)
        let loss = Loss.binaryCrossEntropy(positiveWeight: 1.5)
        let x64 = x.storage.map(Double.init), y64 = y.storage.map(Double.init)
        func logits(_ weights: DoubleReference.Weights) throws -> [Double] {
            try DoubleReference.convLSTMForecaster(weights, x: x64, batch: b, steps: t, channels: c, height: h, width: w, hidden: [2, 2])
        }
        // one output channel: the engine's channels-last logits have the reference's layout
        var context = ForwardContext(parameters: model.parameters, training: true)
        G.expectForward(try model.forward(try model.prepare(x), &context).0.storage, try logits(G.weights(model.parameters)), "logits")
        let (value, gradients) = try model.lossAndGradients(x, targets: y, loss: loss)
        try expectModel(model.parameters, engineLoss: value, gradients) { DoubleReference.loss(loss, try logits($0), y64) }
    }

    /// Mean squared error plus the L2 penalty of 0.01 on the convolution and dense kernels; an odd image size
    /// leaves a row and a column outside every pooling window.
    @Test(arguments: [4, 5]) func cnnLSTMForecaster(size: Int) throws {
        let model = try CNNLSTMForecaster(imageSize: size, socioFeatures: 2, districts: 2, channels: [2, 2], hidden: 3, denseUnits: 3,
                                          dropout: 0, seed: 8)
        let input = CNNLSTMInput(images: try tensor([2, 2, 1, size, size], seed: 9), socio: try tensor([2, 2, 2], seed: 10))
        let y = try tensor([2, 2], seed: 11)
        let (images, socio, y64) = (input.images.storage.map(Double.init), input.socio.storage.map(Double.init), y.storage.map(Double.init))
        func counts(_ weights: DoubleReference.Weights) throws -> [Double] {
            try DoubleReference.cnnLSTMForecaster(weights, images: images, socio: socio, batch: 2, steps: 2, size: size, channels: [2, 2],
                                                  socioFeatures: 2, hidden: 3, denseUnits: 3, districts: 2)
        }
        let kernels = ["convs.0.weight", "convs.1.weight", "dense.weight", "out.weight"]
        var context = ForwardContext(parameters: model.parameters, training: true)
        let (engineImages, engineSocio) = try model.prepare(input)
        G.expectForward(try model.forward(engineImages, engineSocio, &context).0.storage, try counts(G.weights(model.parameters)), "counts")
        let (value, gradients) = try model.lossAndGradients(input, targets: y)
        try expectModel(model.parameters, engineLoss: value, gradients) {
            DoubleReference.loss(.meanSquaredError, try counts($0), y64) + (try DoubleReference.l2Penalty($0, kernels, lambda: 0.01))
        }
    }
}
