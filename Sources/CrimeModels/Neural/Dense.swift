import CrimeCore

/// A fully connected layer `y = x·Wᵀ + b` over the last axis, with PyTorch's `nn.Linear` layout:
/// `weight` [out, in], `bias` [out].
public struct DenseLayer: NNLayer {
    /// Position of the weight in the parameter set.
    public let weight: Int
    /// Position of the bias in the parameter set.
    public let bias: Int
    /// Input and output widths.
    public let inputs: Int, outputs: Int

    /// Registers `prefix.weight` and `prefix.bias` with PyTorch's default initialisation.
    public init(_ prefix: String, inputs: Int, outputs: Int, in parameters: inout ParameterSet,
                initializer: inout PyTorchInitializer) throws {
        self.inputs = inputs
        self.outputs = outputs
        weight = try parameters.add("\(prefix).weight", shape: [outputs, inputs],
                                    values: initializer.uniform(count: outputs * inputs, fanIn: inputs))
        bias = try parameters.add("\(prefix).bias", shape: [outputs], values: initializer.uniform(count: outputs, fanIn: inputs))
    }

    /// Binds to existing `prefix.weight` and `prefix.bias`, reading the widths from the weight's shape.
    public init(bindingTo prefix: String, in parameters: ParameterSet) throws {
        let w = try parameters.require("\(prefix).weight", rank: 2)
        outputs = parameters.shapes[w][0]
        inputs = parameters.shapes[w][1]
        weight = w
        bias = try parameters.require("\(prefix).bias", shape: [outputs])
    }

    /// Keeps the input for the weight gradient.
    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Tensor) {
        guard let last = x.shape.last, last == inputs else {
            throw NNError.wrongShape(tensor: context.parameters.names[weight] + " input", expected: "[…, \(inputs)]", got: x.shape)
        }
        let rows = x.count / max(inputs, 1)
        var y = [Float](repeating: 0, count: rows * outputs)
        x.storage.withUnsafeBufferPointer { a in
            context.parameters.values[weight].withUnsafeBufferPointer { w in
                context.parameters.values[bias].withUnsafeBufferPointer { b in
                    y.withUnsafeMutableBufferPointer { c in
                        BLAS.gemm(false, true, m: rows, n: outputs, k: inputs, a, w, beta: 0, c)
                        BLAS.addRowBias(c, columns: outputs, b)
                    }
                }
            }
        }
        return (Tensor(unchecked: Array(x.shape.dropLast()) + [outputs], y), x)
    }

    public func backward(_ dy: Tensor, _ x: Tensor, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let rows = x.count / max(inputs, 1)
        var dx = [Float](repeating: 0, count: x.count)
        dy.storage.withUnsafeBufferPointer { g in
            x.storage.withUnsafeBufferPointer { a in
                parameters.values[weight].withUnsafeBufferPointer { w in
                    gradients.values[weight].withUnsafeMutableBufferPointer { dw in
                        BLAS.gemm(true, false, m: outputs, n: inputs, k: rows, g, a, beta: 1, dw)
                    }
                    gradients.values[bias].withUnsafeMutableBufferPointer { db in
                        BLAS.accumulateColumnSums(g, columns: outputs, into: db)
                    }
                    dx.withUnsafeMutableBufferPointer { d in
                        BLAS.gemm(false, false, m: rows, n: inputs, k: outputs, g, w, beta: 0, d)
                    }
                }
            }
        }
        return Tensor(unchecked: x.shape, dx)
    }
}
