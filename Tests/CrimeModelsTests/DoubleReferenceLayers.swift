@testable import CrimeModels
import Foundation

/// Plain `Double` forward passes of the engine's layers and losses, written from PyTorch's definitions with naive loops
/// and channels-first layouts (`[n, c, h, w]`, as PyTorch has them). They call nothing in the engine, so
/// finite differences of them are an independent check of its hand-written `Float` backward passes.
enum DoubleReference {
    /// `nn.Linear`: `y[r, o] = b[o] + Σᵢ W[o, i]·x[r, i]` for `x` `[rows, inputs]`, `W` `[outputs, inputs]`.
    static func dense(_ x: [Double], rows: Int, weight: [Double], bias: [Double], inputs: Int, outputs: Int) -> [Double] {
        var y = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for o in 0..<outputs {
                var s = bias[o]
                for i in 0..<inputs { s += weight[o * inputs + i] * x[r * inputs + i] }
                y[r * outputs + o] = s
            }
        }
        return y
    }

    /// `nn.Conv2d(c, outputs, 3, padding=1)` (a cross-correlation with zero padding) over `x` `[n, c, h, w]`;
    /// `W` `[outputs, c, 3, 3]`. Returns `[n, outputs, h, w]`.
    static func conv3x3(_ x: [Double], n: Int, channels c: Int, height h: Int, width w: Int,
                        weight: [Double], bias: [Double], outputs: Int) -> [Double] {
        var y = [Double](repeating: 0, count: n * outputs * h * w)
        for img in 0..<n {
            for o in 0..<outputs {
                for i in 0..<h {
                    for j in 0..<w {
                        var s = bias[o]
                        for ch in 0..<c {
                            for di in 0..<3 {
                                let yy = i + di - 1
                                guard yy >= 0, yy < h else { continue }
                                for dj in 0..<3 {
                                    let xx = j + dj - 1
                                    guard xx >= 0, xx < w else { continue }
                                    s += weight[((o * c + ch) * 3 + di) * 3 + dj] * x[((img * c + ch) * h + yy) * w + xx]
                                }
                            }
                        }
                        y[((img * outputs + o) * h + i) * w + j] = s
                    }
                }
            }
        }
        return y
    }

    /// `nn.MaxPool2d(2)` over `x` `[n, c, h, w]`: windows at even offsets, odd last row or column dropped.
    static func maxPool2(_ x: [Double], n: Int, channels c: Int, height h: Int, width w: Int) -> [Double] {
        let (ho, wo) = (h / 2, w / 2)
        var y = [Double](repeating: 0, count: n * c * ho * wo)
        for plane in 0..<(n * c) {
            for i in 0..<ho {
                for j in 0..<wo {
                    let top = (plane * h + 2 * i) * w + 2 * j
                    y[(plane * ho + i) * wo + j] = max(max(x[top], x[top + 1]), max(x[top + w], x[top + w + 1]))
                }
            }
        }
        return y
    }

    /// `nn.BatchNorm` in training mode over `x` `[outer, c, inner]`: each channel is normalised by its mean
    /// and biased variance over the outer and inner axes (ε = 1e-5), then scaled by `γ` and shifted by `β`.
    static func batchNormTraining(_ x: [Double], outer: Int, channels c: Int, inner: Int,
                                  weight: [Double], bias: [Double]) -> [Double] {
        var y = x
        let count = Double(outer * inner)
        for ch in 0..<c {
            var mean = 0.0
            for o in 0..<outer { for k in 0..<inner { mean += x[(o * c + ch) * inner + k] } }
            mean /= count
            var variance = 0.0
            for o in 0..<outer {
                for k in 0..<inner {
                    let d = x[(o * c + ch) * inner + k] - mean
                    variance += d * d
                }
            }
            variance /= count
            let scale = weight[ch] / (variance + 1e-5).squareRoot()
            for o in 0..<outer {
                for k in 0..<inner {
                    let i = (o * c + ch) * inner + k
                    y[i] = (x[i] - mean) * scale + bias[ch]
                }
            }
        }
        return y
    }

    /// The element-wise functions: ReLU, tanh, logistic sigmoid and softplus (`F.softplus`, which returns
    /// `x` above its threshold 20).
    enum Activation: CaseIterable {
        case relu, tanh, sigmoid, softplus

        func callAsFunction(_ x: Double) -> Double {
            switch self {
            case .relu: return max(x, 0)
            case .tanh: return Foundation.tanh(x)
            case .sigmoid: return 1 / (1 + exp(-x))
            case .softplus: return x > 20 ? x : log(1 + exp(x))
            }
        }
    }

    /// One stacked layer of `nn.LSTM`: `weight_ih` `[4·hidden, in]`, `weight_hh` `[4·hidden, hidden]` and the
    /// two bias vectors, gate chunks in the order i, f, g, o.
    struct LSTMWeights {
        let ih: [Double], hh: [Double], biasIH: [Double], biasHH: [Double]
    }

    /// `nn.LSTM(batch_first=True)` with zero initial states: `x` `[batch, time, inputs]` → the top layer's
    /// hidden states `[batch, time, hidden]`.
    static func lstm(_ x: [Double], batch b: Int, steps t: Int, inputs: Int, hidden hs: Int, layers: [LSTMWeights]) -> [Double] {
        var sequence = x
        var width = inputs
        for layer in layers {
            var out = [Double](repeating: 0, count: b * t * hs)
            for r in 0..<b {
                var h = [Double](repeating: 0, count: hs), c = h
                for s in 0..<t {
                    var pre = [Double](repeating: 0, count: 4 * hs)
                    for g in 0..<(4 * hs) {
                        var v = layer.biasIH[g] + layer.biasHH[g]
                        for i in 0..<width { v += layer.ih[g * width + i] * sequence[(r * t + s) * width + i] }
                        for j in 0..<hs { v += layer.hh[g * hs + j] * h[j] }
                        pre[g] = v
                    }
                    for j in 0..<hs {
                        let i = Activation.sigmoid(pre[j]), f = Activation.sigmoid(pre[hs + j])
                        let g = Foundation.tanh(pre[2 * hs + j]), o = Activation.sigmoid(pre[3 * hs + j])
                        c[j] = f * c[j] + i * g
                        h[j] = o * Foundation.tanh(c[j])
                        out[(r * t + s) * hs + j] = h[j]
                    }
                }
            }
            sequence = out
            width = hs
        }
        return sequence
    }

    /// The mobility study's ConvLSTM layer with zero initial states over `x` `[batch, time, c, h, w]`: at every
    /// step `conv3x3(cat(x, h))` (weight `[4·hidden, c + hidden, 3, 3]`) is split along the channels into
    /// i, f, o, g; `c = σ(f)·c + σ(i)·tanh(g)`, `h = σ(o)·tanh(c)`. Returns `[batch, time, hidden, h, w]`.
    static func convLSTM(_ x: [Double], batch b: Int, steps t: Int, channels ci: Int, height ht: Int, width wd: Int,
                         hidden hs: Int, weight: [Double], bias: [Double]) -> [Double] {
        let plane = ht * wd
        var out = [Double](repeating: 0, count: b * t * hs * plane)
        var h = [Double](repeating: 0, count: b * hs * plane), c = h
        for s in 0..<t {
            var joined = [Double](repeating: 0, count: b * (ci + hs) * plane)
            for r in 0..<b {
                for k in 0..<(ci * plane) { joined[r * (ci + hs) * plane + k] = x[(r * t + s) * ci * plane + k] }
                for k in 0..<(hs * plane) { joined[(r * (ci + hs) + ci) * plane + k] = h[r * hs * plane + k] }
            }
            let pre = conv3x3(joined, n: b, channels: ci + hs, height: ht, width: wd, weight: weight, bias: bias, outputs: 4 * hs)
            for r in 0..<b {
                for j in 0..<hs {
                    for p in 0..<plane {
                        let gate = { (k: Int) in pre[((r * 4 + k) * hs + j) * plane + p] }
                        let (i, f, o, g) = (Activation.sigmoid(gate(0)), Activation.sigmoid(gate(1)), Activation.sigmoid(gate(2)), Foundation.tanh(gate(3)))
                        let at = (r * hs + j) * plane + p
                        c[at] = f * c[at] + i * g
                        h[at] = o * Foundation.tanh(c[at])
                        out[((r * t + s) * hs + j) * plane + p] = h[at]
                    }
                }
            }
        }
        return out
    }

    /// The mean of a training loss over all entries, each from its PyTorch definition: `nn.MSELoss`;
    /// `nn.BCEWithLogitsLoss(pos_weight:)` in PyTorch's own form `(1 − y)·x + (1 + (w − 1)·y)·log(1 + e^(−x))`;
    /// torchvision's `sigmoid_focal_loss`, `α_t·(1 − p_t)^γ·BCE` (no α_t when α < 0). Only the case and its
    /// constants are read from the engine's ``Loss`` value.
    static func loss(_ kind: Loss, _ x: [Double], _ y: [Double]) -> Double {
        var total = 0.0
        for k in x.indices {
            let (v, t) = (x[k], y[k])
            // log(1 + e^(−v)) without overflow
            let logOnePlusExpMinus = log1p(exp(-abs(v))) + max(-v, 0)
            switch kind {
            case .meanSquaredError:
                total += (v - t) * (v - t)
            case let .binaryCrossEntropy(w):
                total += (1 - t) * v + (1 + (Double(w) - 1) * t) * logOnePlusExpMinus
            case let .focal(alpha, gamma):
                let p = Activation.sigmoid(v)
                let ce = (1 - t) * v + logOnePlusExpMinus
                let pt = p * t + (1 - p) * (1 - t)
                let a = Double(alpha)
                let weight = a >= 0 ? a * t + (1 - a) * (1 - t) : 1
                total += weight * ce * pow(1 - pt, Double(gamma))
            }
        }
        return total / Double(x.count)
    }
}
