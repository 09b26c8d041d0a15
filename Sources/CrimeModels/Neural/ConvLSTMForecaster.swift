import CrimeCore

/// The mobility study's ConvLSTM: input `[batch, time, channels, h, w]`; three (configurable) ConvLSTM
/// layers with 3×3 kernels, each followed by ReLU then batch norm over the channel axis (statistics over
/// batch, time, h and w); the last layer's final hidden state → dropout → 3×3 convolution to one channel
/// → logits `[batch, 1, h, w]`. Weights use PyTorch's state-dict names (`cells.{l}.conv.*`,
/// `norms.{l}.*`, `head.*`).
public struct ConvLSTMForecaster: SequenceForecaster, SingleInputNetwork {
    /// Weights and batch-norm statistics under their PyTorch names.
    public private(set) var parameters: ParameterSet
    /// Input channels.
    public var inputChannels: Int { cells[0].inputs }
    /// Hidden channels of each ConvLSTM layer.
    public var hiddenChannels: [Int] { cells.map(\.hidden) }
    /// Training settings; the default loss is BCE on logits with positive weight negatives ÷ positives.
    public var options = TrainingOptions()
    /// Called after every epoch of `fit`.
    public var onEpoch: (@Sendable (EpochReport) -> Void)?
    /// The last fit's epochs.
    public private(set) var history = TrainingHistory()
    let cells: [ConvLSTMLayer]
    let norms: [BatchNormLayer]
    let head: Conv2DLayer
    let dropout: DropoutLayer

    /// A freshly initialised network (PyTorch's default schemes, seeded).
    public init(inputChannels: Int, hiddenChannels: [Int] = [27, 27, 27], dropout: Float = 0.5, seed: UInt64 = 0) throws {
        guard inputChannels > 0, !hiddenChannels.isEmpty, hiddenChannels.allSatisfy({ $0 > 0 }) else {
            throw NNError.invalidOption(name: "channels", reason: "input and hidden channel counts must be positive")
        }
        var p = ParameterSet()
        var initializer = PyTorchInitializer(seed: seed)
        var cells: [ConvLSTMLayer] = []
        var previous = inputChannels
        for (l, h) in hiddenChannels.enumerated() {
            cells.append(try ConvLSTMLayer("cells.\(l)", inputs: previous, hidden: h, in: &p, initializer: &initializer))
            previous = h
        }
        norms = try hiddenChannels.enumerated().map { try BatchNormLayer("norms.\($0.offset)", channels: $0.element, in: &p) }
        head = try Conv2DLayer("head", inputs: previous, outputs: 1, in: &p, initializer: &initializer)
        self.cells = cells
        self.dropout = try DropoutLayer(p: dropout)
        parameters = p
    }

    /// A network over existing weights; the layer count and channel sizes are read from the shapes.
    public init(parameters: ParameterSet, dropout: Float = 0.5) throws {
        var cells: [ConvLSTMLayer] = []
        var norms: [BatchNormLayer] = []
        while parameters.position(of: "cells.\(cells.count).conv.weight") != nil {
            let cell = try ConvLSTMLayer(bindingTo: "cells.\(cells.count)", in: parameters)
            if let previous = cells.last, previous.hidden != cell.inputs {
                throw NNError.wrongShape(tensor: "cells.\(cells.count).conv.weight", expected: "input channels \(previous.hidden) + hidden",
                                         got: parameters.shapes[cell.weight])
            }
            let norm = try BatchNormLayer(bindingTo: "norms.\(cells.count)", in: parameters)
            guard norm.channels == cell.hidden else {
                throw NNError.wrongShape(tensor: "norms.\(cells.count).weight", expected: "[\(cell.hidden)]", got: [norm.channels])
            }
            cells.append(cell)
            norms.append(norm)
        }
        guard let last = cells.last else { throw NNError.missingTensor(name: "cells.0.conv.weight", file: "the weights") }
        head = try Conv2DLayer(bindingTo: "head", in: parameters)
        guard head.inputs == last.hidden, head.outputs == 1 else {
            throw NNError.wrongShape(tensor: "head.weight", expected: "[1, \(last.hidden), 3, 3]", got: parameters.shapes[head.weight])
        }
        (self.cells, self.norms, self.parameters) = (cells, norms, parameters)
        self.dropout = try DropoutLayer(p: dropout)
    }

    struct Pass {
        var cells: [ConvLSTMLayer.Cache] = [], relus: [Tensor] = [], norms: [BatchNormLayer.Cache] = []
        var last: [Int] = [], dropout: [Float] = [], head = Tensor(zeros: [0])
    }

