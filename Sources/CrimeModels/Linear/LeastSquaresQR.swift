import COpenBLAS
import CrimeCore

/// A thin QR factorisation `X = Q R` of an n×p design (n ≥ p) through LAPACK's dgeqrf/dorgqr, with
/// `R⁻¹` from dtrtri; the pieces OLS needs for estimates, leverages and sandwich covariances.
struct LeastSquaresQR {
    /// Rows n and columns p.
    let rows: Int, columns: Int
    /// The explicit thin Q, column-major n×p.
    let q: [Double]
    /// `R⁻¹`, column-major p×p upper triangular.
    let rInverse: [Double]
    /// `R`, column-major p×p upper triangular.
    let r: [Double]

    /// Factorises the row-major design. A column whose diagonal entry of R is negligible against the
    /// largest one is a linear combination of the columns before it: its index is thrown as
    /// `LinearModelError.collinearColumn` by the caller through `collinearColumn`.
    init(rowMajor x: Matrix, names: [String]) throws {
        let n = x.rows, p = x.columns
        rows = n
        columns = p
        var a = [Double](repeating: 0, count: n * p)
        x.values.withUnsafeBufferPointer { src in
            a.withUnsafeMutableBufferPointer { dst in
                for j in 0..<p {
                    for i in 0..<n { dst[j * n + i] = src[i * p + j] }
                }
            }
        }
        var tau = [Double](repeating: 0, count: p)
        var m32 = Int32(n), n32 = Int32(p), lda = Int32(n), info: Int32 = 0
        var query = 0.0, lwork: Int32 = -1
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dgeqrf", info: Int(info)) }

        var rMatrix = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in 0...j { rMatrix[j * p + i] = a[j * n + i] } }
        let largest = (0..<p).map { abs(rMatrix[$0 * p + $0]) }.max() ?? 0
        let tolerance = largest * Double(max(n, p)) * Double.ulpOfOne
        for j in 0..<p where abs(rMatrix[j * p + j]) <= tolerance {
            throw LinearModelError.collinearColumn(names[j])
        }
        r = rMatrix

        var k32 = Int32(p)
        lwork = -1
        dorgqr_(&m32, &n32, &k32, &a, &lda, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        if Int(lwork) > work.count { work = [Double](repeating: 0, count: Int(lwork)) }
        dorgqr_(&m32, &n32, &k32, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dorgqr", info: Int(info)) }
        q = a

        var inverse = rMatrix
        var uplo = Int8(UInt8(ascii: "U")), diag = Int8(UInt8(ascii: "N")), p32 = Int32(p), ldr = Int32(p)
        dtrtri_(&uplo, &diag, &p32, &inverse, &ldr, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dtrtri", info: Int(info)) }
        rInverse = inverse
    }

    /// `Qᵀ v` for a vector of n entries.
    func qTransposeTimes(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: columns)
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(rows), Int32(columns), 1, q, Int32(rows), v, 1, 0, &out, 1)
        return out
    }

    /// `R⁻¹ v`.
    func rInverseTimes(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: columns)
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(columns), Int32(columns), 1, rInverse, Int32(columns), v, 1, 0, &out, 1)
        return out
    }

    /// The leverages `hᵢ = ‖Qᵢ‖²`, the diagonal of the hat matrix.
    func leverages() -> [Double] {
        var h = [Double](repeating: 0, count: rows)
        q.withUnsafeBufferPointer { qb in
            h.withUnsafeMutableBufferPointer { hb in
                for j in 0..<columns {
                    let offset = j * rows
                    for i in 0..<rows { hb[i] += qb[offset + i] * qb[offset + i] }
                }
            }
        }
        return h
    }

    /// The sandwich `R⁻¹ (Qᵀ diag(w) Q) R⁻ᵀ` as a row-major p×p `Matrix`; with all weights 1 it is `(XᵀX)⁻¹`.
    func sandwich(weights w: [Double]?) -> Matrix {
        let n = rows, p = columns
        var meat = [Double](repeating: 0, count: p * p)
        if let w {
            let root = w.map { $0.squareRoot() }
            var scaled = q
            scaled.withUnsafeMutableBufferPointer { sb in
                root.withUnsafeBufferPointer { rb in
                    for j in 0..<p {
                        let offset = j * n
                        for i in 0..<n { sb[offset + i] *= rb[i] }
                    }
                }
            }
            cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(p), Int32(n), 1, scaled, Int32(n), 0, &meat, Int32(p))
            for j in 0..<p { for i in 0..<j { meat[i * p + j] = meat[j * p + i] } }
        } else {
            for j in 0..<p { meat[j * p + j] = 1 }
        }
        return Matrix(rows: p, columns: p, values: outer(meat))
    }

    /// `R⁻¹ M R⁻ᵀ` for a symmetric column-major p×p M, returned row-major (it is symmetric).
    func outer(_ meat: [Double]) -> [Double] {
        let p = columns
        var left = [Double](repeating: 0, count: p * p)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(p), Int32(p), Int32(p), 1,
                    rInverse, Int32(p), meat, Int32(p), 0, &left, Int32(p))
        var out = [Double](repeating: 0, count: p * p)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, Int32(p), Int32(p), Int32(p), 1,
                    left, Int32(p), rInverse, Int32(p), 0, &out, Int32(p))
        return out
    }

    /// The singular values of R (those of the design), largest first.
    func singularValues() throws -> [Double] {
        var copy = r
        var p32 = Int32(columns), ld = Int32(columns), one: Int32 = 1, info: Int32 = 0
        var s = [Double](repeating: 0, count: columns)
        var jobz = Int8(UInt8(ascii: "N"))
        var u = [0.0], vt = [0.0]
        var query = 0.0, lwork: Int32 = -1
        var iwork = [Int32](repeating: 0, count: 8 * columns)
        dgesdd_(&jobz, &p32, &p32, &copy, &ld, &s, &u, &one, &vt, &one, &query, &lwork, &iwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgesdd_(&jobz, &p32, &p32, &copy, &ld, &s, &u, &one, &vt, &one, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dgesdd", info: Int(info)) }
        return s
    }
}
