import CrimeCore
@testable import CrimeModels
import Testing

/// Losses, Adam, gradient clipping and learning-rate schedules against PyTorch.
@Suite struct NNTrainingParityTests {
    let f: SafeTensorsFile
    init() throws { f = try NNFixture.file("layers") }

    @Test(arguments: [("mse", Loss.meanSquaredError), ("bce", .binaryCrossEntropy(positiveWeight: 2.5)), ("focal", .focal(alpha: 0.25, gamma: 2))])
    func lossMatches(_ name: String, _ loss: Loss) throws {
        let (value, grad) = try loss.evaluate(try f.float32("loss.logits").storage, try f.float32("loss.targets").storage)
        try NNFixture.expectClose([Float(value)], f, "loss.\(name).value", tolerance: 1e-6)
        try NNFixture.expectClose(grad, f, "loss.\(name).grad", tolerance: 1e-5)
    }

    @Test func adamMatchesThreeSteps() throws {
        var set = ParameterSet()
        try set.add("p", shape: [6], values: try f.float32("adam.p0").storage)
        var adam = Adam()
        for s in 0..<3 {
            var g = Gradients(zeroFor: set)
            g.values[0] = try f.float32("adam.g\(s)").storage
            adam.update(&set, with: g)
            try NNFixture.expectClose(set.values[0], f, "adam.p\(s + 1)", tolerance: 1e-6)
        }
    }

    @Test func adamLeavesBuffersAlone() throws {
        var set = ParameterSet()
        try set.add("n.running_mean", shape: [2], values: [1, 2], trainable: false)
        var g = Gradients(zeroFor: set)
        g.values[0] = [5, 5]
        var adam = Adam()
        adam.update(&set, with: g)
        #expect(set.values[0] == [1, 2])
    }

    @Test func clippingMatchesClipGradNorm() throws {
        var set = ParameterSet()
        try set.add("a", shape: [4], values: [0, 0, 0, 0])
        try set.add("b", shape: [3], values: [0, 0, 0])
        var g = Gradients(zeroFor: set)
        g.values = [try f.float32("clip.a").storage, try f.float32("clip.b").storage]
        let norm = g.clip(maxNorm: 1)
        try NNFixture.expectClose([Float(norm)], f, "clip.norm", tolerance: 1e-6)
        try NNFixture.expectClose(g.values[0], f, "clip.a_clipped", tolerance: 1e-6)
        try NNFixture.expectClose(g.values[1], f, "clip.b_clipped", tolerance: 1e-6)
    }

    @Test func plateauSchedulerMatches() throws {
        var scheduler = LearningRateScheduler(.reduceOnPlateau(factor: 0.5, patience: 2, threshold: 1e-4, cooldown: 1), initialRate: 0.01)
        let rates = try f.float32("plateau.losses").storage.map { scheduler.step(loss: Double($0)) }
        try NNFixture.expectClose(rates, f, "plateau.rates", tolerance: 1e-6)
        #expect(Set(rates).count > 2)
    }

    @Test func cosineSchedulerMatches() throws {
        var scheduler = LearningRateScheduler(.cosine(period: 10, minimum: 1e-4), initialRate: 0.01)
        let rates = (0..<10).map { _ in scheduler.step(loss: 0) }
        try NNFixture.expectClose(rates, f, "cosine.rates", tolerance: 1e-5)
    }
}
