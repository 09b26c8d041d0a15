import Foundation

/// Adam (Kingma & Ba) with PyTorch's defaults and update order: lr 1e-3, betas (0.9, 0.999), eps 1e-8,
/// `p −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + eps)`. Only trainable entries move.
public struct Adam: Sendable {
    /// The learning rate; schedulers change it between epochs.
    public var learningRate: Float
    /// Decay rates of the first and second moments.
    public let beta1: Float, beta2: Float
    /// Added to the denominator.
    public let epsilon: Float
    /// Steps taken so far.
    public private(set) var step = 0
    private var firstMoment: [[Float]] = [], secondMoment: [[Float]] = []

    /// An optimiser with PyTorch's default settings unless given.
    public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// Applies one update to the trainable entries of `parameters`.
    public mutating func update(_ parameters: inout ParameterSet, with gradients: Gradients) {
        if firstMoment.isEmpty {
            firstMoment = parameters.zeros()
            secondMoment = parameters.zeros()
        }
        step += 1
        let correction1 = 1 - pow(Double(beta1), Double(step))
        let correction2Root = Float((1 - pow(Double(beta2), Double(step))).squareRoot())
        let stepSize = Float(Double(learningRate) / correction1)
        for e in parameters.values.indices where parameters.trainable[e] {
            let g = gradients.values[e]
            parameters.values[e].withUnsafeMutableBufferPointer { p in
                firstMoment[e].withUnsafeMutableBufferPointer { m in
                    secondMoment[e].withUnsafeMutableBufferPointer { v in
                        for k in p.indices {
                            m[k] += (g[k] - m[k]) * (1 - beta1)
                            v[k] = v[k] * beta2 + (1 - beta2) * g[k] * g[k]
                            p[k] -= stepSize * m[k] / (v[k].squareRoot() / correction2Root + epsilon)
                        }
                    }
                }
            }
        }
    }
}

extension Gradients {
    /// Rescales all gradients so that their global norm is at most `maxNorm`, as
    /// `torch.nn.utils.clip_grad_norm_` does (coefficient `maxNorm / (norm + 1e-6)`, capped at 1).
    /// Returns the norm before clipping.
    @discardableResult
    public mutating func clip(maxNorm: Float) -> Double {
        let norm = globalNorm
        let coefficient = min(1, Double(maxNorm) / (norm + 1e-6))
        if coefficient < 1 {
            for e in values.indices { values[e].withUnsafeMutableBufferPointer { g in for k in g.indices { g[k] *= Float(coefficient) } } }
        }
        return norm
    }
}
