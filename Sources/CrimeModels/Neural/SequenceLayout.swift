import CrimeCore

/// Swaps the first two axes of a `[a, b, inner]` block: batch-first ⇄ time-major.
func swapLeadingAxes(_ x: [Float], _ a: Int, _ b: Int, inner: Int) -> [Float] {
    guard inner > 0, a > 0, b > 0 else { return x }
    return [Float](unsafeUninitializedCapacity: x.count) { dst, initialized in
        x.withUnsafeBufferPointer { src in
            guard let from = src.baseAddress, let to = dst.baseAddress else { return }
            // every (i, j) block is copied exactly once, so the whole buffer ends up initialised
            ParallelRows.forEach(count: a, minimumPart: max(1, (1 << 16) / max(1, b * inner))) { rows in
                for i in rows {
                    for j in 0..<b { (to + (j * a + i) * inner).initialize(from: from + (i * b + j) * inner, count: inner) }
                }
            }
        }
        initialized = x.count
    }
}

/// `count` floats left as the allocator gives them, for buffers that a layer overwrites entirely before
/// reading (saves zeroing hundreds of megabytes per training step).
func overwrittenFloats(_ count: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
}

/// Selects the last time step of a batch-first sequence `[batch, time, …]` → `[batch, …]`.
public struct LastStepLayer: NNLayer {
    /// A selector.
    public init() {}

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, [Int]) {
        guard x.shape.count >= 2, x.shape[1] > 0 else { throw NNError.wrongShape(tensor: "sequence", expected: "[batch, time ≥ 1, …]", got: x.shape) }
        let (b, t) = (x.shape[0], x.shape[1])
        let inner = x.count / max(1, b * t)
        var y = [Float](repeating: 0, count: b * inner)
        for i in 0..<b { for k in 0..<inner { y[i * inner + k] = x.storage[(i * t + t - 1) * inner + k] } }
        return (Tensor(unchecked: [b] + x.shape.dropFirst(2), y), x.shape)
    }

    public func backward(_ dy: Tensor, _ shape: [Int], _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        var dx = Tensor(zeros: shape)
        let (b, t) = (shape[0], shape[1])
        let inner = dx.count / max(1, b * t)
        for i in 0..<b { for k in 0..<inner { dx.storage[(i * t + t - 1) * inner + k] = dy.storage[i * inner + k] } }
        return dx
    }
}
