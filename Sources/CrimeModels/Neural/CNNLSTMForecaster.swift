import CrimeCore

/// The two inputs of ``CNNLSTMForecaster``.
public struct CNNLSTMInput: Sendable {
    /// Crime images `[batch, time, channels, size, size]`.
    public var images: Tensor
    /// Socio-economic and weather features `[batch, time, features]`.
    public var socio: Tensor

    /// Pairs the two inputs.
    public init(images: Tensor, socio: Tensor) {
        self.images = images
        self.socio = socio
    }
}

/// The Chicago study's CNN-LSTM: images through time-distributed blocks of 3×3 convolution + ReLU → batch
/// norm → 2×2 max-pool (32, 64, 128 channels by default), flattened in PyTorch's (channel, row, column)
/// order → two stacked LSTMs → last step → dropout; socio-economic features → two stacked LSTMs → last
/// step → dropout; concatenated → dense + ReLU → dropout → dense(districts) → softplus counts
/// `[batch, districts]`. An L2 penalty (0.01 by default) covers the convolution and dense kernels.
public struct CNNLSTMForecaster: Estimator {
    /// Weights and batch-norm statistics under their PyTorch names.
    public private(set) var parameters: ParameterSet
    /// Training settings; the default loss is the mean squared error of the counts.
    public var options = TrainingOptions()
    /// Called after every epoch of `fit`.
    public var onEpoch: (@Sendable (EpochReport) -> Void)?
    /// The last fit's epochs.
    public private(set) var history = TrainingHistory()
    /// The L2 coefficient on kernels.
    public var l2: Float = 0.01
    /// Number of districts predicted.
    public var districts: Int { out.outputs }
    /// Convolution → ReLU → batch norm → max-pool, fused per block.
    let blocks: [ConvPoolBlock]
    let imageLSTM: LSTMLayer, socioLSTM: LSTMLayer
    let dense: DenseLayer, out: DenseLayer
    let dropout: DropoutLayer

    /// A freshly initialised network for `imageSize`² images (PyTorch's default schemes, seeded).
    public init(imageSize: Int, socioFeatures: Int, districts: Int, imageChannels: Int = 1, channels: [Int] = [32, 64, 128],
                hidden: Int = 50, denseUnits: Int = 50, dropout: Float = 0.5, seed: UInt64 = 0) throws {
        let reduced = imageSize >> channels.count
        guard reduced > 0, socioFeatures > 0, districts > 0, imageChannels > 0, hidden > 0, denseUnits > 0,
              !channels.isEmpty, channels.allSatisfy({ $0 > 0 }) else {
            throw NNError.invalidOption(name: "sizes", reason: "all sizes must be positive and the image must survive \(channels.count) poolings")
        }
        var p = ParameterSet()
        var initializer = PyTorchInitializer(seed: seed)
        var convs: [Conv2DLayer] = []
        var previous = imageChannels
        for (k, c) in channels.enumerated() {
            convs.append(try Conv2DLayer("convs.\(k)", inputs: previous, outputs: c, in: &p, initializer: &initializer))
            previous = c
        }
        let norms = try channels.enumerated().map { try BatchNormLayer("norms.\($0.offset)", channels: $0.element, in: &p) }
        imageLSTM = try LSTMLayer("image_lstm", inputs: previous * reduced * reduced, hidden: hidden, layers: 2, in: &p, initializer: &initializer)
        socioLSTM = try LSTMLayer("socio_lstm", inputs: socioFeatures, hidden: hidden, layers: 2, in: &p, initializer: &initializer)
        dense = try DenseLayer("dense", inputs: 2 * hidden, outputs: denseUnits, in: &p, initializer: &initializer)
        out = try DenseLayer("out", inputs: denseUnits, outputs: districts, in: &p, initializer: &initializer)
        blocks = Self.blocks(convs, norms)
        self.dropout = try DropoutLayer(p: dropout)
        parameters = p
    }

    /// A network over existing weights; every size is read from the shapes.
    public init(parameters: ParameterSet, dropout: Float = 0.5) throws {
        var convs: [Conv2DLayer] = [], norms: [BatchNormLayer] = []
        while parameters.position(of: "convs.\(convs.count).weight") != nil {
            let k = convs.count
            let conv = try Conv2DLayer(bindingTo: "convs.\(k)", in: parameters)
            if let previous = convs.last, previous.outputs != conv.inputs {
                throw NNError.wrongShape(tensor: "convs.\(k).weight", expected: "[_, \(previous.outputs), 3, 3]", got: parameters.shapes[conv.weight])
            }
            let norm = try BatchNormLayer(bindingTo: "norms.\(k)", in: parameters)
            guard norm.channels == conv.outputs else {
                throw NNError.wrongShape(tensor: "norms.\(k).weight", expected: "[\(conv.outputs)]", got: [norm.channels])
            }
            convs.append(conv)
            norms.append(norm)
        }
        guard !convs.isEmpty else { throw NNError.missingTensor(name: "convs.0.weight", file: "the weights") }
        imageLSTM = try LSTMLayer(bindingTo: "image_lstm", in: parameters)
        socioLSTM = try LSTMLayer(bindingTo: "socio_lstm", in: parameters)
        dense = try DenseLayer(bindingTo: "dense", in: parameters)
        out = try DenseLayer(bindingTo: "out", in: parameters)
        guard dense.inputs == imageLSTM.hidden + socioLSTM.hidden else {
            throw NNError.wrongShape(tensor: "dense.weight", expected: "[_, \(imageLSTM.hidden + socioLSTM.hidden)]", got: parameters.shapes[dense.weight])
        }
        guard out.inputs == dense.outputs else {
            throw NNError.wrongShape(tensor: "out.weight", expected: "[_, \(dense.outputs)]", got: parameters.shapes[out.weight])
        }
        (blocks, self.parameters) = (Self.blocks(convs, norms), parameters)
        self.dropout = try DropoutLayer(p: dropout)
    }

