import Foundation

/// Training losses, each the mean over all entries, with the gradient with respect to the predictions.
public enum Loss: Sendable, Equatable {
    /// Mean squared error, `nn.MSELoss()`.
    case meanSquaredError
    /// Binary cross-entropy on logits, `nn.BCEWithLogitsLoss(pos_weight: w)`: positives weigh `w`
    /// (the mobility study uses negatives ÷ positives).
    case binaryCrossEntropy(positiveWeight: Float)
    /// The focal loss on logits of Lin et al. (2017), as torchvision's `sigmoid_focal_loss(alpha, gamma)`:
    /// `α_t·(1 − p_t)^γ·BCE`; a negative `alpha` turns the class weighting off.
    case focal(alpha: Float, gamma: Float)

    /// The loss and its gradient with respect to `predictions`; throws for mismatched counts.
    public func evaluate(_ predictions: [Float], _ targets: [Float]) throws -> (loss: Double, gradient: [Float]) {
        guard predictions.count == targets.count, !predictions.isEmpty else {
            throw NNError.wrongShape(tensor: "targets", expected: "\(predictions.count) values like the predictions", got: [targets.count])
        }
        let n = Double(predictions.count)
        var total = 0.0
        var grad = [Float](repeating: 0, count: predictions.count)
        for k in predictions.indices {
            let x = Double(predictions[k]), y = Double(targets[k])
            let (l, g) = pointwise(x, y)
            total += l
            grad[k] = Float(g / n)
        }
        return (total / n, grad)
    }

    /// Loss and derivative for one entry.
    private func pointwise(_ x: Double, _ y: Double) -> (Double, Double) {
        switch self {
        case .meanSquaredError:
            return ((x - y) * (x - y), 2 * (x - y))
        case let .binaryCrossEntropy(w):
            let pw = Double(w)
            // -[pw·y·log σ(x) + (1−y)·log(1−σ(x))] with log σ(x) = −softplus(−x), log(1−σ(x)) = −softplus(x)
            let loss = pw * y * stableSoftplus(-x) + (1 - y) * stableSoftplus(x)
            let p = 1 / (1 + exp(-x))
            return (loss, -pw * y * (1 - p) + (1 - y) * p)
        case let .focal(alpha, gamma):
            let (a, gm) = (Double(alpha), Double(gamma))
            let p = 1 / (1 + exp(-x))
            let ce = y * stableSoftplus(-x) + (1 - y) * stableSoftplus(x)
            let pt = p * y + (1 - p) * (1 - y)
            let weight = a >= 0 ? a * y + (1 - a) * (1 - y) : 1
            let q = 1 - pt
            let modulation = pow(q, gm)
            let dModulation = gm == 0 ? 0 : -gm * pow(q, gm - 1) * (2 * y - 1) * p * (1 - p)
            return (weight * ce * modulation, weight * ((p - y) * modulation + ce * dModulation))
        }
    }

    private func stableSoftplus(_ x: Double) -> Double { x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)) }
}

/// An L2 penalty `λ·Σw²` over chosen parameters (Keras' `kernel_regularizer=l2(λ)`).
public struct L2Penalty: Sendable {
    /// The coefficient λ.
    public let lambda: Float
    /// Positions of the penalised entries in the parameter set.
    public let entries: [Int]

    /// A penalty of `lambda` on the given entries.
    public init(lambda: Float, entries: [Int]) {
        self.lambda = lambda
        self.entries = entries
    }

    /// Adds the penalty's gradient `2λw` to `gradients` and returns its value.
    public func apply(_ parameters: ParameterSet, _ gradients: inout Gradients) -> Double {
        var total = 0.0
        for e in entries {
            for (k, w) in parameters.values[e].enumerated() {
                total += Double(w) * Double(w)
                gradients.values[e][k] += 2 * lambda * w
            }
        }
        return Double(lambda) * total
    }
}
