import CNeuralKernels
import CrimeCore
import Foundation

/// One ConvLSTM layer run over a sequence: input `[batch, time, h, w, in]` (channels-last), output the
/// hidden states `[batch, time, h, w, hidden]`, zero initial states. At each step a 3×3 "same" convolution
/// over `concat(input, hidden)` gives 4·hidden channels, read as gates i, f, o, g (the mobility study's
/// order): `c = σ(f)·c + σ(i)·tanh(g)`, `h = σ(o)·tanh(c)`. Parameters `prefix.conv.weight`
/// [4·hidden, in + hidden, 3, 3] and `prefix.conv.bias` [4·hidden].
public struct ConvLSTMLayer: NNLayer {
    /// Positions of the gate convolution's weight and bias.
    public let weight: Int, bias: Int
    /// Input and hidden channels.
    public let inputs: Int, hidden: Int

    /// Registers `prefix.conv.weight` and `prefix.conv.bias` with `nn.Conv2d`'s default initialisation.
    public init(_ prefix: String, inputs: Int, hidden: Int, in parameters: inout ParameterSet,
                initializer: inout PyTorchInitializer) throws {
        let conv = try Conv2DLayer("\(prefix).conv", inputs: inputs + hidden, outputs: 4 * hidden, in: &parameters, initializer: &initializer)
        (weight, bias, self.inputs, self.hidden) = (conv.weight, conv.bias, inputs, hidden)
    }

    /// Binds to `prefix.conv.weight` [4·hidden, in + hidden, 3, 3], reading the sizes from it.
    public init(bindingTo prefix: String, in parameters: ParameterSet) throws {
        let conv = try Conv2DLayer(bindingTo: "\(prefix).conv", in: parameters)
        hidden = conv.outputs / 4
        guard conv.outputs % 4 == 0, conv.inputs > hidden else {
            throw NNError.wrongShape(tensor: "\(prefix).conv.weight", expected: "[4·hidden, in + hidden, 3, 3]", got: parameters.shapes[conv.weight])
        }
        (weight, bias, inputs) = (conv.weight, conv.bias, conv.inputs - hidden)
    }

    /// Time-major input, activated gates, cell and hidden states.
    public struct Cache: Sendable {
        let input: [Float], gates: [Float], cells: [Float], states: [Float]
        let batch: Int, steps: Int, height: Int, width: Int
    }

    /// The gate convolution over `concat(input, hidden)` and its adjoint (gradient onto input and hidden).
    private func gateConvolution(_ h: Int, _ w: Int) -> Winograd3x3 {
        Winograd3x3(height: h, width: w, sources: [inputs, hidden], destinations: [4 * hidden])
    }