    /// The image blocks; only the first is fed with data and needs no input gradient.
    private static func blocks(_ convs: [Conv2DLayer], _ norms: [BatchNormLayer]) -> [ConvPoolBlock] {
        zip(convs, norms).enumerated().map { ConvPoolBlock(conv: $0.element.0, norm: $0.element.1, wantsInputGradient: $0.offset > 0) }
    }

    /// The kernels the L2 penalty covers: convolution and dense weights.
    var penalty: L2Penalty { L2Penalty(lambda: l2, entries: blocks.map(\.conv.weight) + [dense.weight, out.weight]) }

    struct Pass {
        var blocks: [ConvPoolBlock.Cache] = []
        var pooledShape: [Int] = []
        var imageLSTM: LSTMLayer.Cache?, socioLSTM: LSTMLayer.Cache?
        var imageLast: [Int] = [], socioLast: [Int] = [], imageDrop: [Float] = [], socioDrop: [Float] = []
        var dense = Tensor(zeros: [0]), denseReLU = Tensor(zeros: [0]), denseDrop: [Float] = [], out = Tensor(zeros: [0]), softplus = Tensor(zeros: [0])
    }

    /// Counts `[batch, districts]` for channels-last images `[batch, time, s, s, c]` and socio `[batch, time, f]`.
    func forward(_ images: Tensor, _ socio: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Pass) {
        var pass = Pass()
        let (b, t) = (images.shape[0], images.shape[1])
        var a = images.reshaped(unchecked: [b * t] + images.shape.dropFirst(2))
        for block in blocks {
            let (pooled, cache) = try block.forward(a, &context)
            pass.blocks.append(cache)
            a = pooled
        }
        pass.pooledShape = a.shape
        let (h, w, c) = (a.shape[1], a.shape[2], a.shape[3])
        guard c * h * w == imageLSTM.inputs else {
            throw NNError.wrongShape(tensor: "images", expected: "a size that pools to \(imageLSTM.inputs) features", got: images.shape)
        }
        let flat = Tensor(unchecked: [b, t, c * h * w], ChannelLayout.toChannelsFirst(a.storage, outer: b * t, channels: c, pixels: h * w))
        let (hi, ic) = try imageLSTM.forward(flat, &context)
        let (li, lic) = try LastStepLayer().forward(hi, &context)
        let (di, dic) = try dropout.forward(li, &context)
        let (hs, sc) = try socioLSTM.forward(socio, &context)
        let (ls, lsc) = try LastStepLayer().forward(hs, &context)
        let (ds, dsc) = try dropout.forward(ls, &context)
        (pass.imageLSTM, pass.imageLast, pass.imageDrop, pass.socioLSTM, pass.socioLast, pass.socioDrop) = (ic, lic, dic, sc, lsc, dsc)
        let (hiddenI, hiddenS) = (imageLSTM.hidden, socioLSTM.hidden)
        var joined = [Float]()
        joined.reserveCapacity(b * (hiddenI + hiddenS))
        for i in 0..<b {
            joined.append(contentsOf: di.storage[(i * hiddenI)..<((i + 1) * hiddenI)])
            joined.append(contentsOf: ds.storage[(i * hiddenS)..<((i + 1) * hiddenS)])
        }
        let (d, dc) = try dense.forward(Tensor(unchecked: [b, hiddenI + hiddenS], joined), &context)
        let (dr, drc) = try ActivationLayer(.relu).forward(d, &context)
        let (dd, ddc) = try dropout.forward(dr, &context)
        let (o, oc) = try out.forward(dd, &context)
        let (y, yc) = try ActivationLayer(.softplus).forward(o, &context)
        (pass.dense, pass.denseReLU, pass.denseDrop, pass.out, pass.softplus) = (dc, drc, ddc, oc, yc)
        return (y, pass)
    }

