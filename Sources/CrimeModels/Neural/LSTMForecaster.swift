import CrimeCore

/// The LSTM baseline: one cell's sequence of features `[batch, time, features]` → stacked LSTMs → the
/// last step's hidden state → dense → logit `[batch, 1]`. Weights `lstm.*` (PyTorch `nn.LSTM` names)
/// and `head.weight`/`head.bias`.
public struct LSTMForecaster: SequenceForecaster, SingleInputNetwork {
    /// Weights under their PyTorch names.
    public private(set) var parameters: ParameterSet
    /// Features per time step.
    public var features: Int { lstm.inputs }
    /// Hidden size of every LSTM layer.
    public var hidden: Int { lstm.hidden }
    /// Training settings; the default loss is BCE on logits with positive weight negatives ÷ positives.
    public var options = TrainingOptions()
    /// Called after every epoch of `fit`.
    public var onEpoch: (@Sendable (EpochReport) -> Void)?
    /// The last fit's epochs.
    public private(set) var history = TrainingHistory()
    let lstm: LSTMLayer
    let head: DenseLayer

    /// A freshly initialised network (PyTorch's default schemes, seeded).
    public init(features: Int, hidden: Int = 50, layers: Int = 2, seed: UInt64 = 0) throws {
        guard features > 0, hidden > 0, layers > 0 else {
            throw NNError.invalidOption(name: "sizes", reason: "features, hidden and layers must be positive")
        }
        var p = ParameterSet()
        var initializer = PyTorchInitializer(seed: seed)
        lstm = try LSTMLayer("lstm", inputs: features, hidden: hidden, layers: layers, in: &p, initializer: &initializer)
        head = try DenseLayer("head", inputs: hidden, outputs: 1, in: &p, initializer: &initializer)
        parameters = p
    }

    /// A network over existing weights; sizes are read from the shapes.
    public init(parameters: ParameterSet) throws {
        lstm = try LSTMLayer(bindingTo: "lstm", in: parameters)
        head = try DenseLayer(bindingTo: "head", in: parameters)
        guard head.inputs == lstm.hidden, head.outputs == 1 else {
            throw NNError.wrongShape(tensor: "head.weight", expected: "[1, \(lstm.hidden)]", got: parameters.shapes[head.weight])
        }
        self.parameters = parameters
    }

    struct Pass {
        let lstm: LSTMLayer.Cache, last: [Int], head: Tensor
    }

    func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Pass) {
        let (h, lc) = try lstm.forward(x, &context)
        let (last, sc) = try LastStepLayer().forward(h, &context)
        let (y, hc) = try head.forward(last, &context)
        return (y, Pass(lstm: lc, last: sc, head: hc))
    }

    func backward(_ dy: Tensor, _ pass: Pass, _ parameters: ParameterSet, _ gradients: inout Gradients) {
        var g = head.backward(dy, pass.head, parameters, &gradients)
        g = LastStepLayer().backward(g, pass.last, parameters, &gradients)
        _ = lstm.backward(g, pass.lstm, parameters, &gradients)
    }

    func prepare(_ x: Tensor) throws -> Tensor {
        try validateInput(x, name: "x", expected: [nil, nil, features])
        return x
    }

    /// Evaluation-mode logits `[batch, 1]`.
    public func predict(_ x: Tensor) throws -> Tensor {
        var context = ForwardContext(parameters: parameters, training: false)
        return try forward(try prepare(x), &context).0
    }

    /// The loss and parameter gradients of one training-mode pass over `x` with targets `[batch, 1]`.
    public func lossAndGradients(_ x: Tensor, targets y: Tensor, loss: Loss) throws -> (loss: Double, gradients: Gradients) {
        let input = try prepare(x)
        try validateInput(y, name: "targets", expected: [x.shape[0], 1])
        var context = ForwardContext(parameters: parameters, training: true)
        return try trainingPass(input, targets: y.storage, loss: loss, &context)
    }

    /// Trains on `x` `[batch, time, features]` and 0/1 targets `[batch, 1]` with ``options``.
    public mutating func fit(_ x: Tensor, targets y: Tensor) throws {
        let input = try prepare(x)
        try validateInput(y, name: "targets", expected: [x.shape[0], 1])
        let loss = options.loss ?? .binaryCrossEntropy(positiveWeight: ConvLSTMForecaster.balancingWeight(y.storage))
        let model = self
        history = try model.train(&parameters, input: input, targets: y.storage, loss: loss, options: options, onEpoch: onEpoch)
    }
}
