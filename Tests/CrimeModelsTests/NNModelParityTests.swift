import CrimeCore
@testable import CrimeModels
import Testing

/// The three forecasters against PyTorch modules with the same state dict: evaluation-mode outputs,
/// training-mode (dropout 0) gradients of every parameter, batch-norm statistics, and one Adam step.
@Suite struct NNModelParityTests {
    func tensor(_ f: SafeTensorsFile, _ name: String) throws -> Tensor { try f.float32(name) }

    /// Checks gradients of every trainable parameter and the parameters after one Adam step.
    func checkTraining(_ parameters: ParameterSet, _ gradients: Gradients, loss: Double, io: SafeTensorsFile) throws {
        try NNFixture.expectClose([Float(loss)], io, "loss", tolerance: 1e-5)
        var checked = 0
        for (i, name) in parameters.names.enumerated() where parameters.trainable[i] {
            try NNFixture.expectClose(gradients.values[i], io, "grad.\(name)", tolerance: 1e-3)
            checked += 1
        }
        #expect(checked == io.names.filter { $0.hasPrefix("grad.") }.count)
        var stepped = parameters
        var adam = Adam()
        adam.update(&stepped, with: gradients)
        for (i, name) in stepped.names.enumerated() where stepped.trainable[i] {
            // compare the update itself, which is about lr = 1e-3 per entry, not the parameters
            let want = zip(try io.float32("adam.\(name)").storage, parameters.values[i]).map { $0 - $1 }
            let got = zip(stepped.values[i], parameters.values[i]).map { $0 - $1 }
            #expect(NNFixture.relativeError(got, want) <= 1e-3, "adam.\(name)")
            #expect(want.contains { $0 != 0 })
        }
    }

    @Test func convLSTMMatches() throws {
        let weights = try NNFixture.file("convlstm_weights"), io = try NNFixture.file("convlstm_io")
        let model = try ConvLSTMForecaster(parameters: try weights.parameterSet(), dropout: 0)
        #expect(model.inputChannels == 2 && model.hiddenChannels == [3, 4, 2])
        let x = try tensor(io, "x")
        let y = try model.predict(x)
        #expect(y.shape == [2, 1, 5, 5])
        try NNFixture.expectClose(y.storage, io, "y", tolerance: 1e-4)
        let (loss, g) = try model.lossAndGradients(x, targets: try tensor(io, "targets"), loss: .binaryCrossEntropy(positiveWeight: 3))
        try checkTraining(model.parameters, g, loss: loss, io: io)
    }

    @Test func convLSTMTrainingPassUpdatesRunningStatistics() throws {
        let weights = try NNFixture.file("convlstm_weights"), io = try NNFixture.file("convlstm_io")
        let model = try ConvLSTMForecaster(parameters: try weights.parameterSet(), dropout: 0)
        var context = ForwardContext(parameters: model.parameters, training: true)
        _ = try model.forward(try model.prepare(try tensor(io, "x")), &context)
        for name in context.parameters.names where name.contains("running") {
            try NNFixture.expectClose(try #require(context.parameters[name]), io, "after.\(name)", tolerance: 1e-5)
        }
    }

    @Test func cnnLSTMMatches() throws {
        let weights = try NNFixture.file("cnnlstm_weights"), io = try NNFixture.file("cnnlstm_io")
        let model = try CNNLSTMForecaster(parameters: try weights.parameterSet(), dropout: 0)
        #expect(model.districts == 4)
        let input = CNNLSTMInput(images: try tensor(io, "images"), socio: try tensor(io, "socio"))
        let y = try model.predict(input)
        #expect(y.shape == [2, 4])
        try NNFixture.expectClose(y.storage, io, "y", tolerance: 1e-4)
        let (loss, g) = try model.lossAndGradients(input, targets: try tensor(io, "targets"))
        try checkTraining(model.parameters, g, loss: loss, io: io)
    }

    @Test func lstmMatches() throws {
        let weights = try NNFixture.file("lstm_weights"), io = try NNFixture.file("lstm_io")
        let model = try LSTMForecaster(parameters: try weights.parameterSet())
        #expect(model.features == 3 && model.hidden == 5)
        let x = try tensor(io, "x")
        let y = try model.predict(x)
        #expect(y.shape == [3, 1])
        try NNFixture.expectClose(y.storage, io, "y", tolerance: 1e-4)
        let (loss, g) = try model.lossAndGradients(x, targets: try tensor(io, "targets"), loss: .binaryCrossEntropy(positiveWeight: 2))
        try checkTraining(model.parameters, g, loss: loss, io: io)
    }
}
