import CNeuralKernels
import CrimeCore

/// The CNN-LSTM's image block, fused: 3×3 "same" convolution → ReLU → batch norm → 2×2 max-pool over every
/// image of `[n, h, w, in]` (channels-last; the CNN-LSTM folds batch and time into `n`). It computes what
/// ``Conv2DLayer``, ``ActivationLayer``, ``BatchNormLayer`` and ``MaxPool2Layer`` compute one after the
/// other, over the same parameters, but in three sweeps over memory instead of a dozen, and it keeps only the
/// ReLU's output for the backward pass: batch norm's output and the pooling's choices are recomputed from it,
/// and the backward pass turns it, in place, into the convolution's output gradient.
///
/// The convolution runs by Winograd's F(4×4, 3×3) (``Winograd3x3``), or directly in C when the block is the
/// first (no input gradient needed) and has at most four input channels, where Winograd's products would be
/// too thin. Statistics and gradients are summed per image (or per fixed group of images) and added in
/// order, so results do not depend on the core count.
struct ConvPoolBlock {
    /// The convolution's and the batch norm's parameters.
    let conv: Conv2DLayer, norm: BatchNormLayer
    /// Whether ``backward(_:_:_:_:)`` returns the input's gradient (false for a block fed with data).
    let wantsInputGradient: Bool

    /// What the backward pass needs.
    struct Cache: Sendable {
        /// The block's input `[n, h, w, in]`.
        let input: Tensor
        /// The ReLU's output `[n, h, w, out]`; emptied by the backward pass, which reuses its memory.
        var activations: [Float]
        /// Per channel: the mean, 1/√(σ² + ε) and γ/√(σ² + ε) used by the batch norm (β is the parameter).
        let mean: [Float], inverseStd: [Float], scale: [Float]
        /// Whether batch statistics normalised (training) rather than the running ones.
        let batchStatistics: Bool
    }

    private var direct: Bool { !wantsInputGradient && conv.inputs <= 4 }