    private func adjointConvolution(_ h: Int, _ w: Int) -> Winograd3x3 {
        Winograd3x3(height: h, width: w, sources: [4 * hidden], destinations: [inputs, hidden])
    }

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache) {
        guard x.shape.count == 5, x.shape[4] == inputs, x.shape[1] > 0 else {
            throw NNError.wrongShape(tensor: context.parameters.names[weight] + " input", expected: "[batch, time, h, w, \(inputs)]", got: x.shape)
        }
        let (b, t, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let input = swapLeadingAxes(x.storage, b, t, inner: h * w * inputs)
        let (gates, cells, states) = run(input, batch: b, steps: t, height: h, width: w, context.parameters, keep: context.training)
        let y = swapLeadingAxes(states, t, b, inner: h * w * hidden)
        return (Tensor(unchecked: [b, t, h, w, hidden], y),
                Cache(input: input, gates: gates, cells: cells, states: states, batch: b, steps: t, height: h, width: w))
    }

    /// Evaluation mode on a time-major input `[time, batch, h, w, in]`: the hidden states, time-major
    /// `[time, batch, h, w, hidden]`, without the axis swaps and the cache of ``forward(_:_:)``.
    func evaluateTimeMajor(_ input: [Float], batch b: Int, steps t: Int, height h: Int, width w: Int, _ parameters: ParameterSet) -> [Float] {
        run(input, batch: b, steps: t, height: h, width: w, parameters, keep: false).states
    }

    /// The step loop over a time-major input: gates, cells and hidden states, all time-major. With `keep`
    /// (training) every step's gates and cells are kept for the backward pass; otherwise one step's gates
    /// and two steps' cells.
    private func run(_ input: [Float], batch b: Int, steps t: Int, height h: Int, width w: Int, _ parameters: ParameterSet,
                     keep: Bool) -> (gates: [Float], cells: [Float], states: [Float]) {
        let n = b * h * w, g4 = 4 * hidden
        let conv = gateConvolution(h, w)
        let u = conv.transformWeight(parameters.values[weight], adjoint: false)
        // every step writes its gates, cell and state for all pixels before anything reads them
        var gates = overwrittenFloats((keep ? t : 1) * n * g4)
        var cells = overwrittenFloats((keep ? t : 2) * n * hidden)
        var states = overwrittenFloats(t * n * hidden)
        let zeros = [Float](repeating: 0, count: n * hidden)
        var scratch = [Float](repeating: 0, count: conv.scratchCount(images: b))
        input.withUnsafeBufferPointer { xb in
            u.withUnsafeBufferPointer { ub in
                parameters.values[bias].withUnsafeBufferPointer { bb in
                    gates.withUnsafeMutableBufferPointer { gb in
                        cells.withUnsafeMutableBufferPointer { cb in
                            states.withUnsafeMutableBufferPointer { hb in
                                zeros.withUnsafeBufferPointer { zb in
                                    scratch.withUnsafeMutableBufferPointer { sb in
                                        for s in 0..<t {
                                            let xs = UnsafeBufferPointer(rebasing: xb[(s * n * inputs)..<((s + 1) * n * inputs)])
                                            let hPrev = s > 0 ? UnsafeBufferPointer(rebasing: hb[((s - 1) * n * hidden)..<(s * n * hidden)]) : zb
                                            let slot = keep ? s : 0
                                            let g = UnsafeMutableBufferPointer(rebasing: gb[(slot * n * g4)..<((slot + 1) * n * g4)])
                                            let (current, previous) = keep ? (s, s - 1) : (s % 2, (s + 1) % 2)
                                            let cPrev = s > 0 ? UnsafeBufferPointer(rebasing: cb[(previous * n * hidden)..<((previous + 1) * n * hidden)]) : zb
                                            let cell = UnsafeMutableBufferPointer(rebasing: cb[(current * n * hidden)..<((current + 1) * n * hidden)])
                                            let state = UnsafeMutableBufferPointer(rebasing: hb[(s * n * hidden)..<((s + 1) * n * hidden)])
                                            conv.run([xs, hPrev], images: b, weight: ub, bias: bb, into: [g], scratch: sb) { rows in
                                                activate(g, cellPrevious: cPrev, cell: cell, state: state, pixels: rows)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (gates, cells, states)
    }

    /// Turns one step's pre-activations into gates (in place) and writes the step's cell and hidden states,
    /// for the pixel rows `pixels`.
    private func activate(_ g: UnsafeMutableBufferPointer<Float>, cellPrevious cp: UnsafeBufferPointer<Float>,
                          cell cb: UnsafeMutableBufferPointer<Float>, state hb: UnsafeMutableBufferPointer<Float>, pixels: Range<Int>) {
        guard let gp = g.baseAddress, let cpp = cp.baseAddress, let cbp = cb.baseAddress, let hp = hb.baseAddress else { return }
        let first = pixels.lowerBound
        nk_convlstm_cell(gp + first * 4 * hidden, cpp + first * hidden, cbp + first * hidden, hp + first * hidden, pixels.count, hidden)
    }

    public func backward(_ dy: Tensor, _ cache: Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let (b, t, h, w) = (cache.batch, cache.steps, cache.height, cache.width)
        let n = b * h * w, g4 = 4 * hidden
        let upstream = swapLeadingAxes(dy.storage, b, t, inner: h * w * hidden)
        // both gradients go through Winograd: the kernel's in the transformed domain (summed over steps,
        // mapped back once), the inputs' through the adjoint convolution
        let gate = gateConvolution(h, w), adjoint = adjointConvolution(h, w)
        let u = adjoint.transformWeight(parameters.values[weight], adjoint: true)
        var du = [Float](repeating: 0, count: 36 * (inputs + hidden) * g4)
        var dx = [Float](repeating: 0, count: t * n * inputs)
        var dGates = [Float](repeating: 0, count: n * g4)
        // dh flows back through the convolution into `dhPrev`; `dhNext` holds the previous step's result
        var dhNext = [Float](repeating: 0, count: n * hidden), dhPrev = dhNext, dcNext = dhNext
        let zeros = dhNext
        var scratch = [Float](repeating: 0, count: max(adjoint.scratchCount(images: b), gate.weightScratchCount(images: b)))
        var biasGrad = gradients.values[bias]
        cache.input.withUnsafeBufferPointer { xb in
            cache.states.withUnsafeBufferPointer { hb in
                u.withUnsafeBufferPointer { ub in
                    for s in stride(from: t - 1, through: 0, by: -1) {
                        dGates.withUnsafeMutableBufferPointer { dg in
                            dhNext.withUnsafeBufferPointer { dhn in
                                dcNext.withUnsafeMutableBufferPointer { dcn in
                                    gateGradients(dg, cache, upstream: upstream, dhNext: dhn, dcNext: dcn, step: s, pixels: n)
                                }
                            }
                        }
                        let xs = UnsafeBufferPointer(rebasing: xb[(s * n * inputs)..<((s + 1) * n * inputs)])
                        zeros.withUnsafeBufferPointer { zb in
                            let hPrev = s > 0 ? UnsafeBufferPointer(rebasing: hb[((s - 1) * n * hidden)..<(s * n * hidden)]) : zb
                            dhPrev.withUnsafeMutableBufferPointer { dhp in
                                dx.withUnsafeMutableBufferPointer { dxb in
                                    let dxs = UnsafeMutableBufferPointer(rebasing: dxb[(s * n * inputs)..<((s + 1) * n * inputs)])
                                    dGates.withUnsafeBufferPointer { dg in
                                        du.withUnsafeMutableBufferPointer { dub in
                                            biasGrad.withUnsafeMutableBufferPointer { db in
                                                scratch.withUnsafeMutableBufferPointer { sb in
                                                    BLAS.accumulateColumnSums(dg, columns: g4, into: db)
                                                    gate.accumulateWeightGradient([xs, hPrev], dg, images: b, into: dub, scratch: sb)
                                                    adjoint.run([dg], images: b, weight: ub, bias: UnsafeBufferPointer(start: nil, count: 0),
                                                                into: [dxs, dhp], scratch: sb)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        swap(&dhNext, &dhPrev)
                    }
                }
            }
        }
        gradients.values[bias] = biasGrad
        WinogradTransforms.accumulateKernelGradient(du, inputs: inputs + hidden, outputs: g4, into: &gradients.values[weight])
        return Tensor(unchecked: [b, t, h, w, inputs], swapLeadingAxes(dx, t, b, inner: h * w * inputs))
    }

    /// One step's gradients with respect to the pre-activation gates; updates the running cell gradient.
    private func gateGradients(_ dg: UnsafeMutableBufferPointer<Float>, _ cache: Cache, upstream: [Float],
                               dhNext: UnsafeBufferPointer<Float>, dcNext: UnsafeMutableBufferPointer<Float>,
                               step s: Int, pixels n: Int) {
        let g4 = 4 * hidden
        cache.gates.withUnsafeBufferPointer { gates in
            cache.cells.withUnsafeBufferPointer { cells in
                upstream.withUnsafeBufferPointer { up in
                    guard let gp = gates.baseAddress, let cp = cells.baseAddress, let upp = up.baseAddress, let dhn = dhNext.baseAddress,
                          let dcn = dcNext.baseAddress, let dgp = dg.baseAddress else { return }
                    ParallelRows.forEach(count: n, minimumPart: 512) { pixels in
                        let r = pixels.lowerBound, cell = (s * n + r) * hidden
                        nk_convlstm_cell_backward(gp + (s * n + r) * g4, cp + cell, s > 0 ? cp + cell - n * hidden : nil, upp + cell,
                                                  dhn + r * hidden, dcn + r * hidden, dgp + r * g4, pixels.count, hidden)
                    }
                }
            }
        }
    }
}
