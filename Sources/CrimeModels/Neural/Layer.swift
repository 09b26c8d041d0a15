import CrimeCore

/// A layer with a hand-written forward and backward pass.
///
/// `forward` returns the output and whatever the backward pass needs (the cache); `backward` takes the
/// gradient of the loss with respect to the output, adds the parameter gradients into `gradients`, and
/// returns the gradient with respect to the input.
public protocol NNLayer: Sendable {
    /// What the backward pass keeps from the forward pass.
    associatedtype Cache
    /// The output and the cache for `backward`.
    func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache)
    /// The gradient with respect to the input; parameter gradients are added to `gradients`.
    func backward(_ dy: Tensor, _ cache: Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor
}

/// Applies a layer to every time step: `[batch, time, …]` is folded to `[batch·time, …]`, passed through
/// the layer, and unfolded again. Batch norm inside sees statistics over batch and time together.
public struct TimeDistributed<Inner: NNLayer>: NNLayer {
    /// The layer applied at every step.
    public let inner: Inner

    /// Wraps a layer.
    public init(_ inner: Inner) { self.inner = inner }

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Inner.Cache) {
        guard x.shape.count >= 2 else { throw NNError.wrongShape(tensor: "time-distributed input", expected: "[batch, time, …]", got: x.shape) }
        let (b, t) = (x.shape[0], x.shape[1])
        let (y, cache) = try inner.forward(x.reshaped(unchecked: [b * t] + x.shape.dropFirst(2)), &context)
        return (y.reshaped(unchecked: [b, t] + y.shape.dropFirst()), cache)
    }

    public func backward(_ dy: Tensor, _ cache: Inner.Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let (b, t) = (dy.shape[0], dy.shape[1])
        let dx = inner.backward(dy.reshaped(unchecked: [b * t] + dy.shape.dropFirst(2)), cache, parameters, &gradients)
        return dx.reshaped(unchecked: [b, t] + dx.shape.dropFirst())
    }
}