    /// The pooled output `[n, h/2, w/2, out]`; in training mode the running statistics move.
    func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache) {
        let (cin, cout) = (conv.inputs, conv.outputs)
        guard x.shape.count == 4, x.shape[3] == cin, x.shape[1] >= 2, x.shape[2] >= 2 else {
            throw NNError.wrongShape(tensor: context.parameters.names[conv.weight] + " input", expected: "[n, h ≥ 2, w ≥ 2, \(cin)]", got: x.shape)
        }
        let (n, h, w) = (x.shape[0], x.shape[1], x.shape[2])
        let pixels = h * w
        if context.training, n * pixels < 2 {
            throw NNError.wrongShape(tensor: context.parameters.names[norm.weight] + " input", expected: "more than one value per channel in training", got: x.shape)
        }
        var z = overwrittenFloats(n * pixels * cout)
        var sums = [Double](repeating: 0, count: 2 * n * cout)
        convolveWithReLU(x, images: n, height: h, width: w, context.parameters, into: &z, sums: &sums)

        var mean: [Double], variance: [Double]
        if context.training {
            let count = Double(n * pixels)
            let totals = Self.orderedSums(sums, parts: n, slots: 2, width: cout)
            (mean, variance) = (totals[0], totals[1])
            for c in 0..<cout {
                mean[c] /= count
                variance[c] = max(0, variance[c] / count - mean[c] * mean[c])
            }
            norm.updateRunningStatistics(mean: mean, variance: variance, count: n * pixels, &context.parameters)
        } else {
            mean = context.parameters.values[norm.runningMean].map { Double($0) }
            variance = context.parameters.values[norm.runningVariance].map { Double($0) }
        }
        let inverseStd = norm.inverseStandardDeviations(variance)
        let gamma = context.parameters.values[norm.weight]
        let cache = Cache(input: x, activations: z, mean: mean.map { Float($0) }, inverseStd: inverseStd,
                          scale: (0..<cout).map { gamma[$0] * inverseStd[$0] },
                          batchStatistics: context.training)

        let (ho, wo) = (h / 2, w / 2)
        var pooled = overwrittenFloats(n * ho * wo * cout)
        let shift = context.parameters.values[norm.bias]
        z.withUnsafeBufferPointer { r in
            pooled.withUnsafeMutableBufferPointer { out in
                guard let rp = r.baseAddress, let op = out.baseAddress else { return }
                ParallelRows.forEach(count: n, minimumPart: 1) { images in
                    for i in images {
                        nk_bn_maxpool(rp + i * pixels * cout, h, w, cout, cache.mean, cache.scale, shift, op + i * ho * wo * cout)
                    }
                }
            }
        }
        return (Tensor(unchecked: [n, ho, wo, cout], pooled), cache)
    }

    /// Writes ReLU(conv(x) + bias) to `z` and each image's per-channel Σ and Σ² to `sums` (image i's at
    /// `2i·out` and `(2i + 1)·out`).
    private func convolveWithReLU(_ x: Tensor, images n: Int, height h: Int, width w: Int, _ parameters: ParameterSet,
                                  into z: inout [Float], sums: inout [Double]) {
        let (cin, cout, pixels) = (conv.inputs, conv.outputs, h * w)
        let weights = parameters.values[conv.weight], bias = parameters.values[conv.bias]
        x.storage.withUnsafeBufferPointer { xb in
            z.withUnsafeMutableBufferPointer { zb in
                sums.withUnsafeMutableBufferPointer { sb in
                    guard let xp = xb.baseAddress, let zp = zb.baseAddress, let sp = sb.baseAddress else { return }
                    let reluAndSums = { (images: Range<Int>) in
                        for i in images {
                            nk_relu_channel_sums(zp + i * pixels * cout, pixels, cout, sp + 2 * i * cout, sp + (2 * i + 1) * cout)
                        }
                    }
                    if direct {
                        let kernel = Self.directLayout(weights, inputs: cin, outputs: cout)
                        ParallelRows.forEach(count: n, minimumPart: 1) { images in
                            for i in images {
                                nk_conv3x3_direct(xp + i * pixels * cin, h, w, cin, kernel, bias, zp + i * pixels * cout, cout)
                                reluAndSums(i..<(i + 1))
                            }
                        }
                        return
                    }
                    let winograd = Winograd3x3(height: h, width: w, sources: [cin], destinations: [cout])
                    let u = winograd.transformWeight(weights, adjoint: false)
                    var scratch = overwrittenFloats(winograd.scratchCount(images: n))
                    u.withUnsafeBufferPointer { ub in
                        bias.withUnsafeBufferPointer { bb in
                            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                                winograd.run([xb], images: n, weight: ub, bias: bb, into: [zb], scratch: scratchBuffer) { rows in
                                    reluAndSums((rows.lowerBound / pixels)..<(rows.upperBound / pixels))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds the parameter gradients for the pooled output's gradient `dy` and returns the input's gradient
    /// (nil when ``wantsInputGradient`` is false). Consumes the cache's activations.
    func backward(_ dy: Tensor, _ cache: inout Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor? {
        let x = cache.input
        let (n, h, w) = (x.shape[0], x.shape[1], x.shape[2])
        let (cout, pixels, pooledPixels) = (conv.outputs, h * w, (h / 2) * (w / 2))
        var dz = [Float]()
        swap(&dz, &cache.activations)
        let shift = parameters.values[norm.bias]
        // pass 1: Σ dy and Σ dy·x̂ per channel, per image
        var sums = [Double](repeating: 0, count: 2 * n * cout)
        dz.withUnsafeBufferPointer { r in
            dy.storage.withUnsafeBufferPointer { g in
                sums.withUnsafeMutableBufferPointer { s in
                    guard let rp = r.baseAddress, let gp = g.baseAddress, let sp = s.baseAddress else { return }
                    ParallelRows.forEach(count: n, minimumPart: 1) { images in
                        for i in images {
                            nk_bn_maxpool_backward_sums(rp + i * pixels * cout, gp + i * pooledPixels * cout, h, w, cout, cache.mean, cache.scale,
                                                        shift, cache.inverseStd, sp + 2 * i * cout, sp + (2 * i + 1) * cout)
                        }
                    }
                }
            }
        }
        let totals = Self.orderedSums(sums, parts: n, slots: 2, width: cout)
        let (sumDy, sumDyXhat) = (totals[0], totals[1])
        for k in 0..<cout {
            gradients.values[norm.weight][k] += Float(sumDyXhat[k])
            gradients.values[norm.bias][k] += Float(sumDy[k])
        }
        let count = Double(n * pixels)
        let meanDy = cache.batchStatistics ? sumDy.map { Float($0 / count) } : [Float](repeating: 0, count: cout)
        let meanDyXhat = cache.batchStatistics ? sumDyXhat.map { Float($0 / count) } : [Float](repeating: 0, count: cout)
        // pass 2: the activations become the convolution's output gradient; Σ of it per image
        var biasSums = [Double](repeating: 0, count: n * cout)
        dz.withUnsafeMutableBufferPointer { r in
            dy.storage.withUnsafeBufferPointer { g in
                biasSums.withUnsafeMutableBufferPointer { s in
                    guard let rp = r.baseAddress, let gp = g.baseAddress, let sp = s.baseAddress else { return }
                    ParallelRows.forEach(count: n, minimumPart: 1) { images in
                        for i in images {
                            nk_bn_maxpool_relu_backward(rp + i * pixels * cout, gp + i * pooledPixels * cout, h, w, cout, cache.mean, cache.scale,
                                                        shift, cache.inverseStd, meanDy, meanDyXhat, sp + i * cout)
                        }
                    }
                }
            }
        }
        let biasGradient = Self.orderedSums(biasSums, parts: n, slots: 1, width: cout)[0]
        for k in 0..<cout { gradients.values[conv.bias][k] += Float(biasGradient[k]) }
        return convolutionGradients(dz, input: x, parameters, &gradients)
    }

    /// Adds the kernel's gradient for the convolution's output gradient `dz` and returns the input's.
    private func convolutionGradients(_ dz: [Float], input x: Tensor, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor? {
        let (n, h, w) = (x.shape[0], x.shape[1], x.shape[2])
        let (cin, cout, pixels) = (conv.inputs, conv.outputs, h * w)
        if direct {
            // fixed groups of images, each summed on one core, added in order
            let groups = min(8, n), size = 9 * cin * cout
            var partials = [Double](repeating: 0, count: groups * size)
            x.storage.withUnsafeBufferPointer { xb in
                dz.withUnsafeBufferPointer { gb in
                    partials.withUnsafeMutableBufferPointer { pb in
                        guard let xp = xb.baseAddress, let gp = gb.baseAddress, let pp = pb.baseAddress else { return }
                        ParallelRows.forEach(count: groups, minimumPart: 1) { part in
                            for group in part {
                                for i in (group * n / groups)..<((group + 1) * n / groups) {
                                    nk_conv3x3_direct_gradient(xp + i * pixels * cin, gp + i * pixels * cout, h, w, cin, cout, pp + group * size)
                                }
                            }
                        }
                    }
                }
            }
            let total = Self.orderedSums(partials, parts: groups, slots: 1, width: size)[0]
            for o in 0..<cout {
                for c in 0..<cin {
                    for tap in 0..<9 { gradients.values[conv.weight][(o * cin + c) * 9 + tap] += Float(total[(tap * cin + c) * cout + o]) }
                }
            }
            return nil
        }
        let forward = Winograd3x3(height: h, width: w, sources: [cin], destinations: [cout])
        let adjoint = Winograd3x3(height: h, width: w, sources: [cout], destinations: [cin])
        var du = [Float](repeating: 0, count: 36 * cin * cout)
        var dx = wantsInputGradient ? overwrittenFloats(n * pixels * cin) : []
        var scratch = overwrittenFloats(max(forward.weightScratchCount(images: n), wantsInputGradient ? adjoint.scratchCount(images: n) : 0))
        let u = wantsInputGradient ? adjoint.transformWeight(parameters.values[conv.weight], adjoint: true) : []
        x.storage.withUnsafeBufferPointer { xb in
            dz.withUnsafeBufferPointer { gb in
                du.withUnsafeMutableBufferPointer { dub in
                    scratch.withUnsafeMutableBufferPointer { sb in
                        forward.accumulateWeightGradient([xb], gb, images: n, into: dub, scratch: sb)
                        guard wantsInputGradient else { return }
                        u.withUnsafeBufferPointer { ub in
                            dx.withUnsafeMutableBufferPointer { dxb in
                                adjoint.run([gb], images: n, weight: ub, bias: UnsafeBufferPointer(start: nil, count: 0), into: [dxb], scratch: sb)
                            }
                        }
                    }
                }
            }
        }
        WinogradTransforms.accumulateKernelGradient(du, inputs: cin, outputs: cout, into: &gradients.values[conv.weight])
        return wantsInputGradient ? Tensor(unchecked: x.shape, dx) : nil
    }

    /// Per slot, the sum over `parts` consecutive records of `slots` vectors of `width` values each, added
    /// in part order, so that the result does not depend on how the parts were shared out over the cores.
    private static func orderedSums(_ partials: [Double], parts: Int, slots: Int, width: Int) -> [[Double]] {
        var sums = [[Double]](repeating: [Double](repeating: 0, count: width), count: slots)
        for part in 0..<parts {
            for slot in 0..<slots {
                for k in 0..<width { sums[slot][k] += partials[(part * slots + slot) * width + k] }
            }
        }
        return sums
    }

    /// A PyTorch kernel `[out, in, 3, 3]` laid out `[(ky, kx, in), out]` for the direct convolution.
    private static func directLayout(_ w: [Float], inputs: Int, outputs: Int) -> [Float] {
        var p = [Float](repeating: 0, count: w.count)
        for o in 0..<outputs {
            for c in 0..<inputs {
                for tap in 0..<9 { p[(tap * inputs + c) * outputs + o] = w[(o * inputs + c) * 9 + tap] }
            }
        }
        return p
    }
}
