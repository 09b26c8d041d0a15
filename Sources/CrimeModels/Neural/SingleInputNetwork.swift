import CrimeCore

/// A network with one batch-first input whose output is scored against batch-first targets — the LSTM and
/// ConvLSTM forecasters. It gives them one training pass and one fitting loop over ``Trainer``.
protocol SingleInputNetwork {
    /// What the backward pass keeps from the forward pass.
    associatedtype Pass
    /// The output for `x` in the context's mode, and what the backward pass needs.
    func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Pass)
    /// Adds the parameter gradients for the output's gradient `dy`.
    func backward(_ dy: Tensor, _ pass: Pass, _ parameters: ParameterSet, _ gradients: inout Gradients)
}

extension SingleInputNetwork {
    /// The loss of one pass over `x` against `targets` and the gradients of every parameter.
    func trainingPass(_ x: Tensor, targets: [Float], loss: Loss, _ context: inout ForwardContext) throws -> (loss: Double, gradients: Gradients) {
        let (output, pass) = try forward(x, &context)
        let (value, dOutput) = try loss.evaluate(output.storage, targets)
        var gradients = Gradients(zeroFor: context.parameters)
        backward(Tensor(unchecked: output.shape, dOutput), pass, context.parameters, &gradients)
        return (value, gradients)
    }

    /// Trains `parameters` with ``Trainer`` on the samples of `input` (batch-first) against `targets`, the
    /// same number of values per sample; validation batches skip the backward pass.
    func train(_ parameters: inout ParameterSet, input: Tensor, targets: [Float], loss: Loss, options: TrainingOptions,
             onEpoch: ((EpochReport) -> Void)?) throws -> TrainingHistory {
        let samples = input.shape[0]
        let (sampleIn, sampleOut) = (input.count / samples, targets.count / samples)
        let inner = Array(input.shape.dropFirst())
        let model = self
        return try Trainer(options: options).run(&parameters, samples: samples, onEpoch: onEpoch) { batch, context, wantGradients in
            let x = Tensor(unchecked: [batch.count] + inner, gatherSamples(input.storage, sampleSize: sampleIn, batch))
            let y = gatherSamples(targets, sampleSize: sampleOut, batch)
            guard wantGradients else { return (try loss.evaluate(try model.forward(x, &context).0.storage, y).loss, nil) }
            let (value, gradients) = try model.trainingPass(x, targets: y, loss: loss, &context)
            return (value, gradients)
        }
    }
}
