import CrimeCore
import Foundation

/// An element-wise activation: ReLU, tanh, logistic sigmoid or softplus (PyTorch's, threshold 20).
public struct ActivationLayer: NNLayer {
    /// The supported functions.
    public enum Kind: String, Sendable { case relu, tanh, sigmoid, softplus }
    /// Which function this layer applies.
    public let kind: Kind

    /// A layer applying `kind`.
    public init(_ kind: Kind) { self.kind = kind }

    /// Keeps the input (softplus) or the output (the others) for the backward pass.
    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Tensor) {
        var y = x
        y.storage.withUnsafeMutableBufferPointer { p in
            ParallelRows.forEach(count: p.count, minimumPart: 1 << 16) { part in
                switch kind {
                case .relu: for i in part where !(p[i] > 0) && !p[i].isNaN { p[i] = 0 }
                case .tanh: for i in part { p[i] = tanhFast(p[i]) }
                case .sigmoid: for i in part { p[i] = sigmoid(p[i]) }
                case .softplus: for i in part { p[i] = softplus(p[i]) }
                }
            }
        }
        return (y, kind == .softplus ? x : y)
    }

    public func backward(_ dy: Tensor, _ cache: Tensor, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        var dx = dy
        dx.storage.withUnsafeMutableBufferPointer { g in
            cache.storage.withUnsafeBufferPointer { c in
                ParallelRows.forEach(count: g.count, minimumPart: 1 << 16) { part in
                    switch kind {
                    case .relu: for i in part where !(c[i] > 0) { g[i] = 0 }
                    case .tanh: for i in part { g[i] *= 1 - c[i] * c[i] }
                    case .sigmoid: for i in part { g[i] *= c[i] * (1 - c[i]) }
                    case .softplus: for i in part where c[i] <= 20 { g[i] *= sigmoid(c[i]) }
                    }
                }
            }
        }
        return dx
    }
}
