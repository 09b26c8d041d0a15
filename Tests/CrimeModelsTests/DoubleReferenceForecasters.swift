/// The three forecasters in `Double`, composed from ``DoubleReference``'s layers as the issue and the
/// PyTorch modules describe them (training mode: batch statistics, dropout off), reading weights by their
/// state-dict names. Inputs and outputs are in PyTorch's layouts.
extension DoubleReference {
    /// Weights by PyTorch state-dict name; reading a missing name throws.
    struct Weights {
        /// The arrays, row-major in PyTorch's layout.
        var values: [String: [Double]]

        struct Missing: Error, CustomStringConvertible {
            let name: String
            var description: String { "the reference needs the weight \(name), which the parameter set lacks" }
        }

        subscript(_ name: String) -> [Double] {
            get throws {
                guard let v = values[name] else { throw Missing(name: name) }
                return v
            }
        }
    }

    /// The `count` stacked layers of an `nn.LSTM` registered under `prefix`.
    static func lstmLayers(_ p: Weights, _ prefix: String, count: Int) throws -> [LSTMWeights] {
        try (0..<count).map { k in
            try LSTMWeights(ih: p["\(prefix).weight_ih_l\(k)"], hh: p["\(prefix).weight_hh_l\(k)"],
                        biasIH: p["\(prefix).bias_ih_l\(k)"], biasHH: p["\(prefix).bias_hh_l\(k)"])
        }
    }

    /// `[batch, time, inner]` → the last step `[batch, inner]`.
    static func lastStep(_ x: [Double], batch b: Int, steps t: Int, inner: Int) -> [Double] {
        var y = [Double]()
        for r in 0..<b {
            let start = (r * t + t - 1) * inner
            y += x[start..<(start + inner)]
        }
        return y
    }

    /// The LSTM baseline: `x` `[batch, time, features]` → two stacked `lstm.*` layers → last step →
    /// `head` → logits `[batch]`.
    static func lstmForecaster(_ p: Weights, x: [Double], batch b: Int, steps t: Int, features: Int, hidden: Int) throws -> [Double] {
        let h = try lstm(x, batch: b, steps: t, inputs: features, hidden: hidden, layers: lstmLayers(p, "lstm", count: 2))
        return try dense(lastStep(h, batch: b, steps: t, inner: hidden), rows: b, weight: p["head.weight"],
                     bias: p["head.bias"], inputs: hidden, outputs: 1)
    }

    /// The mobility ConvLSTM: `x` `[batch, time, c, h, w]` → per layer `l`, ConvLSTM `cells.l` → ReLU →
    /// batch norm `norms.l` (statistics over batch, time, h, w) → the last step → `head` 3×3 convolution
    /// → logits `[batch, 1, h, w]`.
    static func convLSTMForecaster(_ p: Weights, x: [Double], batch b: Int, steps t: Int, channels: Int,
                                   height: Int, width: Int, hidden: [Int]) throws -> [Double] {
        var a = x
        var c = channels
        for (l, hs) in hidden.enumerated() {
            let h = try convLSTM(a, batch: b, steps: t, channels: c, height: height, width: width, hidden: hs,
                             weight: p["cells.\(l).conv.weight"], bias: p["cells.\(l).conv.bias"])
            a = try batchNormTraining(h.map { Activation.relu($0) }, outer: b * t, channels: hs, inner: height * width,
                                  weight: p["norms.\(l).weight"], bias: p["norms.\(l).bias"])
            c = hs
        }
        return try conv3x3(lastStep(a, batch: b, steps: t, inner: c * height * width), n: b, channels: c, height: height,
                       width: width, weight: p["head.weight"], bias: p["head.bias"], outputs: 1)
    }

    /// The Chicago CNN-LSTM: images `[batch, time, 1, s, s]` → per block `k`, `convs.k` → ReLU → `norms.k`
    /// (statistics over batch, time and pixels) → 2×2 max-pool; flattened per step in (channel, row, column)
    /// order → two stacked `image_lstm` layers → last step; socio `[batch, time, f]` → two stacked
    /// `socio_lstm` layers → last step; concatenated (image first) → `dense` → ReLU → `out` → softplus
    /// counts `[batch, districts]`.
    static func cnnLSTMForecaster(_ p: Weights, images: [Double], socio: [Double], batch b: Int, steps t: Int, size: Int,
                                  channels: [Int], socioFeatures: Int, hidden: Int, denseUnits: Int, districts: Int) throws -> [Double] {
        var a = images
        var (c, s) = (1, size)
        for (k, out) in channels.enumerated() {
            let y = try conv3x3(a, n: b * t, channels: c, height: s, width: s, weight: p["convs.\(k).weight"],
                            bias: p["convs.\(k).bias"], outputs: out)
            let n = try batchNormTraining(y.map { Activation.relu($0) }, outer: b * t, channels: out, inner: s * s,
                                      weight: p["norms.\(k).weight"], bias: p["norms.\(k).bias"])
            a = maxPool2(n, n: b * t, channels: out, height: s, width: s)
            (c, s) = (out, s / 2)
        }
        let image = try lstm(a, batch: b, steps: t, inputs: c * s * s, hidden: hidden, layers: lstmLayers(p, "image_lstm", count: 2))
        let other = try lstm(socio, batch: b, steps: t, inputs: socioFeatures, hidden: hidden, layers: lstmLayers(p, "socio_lstm", count: 2))
        let (lastImage, lastOther) = (lastStep(image, batch: b, steps: t, inner: hidden), lastStep(other, batch: b, steps: t, inner: hidden))
        var joined = [Double]()
        for r in 0..<b {
            joined += lastImage[(r * hidden)..<((r + 1) * hidden)]
            joined += lastOther[(r * hidden)..<((r + 1) * hidden)]
        }
        let d = try dense(joined, rows: b, weight: p["dense.weight"], bias: p["dense.bias"], inputs: 2 * hidden, outputs: denseUnits)
        let o = try dense(d.map { Activation.relu($0) }, rows: b, weight: p["out.weight"], bias: p["out.bias"],
                      inputs: denseUnits, outputs: districts)
        return o.map { Activation.softplus($0) }
    }

    /// Keras' `l2(λ)` kernel penalty `λ·Σw²` over the named weights.
    static func l2Penalty(_ p: Weights, _ names: [String], lambda: Double) throws -> Double {
        try lambda * names.reduce(0) { total, name in try p[name].reduce(total) { $0 + $1 * $1 } }
    }
}
