import CrimeCore
@testable import CrimeModels
import Testing

/// Every layer and loss of the neural engine: forward output against the `Double` reference, and the
/// `Float` backward pass against `Double` central differences of the reference at every parameter and
/// input entry (``GradientCheck`` explains the step and the tolerance).
@Suite struct NNGradientCheckTests {
    typealias G = GradientCheck

    /// Fresh PyTorch-style initial weights for a layer registered by `make`.
    func layer<L>(_ seed: UInt64, _ make: (inout ParameterSet, inout PyTorchInitializer) throws -> L) throws -> (L, ParameterSet) {
        var set = ParameterSet()
        var initializer = PyTorchInitializer(seed: seed)
        return (try make(&set, &initializer), set)
    }

    func array(_ shape: [Int], seed: UInt64, bound: Double = 1) throws -> Tensor {
        try Tensor(shape: shape, values: G.random(shape.reduce(1, *), seed: seed, bound: bound))
    }

    @Test func dense() throws {
        let (d, set) = try layer(1) { try DenseLayer("d", inputs: 4, outputs: 3, in: &$0, initializer: &$1) }
        try G.checkLayer(d, set, input: try array([5, 4], seed: 2)) { w, x in
            try DoubleReference.dense(x, rows: 5, weight: w["d.weight"], bias: w["d.bias"], inputs: 4, outputs: 3)
        }
    }

    /// Non-square images catch swapped rows and columns; the engine works channels-last.
    @Test func convolution3x3() throws {
        let (c, set) = try layer(3) { try Conv2DLayer("c", inputs: 2, outputs: 3, in: &$0, initializer: &$1) }
        let (n, h, w) = (2, 4, 5)
        try G.checkLayer(c, set, input: try array([n, h, w, 2], seed: 4)) { weights, x in
            let y = try DoubleReference.conv3x3(G.transpose(x, outer: n, h * w, 2), n: n, channels: 2, height: h, width: w,
                                                weight: weights["c.weight"], bias: weights["c.bias"], outputs: 3)
            return G.transpose(y, outer: n, 3, h * w)
        }
    }

    /// An odd height drops the last row, as in PyTorch.
    @Test func maxPool2() throws {
        let (n, h, w, c) = (2, 5, 4, 2)
        try G.checkLayer(MaxPool2Layer(), ParameterSet(), input: try array([n, h, w, c], seed: 5)) { _, x in
            let y = DoubleReference.maxPool2(G.transpose(x, outer: n, h * w, c), n: n, channels: c, height: h, width: w)
            return G.transpose(y, outer: n, c, (h / 2) * (w / 2))
        }
    }

    /// Training mode with non-trivial scale and shift; the statistics run over every leading axis.
    @Test func batchNormTraining() throws {
        var (bn, set) = try layer(6) { set, _ in try BatchNormLayer("n", channels: 3, in: &set) }
        set.values[bn.weight] = G.random(3, seed: 7, bound: 2)
        set.values[bn.bias] = G.random(3, seed: 8)
        bn = try BatchNormLayer(bindingTo: "n", in: set)
        try G.checkLayer(bn, set, input: try array([2, 4, 3], seed: 9, bound: 3)) { w, x in
            try DoubleReference.batchNormTraining(x, outer: 8, channels: 3, inner: 1, weight: w["n.weight"], bias: w["n.bias"])
        }
    }

    /// Inputs in ±4 plus one beyond softplus's threshold of 20.
    @Test(arguments: [ActivationLayer.Kind.relu, .tanh, .sigmoid, .softplus])
    func activation(_ kind: ActivationLayer.Kind) throws {
        var x = try array([3, 5], seed: 10, bound: 4)
        x.storage[7] = 23.5
        let reference: DoubleReference.Activation = switch kind {
        case .relu: .relu
        case .tanh: .tanh
        case .sigmoid: .sigmoid
        case .softplus: .softplus
        }
        try G.checkLayer(ActivationLayer(kind), ParameterSet(), input: x) { _, x in x.map { reference($0) } }
    }

    /// Two stacked layers; both bias vectors, every gate and the recurrence through time.
    @Test func lstm() throws {
        let (l, set) = try layer(11) { try LSTMLayer("lstm", inputs: 3, hidden: 2, layers: 2, in: &$0, initializer: &$1) }
        try G.checkLayer(l, set, input: try array([2, 4, 3], seed: 12, bound: 2)) { w, x in
            try DoubleReference.lstm(x, batch: 2, steps: 4, inputs: 3, hidden: 2, layers: DoubleReference.lstmLayers(w, "lstm", count: 2))
        }
    }

    /// Non-square images, three steps; the engine works channels-last.
    @Test func convLSTM() throws {
        let (cell, set) = try layer(13) { try ConvLSTMLayer("cell", inputs: 2, hidden: 2, in: &$0, initializer: &$1) }
        let (b, t, h, w) = (2, 3, 3, 4)
        try G.checkLayer(cell, set, input: try array([b, t, h, w, 2], seed: 14, bound: 2)) { weights, x in
            let y = try DoubleReference.convLSTM(G.transpose(x, outer: b * t, h * w, 2), batch: b, steps: t, channels: 2, height: h, width: w,
                                                 hidden: 2, weight: weights["cell.conv.weight"], bias: weights["cell.conv.bias"])
            return G.transpose(y, outer: b * t, 2, h * w)
        }
    }

    /// Each loss's value and its gradient with respect to the predictions; BCE and MSE on soft targets,
    /// focal on 0/1 targets, focal also without class weighting.
    @Test(arguments: [Loss.meanSquaredError, .binaryCrossEntropy(positiveWeight: 2.5), .focal(alpha: 0.25, gamma: 2), .focal(alpha: -1, gamma: 1.5)])
    func loss(_ loss: Loss) throws {
        let x = G.random(12, seed: 15, bound: 3).map(Double.init)
        var y = G.random(12, seed: 16).map { Double(abs($0)) }
        if case .focal = loss { y = y.map { $0 > 0.5 ? 1 : 0 } }
        let (value, gradient) = try loss.evaluate(x.map { Float($0) }, y.map { Float($0) })
        let reference = DoubleReference.loss(loss, x, y)
        #expect(abs(value - reference) <= 1e-12 * abs(reference), "\(value) vs \(reference)")
        G.expectGradients([("predictions", gradient, G.centralDifferences(x) { DoubleReference.loss(loss, $0, y) })])
    }
}
