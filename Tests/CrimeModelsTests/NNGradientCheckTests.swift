import CrimeCore
@testable import CrimeModels
import Testing

/// Central finite differences against the hand-written backward passes, on tiny freshly initialised
/// models in training mode (dropout off). The engine computes in `Float`, so the step is 1e-3 and the loss
/// is summed in `Double`; the tolerance (2 % of the gradient plus 2e-3) is far below the errors a wrong
/// backward formula produces.
@Suite struct NNGradientCheckTests {
    /// Compares the analytic gradient of `loss` with finite differences at a few entries of every tensor.
    func check(_ parameters: ParameterSet, analytic: Gradients, loss: (ParameterSet) throws -> Double) throws {
        let h: Float = 1e-3
        var generator = SeededGenerator(seed: 7)
        var checked = 0
        for e in parameters.names.indices where parameters.trainable[e] {
            for _ in 0..<3 {
                let k = Int(generator.next() % UInt64(parameters.values[e].count))
                var plus = parameters, minus = parameters
                plus.values[e][k] += h
                minus.values[e][k] -= h
                let numeric = (try loss(plus) - loss(minus)) / Double(2 * h)
                let exact = Double(analytic.values[e][k])
                #expect(abs(numeric - exact) <= 0.02 * abs(exact) + 2e-3, "\(parameters.names[e])[\(k)]: \(numeric) vs \(exact)")
                checked += 1
            }
        }
        #expect(checked >= 3 * 4)
    }

    func random(_ shape: [Int], seed: UInt64, binary: Bool = false) throws -> Tensor {
        var g = SeededGenerator(seed: seed)
        let n = shape.reduce(1, *)
        return try Tensor(shape: shape, values: (0..<n).map { _ in binary ? (g.nextUniform() < 0.4 ? 1 : 0) : Float(g.nextUniform() * 2 - 1) })
    }

    @Test func lstmForecasterGradients() throws {
        let model = try LSTMForecaster(features: 2, hidden: 3, seed: 1)
        let x = try random([3, 4, 2], seed: 2), y = try random([3, 1], seed: 3, binary: true)
        let loss = Loss.focal(alpha: 0.25, gamma: 2)
        let (_, g) = try model.lossAndGradients(x, targets: y, loss: loss)
        try check(model.parameters, analytic: g) { try LSTMForecaster(parameters: $0).lossAndGradients(x, targets: y, loss: loss).loss }
    }

    @Test func convLSTMForecasterGradients() throws {
        let model = try ConvLSTMForecaster(inputChannels: 1, hiddenChannels: [2, 2], dropout: 0, seed: 4)
        let x = try random([2, 2, 1, 3, 3], seed: 5), y = try random([2, 1, 3, 3], seed: 6, binary: true)
        let loss = Loss.binaryCrossEntropy(positiveWeight: 1.5)
        let (_, g) = try model.lossAndGradients(x, targets: y, loss: loss)
        try check(model.parameters, analytic: g) {
            try ConvLSTMForecaster(parameters: $0, dropout: 0).lossAndGradients(x, targets: y, loss: loss).loss
        }
    }

    @Test func cnnLSTMForecasterGradients() throws {
        let model = try CNNLSTMForecaster(imageSize: 4, socioFeatures: 2, districts: 2, channels: [2, 2], hidden: 3, denseUnits: 3, dropout: 0, seed: 8)
        let input = CNNLSTMInput(images: try random([2, 2, 1, 4, 4], seed: 9), socio: try random([2, 2, 2], seed: 10))
        let y = try random([2, 2], seed: 11)
        let (_, g) = try model.lossAndGradients(input, targets: y)
        try check(model.parameters, analytic: g) { try CNNLSTMForecaster(parameters: $0, dropout: 0).lossAndGradients(input, targets: y).loss }
    }
}