    /// Logits `[batch, h, w, 1]` for channels-last input `[batch, time, h, w, c]`; in evaluation mode the
    /// pass is empty.
    func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Pass) {
        guard context.training else {
            guard x.shape.count == 5, x.shape[4] == inputChannels else {
                throw NNError.wrongShape(tensor: "x", expected: "[batch, time, h, w, \(inputChannels)]", got: x.shape)
            }
            let (b, t, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
            let input = swapLeadingAxes(x.storage, b, t, inner: h * w * inputChannels)
            return (try evaluate(timeMajor: input, batch: b, steps: t, height: h, width: w, &context), Pass())
        }
        var pass = Pass()
        var a = x
        let relu = ActivationLayer(.relu)
        for l in cells.indices {
            let (h, cc) = try cells[l].forward(a, &context)
            let (r, rc) = try relu.forward(h, &context)
            let (n, nc) = try norms[l].forward(r, &context)
            pass.cells.append(cc)
            pass.relus.append(rc)
            pass.norms.append(nc)
            a = n
        }
        let (last, lc) = try LastStepLayer().forward(a, &context)
        let (d, dc) = try dropout.forward(last, &context)
        let (y, hc) = try head.forward(d, &context)
        (pass.last, pass.dropout, pass.head) = (lc, dc, hc)
        return (y, pass)
    }

    /// Evaluation-mode logits `[batch, h, w, 1]` for a time-major channels-last input `[time, batch, h, w, c]`.
    /// Nothing is kept for a backward pass: the hidden states stay time-major from layer to layer, ReLU and
    /// batch norm run in place, and the last layer normalises only its final step, the one the head reads.
    private func evaluate(timeMajor input: [Float], batch b: Int, steps t: Int, height h: Int, width w: Int,
                          _ context: inout ForwardContext) throws -> Tensor {
        var a = input
        for l in cells.indices {
            var states = cells[l].evaluateTimeMajor(a, batch: b, steps: t, height: h, width: w, context.parameters)
            if l == cells.count - 1 { states = Array(states[((t - 1) * b * h * w * cells[l].hidden)...]) }
            norms[l].evaluateInPlace(&states, reluFirst: true, parameters: context.parameters)
            a = states
        }
        // dropout is the identity in evaluation mode
        return try head.forward(Tensor(unchecked: [b, h, w, head.inputs], a), &context).0
    }

    /// Gradients of all parameters for the logits' gradient `dy` `[batch, h, w, 1]`.
    func backward(_ dy: Tensor, _ pass: Pass, _ parameters: ParameterSet, _ gradients: inout Gradients) {
        var g = head.backward(dy, pass.head, parameters, &gradients)
        g = dropout.backward(g, pass.dropout, parameters, &gradients)
        g = LastStepLayer().backward(g, pass.last, parameters, &gradients)
        let relu = ActivationLayer(.relu)
        for l in cells.indices.reversed() {
            g = norms[l].backward(g, pass.norms[l], parameters, &gradients)
            g = relu.backward(g, pass.relus[l], parameters, &gradients)
            g = cells[l].backward(g, pass.cells[l], parameters, &gradients)
        }
    }

    /// Channels-last copy of a validated `[batch, time, c, h, w]` input.
    func prepare(_ x: Tensor) throws -> Tensor {
        try validateInput(x, name: "x", expected: [nil, nil, inputChannels, nil, nil])
        let (b, t, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], x.shape[4])
        return Tensor(unchecked: [b, t, h, w, c], ChannelLayout.toChannelsLast(x.storage, outer: b * t, channels: c, pixels: h * w))
    }

    /// Evaluation-mode logits `[batch, 1, h, w]`.
    public func predict(_ x: Tensor) throws -> Tensor {
        try validateInput(x, name: "x", expected: [nil, nil, inputChannels, nil, nil])
        let (b, t, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], x.shape[4])
        let input = ChannelLayout.toChannelsLastTimeMajor(x.storage, batch: b, steps: t, channels: c, pixels: h * w)
        var context = ForwardContext(parameters: parameters, training: false)
        let y = try evaluate(timeMajor: input, batch: b, steps: t, height: h, width: w, &context)
        return y.reshaped(unchecked: [b, 1, h, w])
    }

    /// Evaluation-mode probabilities (sigmoid of the logits) `[batch, 1, h, w]`.
    public func predictProbability(_ x: Tensor) throws -> Tensor {
        let logits = try predict(x)
        return try Tensor(shape: logits.shape, values: logits.storage.map(sigmoid))
    }

    /// The loss and parameter gradients of one training-mode pass over `x` with 0/1 targets `[batch, 1, h, w]`.
    public func lossAndGradients(_ x: Tensor, targets y: Tensor, loss: Loss, seed: UInt64 = 0) throws -> (loss: Double, gradients: Gradients) {
        let input = try prepare(x)
        try validateInput(y, name: "targets", expected: [x.shape[0], 1, x.shape[3], x.shape[4]])
        var context = ForwardContext(parameters: parameters, training: true, seed: seed)
        return try trainingPass(input, targets: y.storage, loss: loss, &context)
    }

    /// Trains on `x` `[batch, time, c, h, w]` and 0/1 targets `[batch, 1, h, w]` with ``options``.
    public mutating func fit(_ x: Tensor, targets y: Tensor) throws {
        let input = try prepare(x)
        try validateInput(y, name: "targets", expected: [x.shape[0], 1, x.shape[3], x.shape[4]])
        let loss = options.loss ?? .binaryCrossEntropy(positiveWeight: Self.balancingWeight(y.storage))
        let model = self
        history = try model.train(&parameters, input: input, targets: y.storage, loss: loss, options: options, onEpoch: onEpoch)
    }

    /// Negatives ÷ positives of 0/1 targets (1 when either class is absent).
    static func balancingWeight(_ targets: [Float]) -> Float {
        let positives = targets.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) }
        let negatives = targets.count - positives
        return positives > 0 && negatives > 0 ? Float(negatives) / Float(positives) : 1
    }
}