    /// Adds all parameter gradients for the counts' gradient `dy` (the L2 penalty is separate). Consumes the
    /// image blocks' activations, whose memory their backward passes reuse.
    func backward(_ dy: Tensor, _ pass: inout Pass, _ parameters: ParameterSet, _ gradients: inout Gradients) {
        var g = ActivationLayer(.softplus).backward(dy, pass.softplus, parameters, &gradients)
        g = out.backward(g, pass.out, parameters, &gradients)
        g = dropout.backward(g, pass.denseDrop, parameters, &gradients)
        g = ActivationLayer(.relu).backward(g, pass.denseReLU, parameters, &gradients)
        g = dense.backward(g, pass.dense, parameters, &gradients)
        let b = g.shape[0], (hiddenI, hiddenS) = (imageLSTM.hidden, socioLSTM.hidden)
        var gi = [Float](), gs = [Float]()
        for i in 0..<b {
            let row = i * (hiddenI + hiddenS)
            gi.append(contentsOf: g.storage[row..<(row + hiddenI)])
            gs.append(contentsOf: g.storage[(row + hiddenI)..<(row + hiddenI + hiddenS)])
        }
        var s = dropout.backward(Tensor(unchecked: [b, hiddenS], gs), pass.socioDrop, parameters, &gradients)
        s = LastStepLayer().backward(s, pass.socioLast, parameters, &gradients)
        if let cache = pass.socioLSTM { _ = socioLSTM.backward(s, cache, parameters, &gradients) }
        var a = dropout.backward(Tensor(unchecked: [b, hiddenI], gi), pass.imageDrop, parameters, &gradients)
        a = LastStepLayer().backward(a, pass.imageLast, parameters, &gradients)
        guard let cache = pass.imageLSTM else { return }
        a = imageLSTM.backward(a, cache, parameters, &gradients)
        let shape = pass.pooledShape
        a = Tensor(unchecked: shape, ChannelLayout.toChannelsLast(a.storage, outer: shape[0], channels: shape[3], pixels: shape[1] * shape[2]))
        for k in blocks.indices.reversed() {
            guard let next = blocks[k].backward(a, &pass.blocks[k], parameters, &gradients) else { return }
            a = next
        }
    }

    /// Channels-last images and socio features after validation.
    func prepare(_ x: CNNLSTMInput) throws -> (Tensor, Tensor) {
        try validateInput(x.images, name: "images", expected: [nil, nil, blocks[0].conv.inputs, nil, nil])
        let (b, t) = (x.images.shape[0], x.images.shape[1])
        try validateInput(x.socio, name: "socio", expected: [b, t, socioLSTM.inputs])
        let (c, h, w) = (x.images.shape[2], x.images.shape[3], x.images.shape[4])
        let images = Tensor(unchecked: [b, t, h, w, c], ChannelLayout.toChannelsLast(x.images.storage, outer: b * t, channels: c, pixels: h * w))
        return (images, x.socio)
    }

    /// Evaluation-mode softplus counts `[batch, districts]`.
    public func predict(_ x: CNNLSTMInput) throws -> Tensor {
        let (images, socio) = try prepare(x)
        var context = ForwardContext(parameters: parameters, training: false)
        return try forward(images, socio, &context).0
    }

    /// The loss (including the L2 penalty) and parameter gradients of one training-mode pass.
    public func lossAndGradients(_ x: CNNLSTMInput, targets y: Tensor, loss: Loss = .meanSquaredError) throws -> (loss: Double, gradients: Gradients) {
        let (images, socio) = try prepare(x)
        try validateInput(y, name: "targets", expected: [images.shape[0], districts])
        var context = ForwardContext(parameters: parameters, training: true)
        var (counts, pass) = try forward(images, socio, &context)
        let (value, dCounts) = try loss.evaluate(counts.storage, y.storage)
        var gradients = Gradients(zeroFor: parameters)
        backward(Tensor(unchecked: counts.shape, dCounts), &pass, parameters, &gradients)
        return (value + penalty.apply(parameters, &gradients), gradients)
    }

    /// Trains on the inputs and counts `[batch, districts]` with ``options``.
    public mutating func fit(_ x: CNNLSTMInput, targets y: Tensor) throws {
        let (images, socio) = try prepare(x)
        try validateInput(y, name: "targets", expected: [images.shape[0], districts])
        let loss = options.loss ?? .meanSquaredError
        let b = images.shape[0]
        let (imageSize, socioSize) = (images.count / b, socio.count / b)
        let (imageInner, socioInner) = (Array(images.shape.dropFirst()), Array(socio.shape.dropFirst()))
        let model = self
        history = try Trainer(options: options).run(&parameters, samples: b, onEpoch: onEpoch) { batch, context, wantGradients in
            let xi = Tensor(unchecked: [batch.count] + imageInner, gatherSamples(images.storage, sampleSize: imageSize, batch))
            let xs = Tensor(unchecked: [batch.count] + socioInner, gatherSamples(socio.storage, sampleSize: socioSize, batch))
            var (counts, pass) = try model.forward(xi, xs, &context)
            let (value, dCounts) = try loss.evaluate(counts.storage, gatherSamples(y.storage, sampleSize: model.districts, batch))
            guard wantGradients, value.isFinite else { return (value, nil) }
            var gradients = Gradients(zeroFor: context.parameters)
            model.backward(Tensor(unchecked: counts.shape, dCounts), &pass, context.parameters, &gradients)
            return (value + model.penalty.apply(context.parameters, &gradients), gradients)
        }
    }
}
