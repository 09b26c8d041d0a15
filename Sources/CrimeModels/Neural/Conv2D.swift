import CrimeCore

/// A 3×3 "same" convolution (padding 1, stride 1) over channels-last images `[n, h, w, in]`, with PyTorch's
/// `nn.Conv2d(in, out, 3, padding=1)` parameters: `weight` [out, in, 3, 3], `bias` [out].
public struct Conv2DLayer: NNLayer {
    /// Positions of the weight and bias in the parameter set.
    public let weight: Int, bias: Int
    /// Input and output channels.
    public let inputs: Int, outputs: Int

    /// Registers `prefix.weight` and `prefix.bias` with PyTorch's default initialisation (fan-in 9·in).
    public init(_ prefix: String, inputs: Int, outputs: Int, in parameters: inout ParameterSet,
                initializer: inout PyTorchInitializer) throws {
        self.inputs = inputs
        self.outputs = outputs
        weight = try parameters.add("\(prefix).weight", shape: [outputs, inputs, 3, 3],
                                    values: initializer.uniform(count: outputs * inputs * 9, fanIn: inputs * 9))
        bias = try parameters.add("\(prefix).bias", shape: [outputs], values: initializer.uniform(count: outputs, fanIn: inputs * 9))
    }

    /// Binds to existing `prefix.weight` [out, in, 3, 3] and `prefix.bias` [out].
    public init(bindingTo prefix: String, in parameters: ParameterSet) throws {
        let w = try parameters.require("\(prefix).weight", rank: 4)
        let s = parameters.shapes[w]
        guard s[2] == 3, s[3] == 3 else { throw NNError.wrongShape(tensor: "\(prefix).weight", expected: "[out, in, 3, 3]", got: s) }
        (weight, outputs, inputs) = (w, s[0], s[1])
        bias = try parameters.require("\(prefix).bias", shape: [outputs])
    }

    /// Keeps the input; the column matrix is rebuilt in the backward pass.
    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Tensor) {
        guard x.shape.count == 4, x.shape[3] == inputs else {
            throw NNError.wrongShape(tensor: context.parameters.names[weight] + " input", expected: "[n, h, w, \(inputs)]", got: x.shape)
        }
        let (n, h, w) = (x.shape[0], x.shape[1], x.shape[2])
        let op = Conv3x3Op(geometry: Im2Col(height: h, width: w, channels: [inputs]), outputs: outputs)
        let wp = Im2Col.permuteWeight(context.parameters.values[weight], outputs: outputs, channels: inputs)
        var y = [Float](repeating: 0, count: n * h * w * outputs)
        var col = [Float](repeating: 0, count: op.scratchCount(images: n))
        x.storage.withUnsafeBufferPointer { src in
            wp.withUnsafeBufferPointer { wb in
                context.parameters.values[bias].withUnsafeBufferPointer { bb in
                    y.withUnsafeMutableBufferPointer { out in
                        col.withUnsafeMutableBufferPointer { op.forward([src], images: n, weight: wb, bias: bb, into: out, scratch: $0) }
                    }
                }
            }
        }
        return (Tensor(unchecked: [n, h, w, outputs], y), x)
    }

    public func backward(_ dy: Tensor, _ x: Tensor, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let (n, h, w) = (x.shape[0], x.shape[1], x.shape[2])
        let op = Conv3x3Op(geometry: Im2Col(height: h, width: w, channels: [inputs]), outputs: outputs)
        let wp = Im2Col.permuteWeight(parameters.values[weight], outputs: outputs, channels: inputs)
        var dwp = [Float](repeating: 0, count: wp.count)
        var dx = [Float](repeating: 0, count: x.count)
        var col = [Float](repeating: 0, count: op.scratchCount(images: n)), dcol = col
        dy.storage.withUnsafeBufferPointer { g in
            x.storage.withUnsafeBufferPointer { src in
                wp.withUnsafeBufferPointer { wb in
                    dwp.withUnsafeMutableBufferPointer { dwb in
                        gradients.values[bias].withUnsafeMutableBufferPointer { db in
                            dx.withUnsafeMutableBufferPointer { d in
                                col.withUnsafeMutableBufferPointer { c in
                                    dcol.withUnsafeMutableBufferPointer { dc in
                                        op.backward(g, [src], images: n, weight: wb, weightGrad: dwb, biasGrad: db, sourceGrads: [d], scratch: c, scratch2: dc)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Im2Col.accumulateUnpermuted(dwp, outputs: outputs, channels: inputs, into: &gradients.values[weight])
        return Tensor(unchecked: x.shape, dx)
    }
}
