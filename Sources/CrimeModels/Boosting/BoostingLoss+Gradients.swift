import CNeuralKernels
import Foundation

extension BoostingLoss {
    /// The constant raw prediction boosting starts from: the mean target, or its log for Poisson.
    func baseline(_ y: [Double]) -> Double {
        let mean = y.reduce(0, +) / Double(max(y.count, 1))
        return self == .poisson ? Foundation.log(mean) : mean
    }

    /// Per-row gradient and hessian of the loss at the raw predictions, stored as `Float` as
    /// scikit-learn does: raw − y and 1 (squared error; the hessian is not written), or
    /// exp(raw) − y and exp(raw) (Poisson). Large tables are split into one part per team member; each
    /// row's values depend on that row alone, so the result does not depend on the thread count.
    func gradients(y: UnsafePointer<Double>, raw: UnsafePointer<Double>, count: Int,
                   gradients: UnsafeMutablePointer<Float>, hessians: UnsafeMutablePointer<Float>, team: WorkerTeam) {
        let parts = count >= 16_384 ? team.size : 1
        guard parts > 1 else {
            return self.gradients(y: y, raw: raw, count: count, gradients: gradients, hessians: hessians)
        }
        let job = GradientJob(loss: self, y: y, raw: raw, gradients: gradients, hessians: hessians)
        team.run(parts) { p in
            let start = count * p / parts, end = count * (p + 1) / parts
            job.loss.gradients(y: job.y + start, raw: job.raw + start, count: end - start,
                               gradients: job.gradients + start, hessians: job.hessians + start)
        }
    }

    private func gradients(y: UnsafePointer<Double>, raw: UnsafePointer<Double>, count: Int,
                           gradients: UnsafeMutablePointer<Float>, hessians: UnsafeMutablePointer<Float>) {
        switch self {
        case .squaredError:
            for i in 0..<count { gradients[i] = Float(raw[i] - y[i]) }
        case .poisson:
            bk_poisson_gradients(y, raw, count, gradients, hessians)
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

/// The buffers of one gradient pass, shared by the workers that each fill a disjoint part.
private struct GradientJob: @unchecked Sendable {
    let loss: BoostingLoss
    let y: UnsafePointer<Double>, raw: UnsafePointer<Double>
    let gradients: UnsafeMutablePointer<Float>, hessians: UnsafeMutablePointer<Float>
}
