import COpenBLAS
import Foundation

/// Thin wrappers over `cblas_sgemm` and the small loops the layers share. Empty operands are no-ops,
/// so no caller unwraps a base address.
enum BLAS {
    /// C[m×n] = alpha · op(A) · op(B) + beta · C, row-major, where op transposes when asked.
    static func gemm(_ transA: Bool, _ transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                     _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, beta: Float,
                     _ c: UnsafeMutableBufferPointer<Float>) {
        guard m > 0, n > 0, let cp = c.baseAddress else { return }
        guard k > 0, let ap = a.baseAddress, let bp = b.baseAddress else {
            if beta != 1 { for i in 0..<(m * n) { cp[i] *= beta } }
            return
        }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, ap, Int32(transA ? m : k), bp, Int32(transB ? k : n),
                    beta, cp, Int32(n))
    }

    /// Adds `bias[j]` to every row of the row-major block `c` with `columns` columns.
    static func addRowBias(_ c: UnsafeMutableBufferPointer<Float>, columns: Int, _ bias: UnsafeBufferPointer<Float>) {
        guard columns > 0 else { return }
        var start = 0
        while start + columns <= c.count {
            for j in 0..<columns { c[start + j] += bias[j] }
            start += columns
        }
    }

    /// Adds the column sums of the row-major block `a` with `columns` columns to `out`.
    static func accumulateColumnSums(_ a: UnsafeBufferPointer<Float>, columns: Int, into out: UnsafeMutableBufferPointer<Float>) {
        guard columns > 0 else { return }
        var start = 0
        while start + columns <= a.count {
            for j in 0..<columns { out[j] += a[start + j] }
            start += columns
        }
    }
}

/// Numerically stable logistic sigmoid.
@inline(__always) func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
}

/// `log(1 + exp(x))` without overflow, with PyTorch's threshold of 20 above which it returns `x`.
@inline(__always) func softplus(_ x: Float) -> Float {
    x > 20 ? x : log1pf(expf(x))
}

/// tanh through one `expf`: `sign(x)·(1 − e^{−2|x|})/(1 + e^{−2|x|})`, several times faster than glibc's
/// `tanhf` (which goes through `expm1f`); the absolute error stays below 1.2e-7.
@inline(__always) func tanhFast(_ x: Float) -> Float {
    let e = expf(-2 * abs(x))
    return Float(signOf: x, magnitudeOf: (1 - e) / (1 + e))
}
