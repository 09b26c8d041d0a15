import CrimeCore
import Foundation

/// PyTorch's `nn.LSTM(batch_first=True)` with stacked layers: input `[batch, time, features]`, output the
/// top layer's hidden states `[batch, time, hidden]`, zero initial states. Gates are ordered i, f, g, o
/// along `weight_ih_l{k}` [4·hidden, in] and `weight_hh_l{k}` [4·hidden, hidden]; both bias vectors
/// `bias_ih_l{k}` and `bias_hh_l{k}` are added.
public struct LSTMLayer: NNLayer {
    /// Positions of each layer's `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
    public let weights: [(ih: Int, hh: Int, biasIH: Int, biasHH: Int)]
    /// Input features and hidden size.
    public let inputs: Int, hidden: Int

    /// Registers `prefix.weight_ih_l{k}` … for `layers` layers, every entry from `U(±1/√hidden)`.
    public init(_ prefix: String, inputs: Int, hidden: Int, layers: Int, in parameters: inout ParameterSet,
                initializer: inout PyTorchInitializer) throws {
        self.inputs = inputs
        self.hidden = hidden
        let bound = 1 / Double(hidden).squareRoot()
        var w: [(Int, Int, Int, Int)] = []
        for k in 0..<layers {
            let width = k == 0 ? inputs : hidden
            let ih = try parameters.add("\(prefix).weight_ih_l\(k)", shape: [4 * hidden, width], values: initializer.uniform(count: 4 * hidden * width, bound: bound))
            let hh = try parameters.add("\(prefix).weight_hh_l\(k)", shape: [4 * hidden, hidden], values: initializer.uniform(count: 4 * hidden * hidden, bound: bound))
            let bi = try parameters.add("\(prefix).bias_ih_l\(k)", shape: [4 * hidden], values: initializer.uniform(count: 4 * hidden, bound: bound))
            let bh = try parameters.add("\(prefix).bias_hh_l\(k)", shape: [4 * hidden], values: initializer.uniform(count: 4 * hidden, bound: bound))
            w.append((ih, hh, bi, bh))
        }
        weights = w
    }

    /// Binds to `prefix.*_l0`, `_l1`, … as present, reading sizes from `weight_ih_l0`.
    public init(bindingTo prefix: String, in parameters: ParameterSet) throws {
        let first = try parameters.require("\(prefix).weight_ih_l0", rank: 2)
        let s = parameters.shapes[first]
        guard s[0] % 4 == 0 else { throw NNError.wrongShape(tensor: "\(prefix).weight_ih_l0", expected: "[4·hidden, in]", got: s) }
        hidden = s[0] / 4
        inputs = s[1]
        var w: [(Int, Int, Int, Int)] = []
        var k = 0
        while parameters.position(of: "\(prefix).weight_ih_l\(k)") != nil {
            let ih = try parameters.require("\(prefix).weight_ih_l\(k)", shape: [4 * hidden, k == 0 ? inputs : hidden])
            let hh = try parameters.require("\(prefix).weight_hh_l\(k)", shape: [4 * hidden, hidden])
            let bi = try parameters.require("\(prefix).bias_ih_l\(k)", shape: [4 * hidden])
            let bh = try parameters.require("\(prefix).bias_hh_l\(k)", shape: [4 * hidden])
            w.append((ih, hh, bi, bh))
            k += 1
        }
        weights = w
    }

