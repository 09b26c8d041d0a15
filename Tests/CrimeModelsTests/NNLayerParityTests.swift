import CrimeCore
@testable import CrimeModels
import Testing

/// Each layer's forward output and gradients against PyTorch (Tests/Fixtures/nn/make_fixtures.py).
@Suite struct NNLayerParityTests {
    let f: SafeTensorsFile
    init() throws { f = try NNFixture.file("layers") }

    /// Runs forward in `mode`, checks `y`, runs backward with `dy`, returns the input gradient and gradients.
    func run<L: NNLayer>(_ layer: L, _ set: ParameterSet, x: String, y: String, dy: String, training: Bool = true,
                         tolerance: Double = 1e-5) throws -> (Tensor, Gradients, ParameterSet) {
        var context = ForwardContext(parameters: set, training: training)
        let (out, cache) = try layer.forward(try f.float32(x), &context)
        try NNFixture.expectClose(out.storage, f, y, tolerance: tolerance)
        var grads = Gradients(zeroFor: set)
        let dx = layer.backward(try f.float32(dy), cache, set, &grads)
        return (dx, grads, context.parameters)
    }

    @Test func denseMatchesLinear() throws {
        let set = try NNFixture.parameters(f, [("dense.weight", "d.weight", true), ("dense.bias", "d.bias", true)])
        let (dx, g, _) = try run(try DenseLayer(bindingTo: "d", in: set), set, x: "dense.x", y: "dense.y", dy: "dense.dy")
        try NNFixture.expectClose(dx.storage, f, "dense.dx", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[0], f, "dense.grad.weight", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[1], f, "dense.grad.bias", tolerance: 1e-5)
    }

    @Test func convolutionMatchesConv2d() throws {
        let set = try NNFixture.parameters(f, [("conv.weight", "c.weight", true), ("conv.bias", "c.bias", true)])
        let (dx, g, _) = try run(try Conv2DLayer(bindingTo: "c", in: set), set, x: "conv.x", y: "conv.y", dy: "conv.dy")
        try NNFixture.expectClose(dx.storage, f, "conv.dx", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[0], f, "conv.grad.weight", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[1], f, "conv.grad.bias", tolerance: 1e-5)
    }

    @Test func maxPoolMatchesIncludingTies() throws {
        let (dx, _, _) = try run(MaxPool2Layer(), ParameterSet(), x: "pool.x", y: "pool.y", dy: "pool.dy", tolerance: 0)
        try NNFixture.expectClose(dx.storage, f, "pool.dx", tolerance: 0)
    }

    /// The fixture's batch norm; `after` takes the running statistics left by the training step.
    func batchNorm(after: Bool = false) throws -> (BatchNormLayer, ParameterSet) {
        let stats = after ? "bn.train" : "bn"
        let set = try NNFixture.parameters(f, [("bn.weight", "n.weight", true), ("bn.bias", "n.bias", true),
                                               ("\(stats).running_mean", "n.running_mean", false), ("\(stats).running_var", "n.running_var", false)])
        return (try BatchNormLayer(bindingTo: "n", in: set), set)
    }

    @Test func batchNormTrainingMatchesIncludingRunningStatistics() throws {
        let (layer, set) = try batchNorm()
        let (dx, g, after) = try run(layer, set, x: "bn.x", y: "bn.train.y", dy: "bn.dy")
        try NNFixture.expectClose(dx.storage, f, "bn.train.dx", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[0], f, "bn.train.grad.weight", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[1], f, "bn.train.grad.bias", tolerance: 1e-5)
        try NNFixture.expectClose(after.values[2], f, "bn.train.running_mean", tolerance: 1e-6)
        try NNFixture.expectClose(after.values[3], f, "bn.train.running_var", tolerance: 1e-6)
    }

    @Test func batchNormEvaluationUsesRunningStatistics() throws {
        let (layer, set) = try batchNorm(after: true)
        let (dx, g, after) = try run(layer, set, x: "bn.x", y: "bn.eval.y", dy: "bn.dy", training: false)
        try NNFixture.expectClose(dx.storage, f, "bn.eval.dx", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[0], f, "bn.eval.grad.weight", tolerance: 1e-5)
        #expect(after == set)
    }

    @Test(arguments: ["relu", "tanh", "sigmoid", "softplus"])
    func activationMatches(_ name: String) throws {
        let kind = try #require(ActivationLayer.Kind(rawValue: name))
        let (dx, _, _) = try run(ActivationLayer(kind), ParameterSet(), x: "act.x", y: "act.\(name).y", dy: "act.dy", tolerance: 1e-6)
        try NNFixture.expectClose(dx.storage, f, "act.\(name).dx", tolerance: 1e-6)
    }

    @Test func stackedLSTMMatchesTorch() throws {
        var entries: [(String, String, Bool)] = []
        for k in 0..<2 {
            for n in ["weight_ih", "weight_hh", "bias_ih", "bias_hh"] { entries.append(("lstm.\(n)_l\(k)", "rnn.\(n)_l\(k)", true)) }
        }
        let set = try NNFixture.parameters(f, entries)
        let layer = try LSTMLayer(bindingTo: "rnn", in: set)
        #expect(layer.weights.count == 2 && layer.hidden == 4)
        let (dx, g, _) = try run(layer, set, x: "lstm.x", y: "lstm.y", dy: "lstm.dy")
        try NNFixture.expectClose(dx.storage, f, "lstm.dx", tolerance: 1e-5)
        for (i, e) in entries.enumerated() {
            try NNFixture.expectClose(g.values[i], f, "lstm.grad." + e.0.dropFirst(5), tolerance: 1e-5)
        }
    }

    @Test func convLSTMLayerMatchesStudyCell() throws {
        let set = try NNFixture.parameters(f, [("convlstm.conv.weight", "cell.conv.weight", true), ("convlstm.conv.bias", "cell.conv.bias", true)])
        let layer = try ConvLSTMLayer(bindingTo: "cell", in: set)
        #expect(layer.inputs == 2 && layer.hidden == 3)
        let (dx, g, _) = try run(layer, set, x: "convlstm.x", y: "convlstm.y", dy: "convlstm.dy")
        try NNFixture.expectClose(dx.storage, f, "convlstm.dx", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[0], f, "convlstm.grad.conv.weight", tolerance: 1e-5)
        try NNFixture.expectClose(g.values[1], f, "convlstm.grad.conv.bias", tolerance: 1e-5)
    }

    @Test func timeDistributedFoldsBatchAndTime() throws {
        let set = try NNFixture.parameters(f, [("conv.weight", "c.weight", true), ("conv.bias", "c.bias", true)])
        let conv = try Conv2DLayer(bindingTo: "c", in: set)
        let x = try f.float32("conv.x")
        let sequence = try Tensor(shape: [1] + x.shape, values: x.storage)
        var context = ForwardContext(parameters: set, training: false)
        let (y, _) = try TimeDistributed(conv).forward(sequence, &context)
        #expect(y.shape == [1, 2, 5, 4, 4])
        try NNFixture.expectClose(y.storage, f, "conv.y", tolerance: 1e-5)
    }
}
