import CrimeCore

/// Inverted dropout: in training mode each entry is zeroed with probability `p` and survivors are scaled
/// by 1/(1−p); in evaluation mode it is the identity. Masks come from the context's seeded generator.
public struct DropoutLayer: NNLayer {
    /// The drop probability.
    public let p: Float

    /// A dropout layer; throws unless 0 ≤ p < 1.
    public init(p: Float) throws {
        guard p >= 0, p < 1 else { throw NNError.invalidOption(name: "dropout", reason: "must be in [0, 1), got \(p)") }
        self.p = p
    }

    /// The per-entry scale (empty when the layer was the identity).
    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, [Float]) {
        guard context.training, p > 0 else { return (x, []) }
        let keep = 1 / (1 - p)
        var mask = [Float](repeating: 0, count: x.count)
        for i in mask.indices where context.generator.nextUniform() >= Double(p) { mask[i] = keep }
        var y = x
        y.storage.withUnsafeMutableBufferPointer { d in mask.withUnsafeBufferPointer { m in for i in d.indices { d[i] *= m[i] } } }
        return (y, mask)
    }

    public func backward(_ dy: Tensor, _ mask: [Float], _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        guard !mask.isEmpty else { return dy }
        var dx = dy
        dx.storage.withUnsafeMutableBufferPointer { d in mask.withUnsafeBufferPointer { m in for i in d.indices { d[i] *= m[i] } } }
        return dx
    }
}