    /// Per layer, time-major: the input, the activated gates, the cell states and the hidden states.
    public struct Cache: Sendable {
        let inputs: [[Float]], gates: [[Float]], cells: [[Float]], states: [[Float]]
        let batch: Int, steps: Int
    }

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache) {
        guard x.shape.count == 3, x.shape[2] == inputs, x.shape[1] > 0 else {
            throw NNError.wrongShape(tensor: context.parameters.names[weights[0].ih] + " input", expected: "[batch, time, \(inputs)]", got: x.shape)
        }
        let (b, t) = (x.shape[0], x.shape[1])
        var layerInput = swapLeadingAxes(x.storage, b, t, inner: inputs)
        var caches: ([[Float]], [[Float]], [[Float]], [[Float]]) = ([], [], [], [])
        for (k, w) in weights.enumerated() {
            let width = k == 0 ? inputs : hidden
            let (gates, cells, states) = stepForward(layerInput, width: width, batch: b, steps: t, w, context.parameters)
            caches.0.append(layerInput)
            caches.1.append(gates)
            caches.2.append(cells)
            caches.3.append(states)
            layerInput = states
        }
        let cache = Cache(inputs: caches.0, gates: caches.1, cells: caches.2, states: caches.3, batch: b, steps: t)
        return (Tensor(unchecked: [b, t, hidden], swapLeadingAxes(layerInput, t, b, inner: hidden)), cache)
    }

    private func stepForward(_ x: [Float], width: Int, batch b: Int, steps t: Int, _ w: (ih: Int, hh: Int, biasIH: Int, biasHH: Int),
                             _ p: ParameterSet) -> ([Float], [Float], [Float]) {
        let g4 = 4 * hidden
        var gates = [Float](repeating: 0, count: t * b * g4)
        var cells = [Float](repeating: 0, count: t * b * hidden), states = cells
        let bias = zip(p.values[w.biasIH], p.values[w.biasHH]).map { $0 + $1 }
        x.withUnsafeBufferPointer { xb in
            p.values[w.ih].withUnsafeBufferPointer { wih in
                gates.withUnsafeMutableBufferPointer { gb in
                    BLAS.gemm(false, true, m: t * b, n: g4, k: width, xb, wih, beta: 0, gb)
                    bias.withUnsafeBufferPointer { BLAS.addRowBias(gb, columns: g4, $0) }
                }
            }
        }
        p.values[w.hh].withUnsafeBufferPointer { whh in
            gates.withUnsafeMutableBufferPointer { gb in
                cells.withUnsafeMutableBufferPointer { cb in
                    states.withUnsafeMutableBufferPointer { hb in
                        for s in 0..<t {
                            let g = UnsafeMutableBufferPointer(rebasing: gb[(s * b * g4)..<((s + 1) * b * g4)])
                            if s > 0 {
                                let hPrev = UnsafeBufferPointer(rebasing: hb[((s - 1) * b * hidden)..<(s * b * hidden)])
                                BLAS.gemm(false, true, m: b, n: g4, k: hidden, hPrev, whh, beta: 1, g)
                            }
                            for r in 0..<b {
                                let row = r * g4, cell = (s * b + r) * hidden, prev = cell - b * hidden
                                for j in 0..<hidden {
                                    let i = sigmoid(g[row + j]), f = sigmoid(g[row + hidden + j])
                                    let gg = tanhFast(g[row + 2 * hidden + j]), o = sigmoid(g[row + 3 * hidden + j])
                                    (g[row + j], g[row + hidden + j], g[row + 2 * hidden + j], g[row + 3 * hidden + j]) = (i, f, gg, o)
                                    let c = f * (s > 0 ? cb[prev + j] : 0) + i * gg
                                    cb[cell + j] = c
                                    hb[cell + j] = o * tanhFast(c)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (gates, cells, states)
    }

    public func backward(_ dy: Tensor, _ cache: Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let (b, t) = (cache.batch, cache.steps)
        var upstream = swapLeadingAxes(dy.storage, b, t, inner: hidden)
        for k in stride(from: weights.count - 1, through: 0, by: -1) {
            upstream = layerBackward(upstream, layer: k, cache, parameters, &gradients)
        }
        return Tensor(unchecked: [b, t, inputs], swapLeadingAxes(upstream, t, b, inner: inputs))
    }

    /// Back-propagation through time for one layer; returns the time-major input gradient.
    private func layerBackward(_ dh: [Float], layer k: Int, _ cache: Cache, _ p: ParameterSet, _ grads: inout Gradients) -> [Float] {
        let (b, t, g4) = (cache.batch, cache.steps, 4 * hidden)
        let w = weights[k]
        let width = k == 0 ? inputs : hidden
        var dGates = [Float](repeating: 0, count: t * b * g4)
        var dhNext = [Float](repeating: 0, count: b * hidden), dcNext = dhNext
        let gates = cache.gates[k], cells = cache.cells[k], states = cache.states[k]
        p.values[w.hh].withUnsafeBufferPointer { whh in
            dGates.withUnsafeMutableBufferPointer { dg in
                for s in stride(from: t - 1, through: 0, by: -1) {
                    for r in 0..<b {
                        let row = (s * b + r) * g4, cell = (s * b + r) * hidden
                        for j in 0..<hidden {
                            let i = gates[row + j], f = gates[row + hidden + j], gg = gates[row + 2 * hidden + j], o = gates[row + 3 * hidden + j]
                            let tc = tanhFast(cells[cell + j])
                            let h = dh[cell + j] + dhNext[r * hidden + j]
                            let dc = h * o * (1 - tc * tc) + dcNext[r * hidden + j]
                            let cPrev: Float = s > 0 ? cells[cell - b * hidden + j] : 0
                            dg[row + j] = dc * gg * i * (1 - i)
                            dg[row + hidden + j] = dc * cPrev * f * (1 - f)
                            dg[row + 2 * hidden + j] = dc * i * (1 - gg * gg)
                            dg[row + 3 * hidden + j] = h * tc * o * (1 - o)
                            dcNext[r * hidden + j] = dc * f
                        }
                    }
                    let step = UnsafeBufferPointer(rebasing: dg[(s * b * g4)..<((s + 1) * b * g4)])
                    dhNext.withUnsafeMutableBufferPointer { BLAS.gemm(false, false, m: b, n: hidden, k: g4, step, whh, beta: 0, $0) }
                }
            }
        }
        var dx = [Float](repeating: 0, count: t * b * width)
        dGates.withUnsafeBufferPointer { dg in
            if t > 1 {
                let later = UnsafeBufferPointer(rebasing: dg[(b * g4)...])
                states.withUnsafeBufferPointer { hb in
                    grads.values[w.hh].withUnsafeMutableBufferPointer {
                        BLAS.gemm(true, false, m: g4, n: hidden, k: (t - 1) * b, later, UnsafeBufferPointer(rebasing: hb[..<((t - 1) * b * hidden)]), beta: 1, $0)
                    }
                }
            }
            cache.inputs[k].withUnsafeBufferPointer { xb in
                grads.values[w.ih].withUnsafeMutableBufferPointer { BLAS.gemm(true, false, m: g4, n: width, k: t * b, dg, xb, beta: 1, $0) }
            }
            grads.values[w.biasIH].withUnsafeMutableBufferPointer { BLAS.accumulateColumnSums(dg, columns: g4, into: $0) }
            grads.values[w.biasHH].withUnsafeMutableBufferPointer { BLAS.accumulateColumnSums(dg, columns: g4, into: $0) }
            p.values[w.ih].withUnsafeBufferPointer { wih in
                dx.withUnsafeMutableBufferPointer { BLAS.gemm(false, false, m: t * b, n: width, k: g4, dg, wih, beta: 0, $0) }
            }
        }
        return dx
    }
}
