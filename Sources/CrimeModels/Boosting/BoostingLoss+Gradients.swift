import Foundation

extension BoostingLoss {
    /// The constant raw prediction boosting starts from: the mean target, or its log for Poisson.
    func baseline(_ y: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(max(y.count, 1))
        return self == .poisson ? Foundation.log(mean) : mean
    }

    /// Per-row gradient and hessian of the loss at the raw predictions, stored as `Float` as
    /// scikit-learn does: raw − y and 1 (squared error; the hessian is not written), or
    /// exp(raw) − y and exp(raw) (Poisson).
    func gradients(y: UnsafePointer<Double>, raw: UnsafePointer<Double>, count: Int,
                   gradients: UnsafeMutablePointer<Float>, hessians: UnsafeMutablePointer<Float>) {
        switch self {
        case .squaredError:
            for i in 0..<count { gradients[i] = Float(raw[i] - y[i]) }
        case .poisson:
            for i in 0..<count {
                let e = Foundation.exp(raw[i])
                gradients[i] = Float(e - y[i])
                hessians[i] = Float(e)
            }
        }
    }

    /// The mean loss at raw predictions, as scikit-learn scores early stopping:
    /// ½(y − raw)² or exp(raw) − y·raw.
    func meanLoss(y: [Double], raw: [Double]) -> Double {
        var total = 0.0
        switch self {
        case .squaredError:
            for i in y.indices { total += 0.5 * (y[i] - raw[i]) * (y[i] - raw[i]) }
        case .poisson:
            for i in y.indices { total += Foundation.exp(raw[i]) - y[i] * raw[i] }
        }
        return total / Double(max(y.count, 1))
    }

    /// Predictions from raw predictions (the inverse link).
    func prediction(_ raw: Double) -> Double { self == .poisson ? Foundation.exp(raw) : raw }
}
