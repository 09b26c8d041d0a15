import COpenBLAS
import CrimeCore
import Foundation

/// Newton's method for the L2-penalised weighted logistic loss; the last coefficient is the intercept
/// when `fitIntercept`, and it is not penalised.
struct LogisticNewton {
    let x: Matrix
    let y: [Double]
    let weights: [Double]
    let lambda: Double
    let fitIntercept: Bool

    struct Solution { let beta: [Double]; let iterations: Int; let converged: Bool }

    static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    /// `log(1 + e^{-z})` for label 1 and `log(1 + e^{z})` for label 0, without overflow.
    private static func loss(_ z: Double, _ label: Double) -> Double {
        let softplus = max(z, 0) + log1p(exp(-abs(z)))
        return softplus - label * z
    }

    private var width: Int { x.columns + (fitIntercept ? 1 : 0) }

    private func linear(_ beta: [Double]) throws -> [Double] {
        var z = x.columns > 0 ? try x.multiplied(by: Array(beta.prefix(x.columns))) : [Double](repeating: 0, count: x.rows)
        if fitIntercept { for i in z.indices { z[i] += beta[x.columns] } }
        return z
    }

    private func objective(_ beta: [Double]) throws -> Double {
        let z = try linear(beta)
        var total = 0.0
        for i in 0..<x.rows { total += weights[i] * Self.loss(z[i], y[i]) }
        for j in 0..<x.columns { total += 0.5 * lambda * beta[j] * beta[j] }
        return total
    }

    func solve(maxIterations: Int, tolerance: Double) throws -> Solution {
        let n = x.rows, k = x.columns, p = width
        var beta = [Double](repeating: 0, count: p)
        var current = try objective(beta)
        let scale = weights.reduce(0, +)
        for iteration in 1...max(1, maxIterations) {
            let z = try linear(beta)
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [Double](repeating: 0, count: p * p)
            x.values.withUnsafeBufferPointer { xb in
                gradient.withUnsafeMutableBufferPointer { g in
                    hessian.withUnsafeMutableBufferPointer { h in
                        for i in 0..<n {
                            let mu = Self.sigmoid(z[i])
                            let r = weights[i] * (mu - y[i]), w = weights[i] * mu * (1 - mu)
                            let row = i * k
                            for a in 0..<k {
                                let xa = xb[row + a]
                                g[a] += r * xa
                                for b in a..<k { h[b * p + a] += w * xa * xb[row + b] }
                                if fitIntercept { h[k * p + a] += w * xa }
                            }
                            if fitIntercept {
                                g[k] += r
                                h[k * p + k] += w
                            }
                        }
                    }
                }
            }
            for a in 0..<k {
                gradient[a] += lambda * beta[a]
                hessian[a * p + a] += lambda
            }
            for a in 0..<p { for b in 0..<a { hessian[a + b * p] = hessian[b + a * p] } }
            if gradient.map(abs).max() ?? 0 <= tolerance * max(1, scale) {
                return Solution(beta: beta, iterations: iteration - 1, converged: true)
            }
            var step = gradient
            var n32 = Int32(p), one: Int32 = 1, lda = Int32(p), info: Int32 = 0
            var pivots = [Int32](repeating: 0, count: p)
            dgesv_(&n32, &one, &hessian, &lda, &pivots, &step, &lda, &info)
            guard info == 0 else { throw LinearModelError.lapack(routine: "dgesv", info: Int(info)) }
            var length = 1.0, candidate = beta, value = current
            for _ in 0..<60 {
                candidate = zip(beta, step).map { $0 - length * $1 }
                value = try objective(candidate)
                if value <= current { break }
                length /= 2
            }
            let moved = zip(candidate, beta).map { abs($0 - $1) }.max() ?? 0
            beta = candidate
            current = value
            if moved <= 1e-15 * max(1, beta.map(abs).max() ?? 0) {
                return Solution(beta: beta, iterations: iteration, converged: true)
            }
        }
        return Solution(beta: beta, iterations: maxIterations, converged: false)
    }
}
