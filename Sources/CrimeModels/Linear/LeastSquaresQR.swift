import COpenBLAS
import CrimeCore
import Dispatch
import Foundation

/// A Householder QR factorisation `X = Q R` of an n×p design (n ≥ p) through LAPACK, computed as a
/// tall-skinny QR: row blocks are factored independently (dgeqrf, with Qᵀy through dormqr) in cache and
/// in parallel, then their stacked R factors are factored once more. The result is the R and `Qᵀy` of
/// a Householder QR (up to row signs), as stable as a single dgeqrf; the blocks do not depend on the
/// number of threads, so neither does the result.
struct LeastSquaresQR {
    /// Rows n and columns p.
    let rows: Int, columns: Int
    /// `R`, column-major p×p upper triangular.
    let r: [Double]
    /// `R⁻¹`, column-major p×p upper triangular.
    let rInverse: [Double]
    /// `Qᵀy`, p entries.
    let qTransposeY: [Double]

    /// Rows per block of the first level.
    static let blockRows = 4096

    /// Factorises the row-major design and applies Qᵀ to `y`. A column whose diagonal entry of R is
    /// negligible against the largest one is a linear combination of the columns before it and is
    /// thrown as ``LinearModelError/collinearColumn(_:)`` with its name.
    init(rowMajor x: Matrix, response y: [Double], names: [String]) throws {
        let n = x.rows, p = x.columns
        rows = n
        columns = p
        let blockRows = max(Self.blockRows, 2 * p)
        let blocks = max(1, n / blockRows)            // the last block takes the remainder (≥ blockRows rows)
        let shared = BlockResults(x: x.values, y: y, blocks: blocks, columns: p)
        let workers = min(blocks, 8)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for slot in (worker * blocks / workers)..<((worker + 1) * blocks / workers) {
                let first = slot * blockRows
                let last = slot == blocks - 1 ? n : first + blockRows
                shared.factor(rows: first..<last, slot: slot)
            }
        }
        if let failure = shared.failure { throw failure }
        let (rMatrix, z) = try Self.factor(columnMajor: shared.stacked, rows: blocks * p, columns: p, y: shared.stackedY)
        let largest = (0..<p).map { abs(rMatrix[$0 * p + $0]) }.max() ?? 0
        let tolerance = largest * Double(max(n, p)) * Double.ulpOfOne
        for j in 0..<p where abs(rMatrix[j * p + j]) <= tolerance {
            throw LinearModelError.collinearColumn(names[j])
        }
        r = rMatrix
        qTransposeY = Array(z.prefix(p))
        var inverse = rMatrix
        var uplo = Int8(UInt8(ascii: "U")), diag = Int8(UInt8(ascii: "N")), p32 = Int32(p), ldr = Int32(p), info: Int32 = 0
        dtrtri_(&uplo, &diag, &p32, &inverse, &ldr, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dtrtri", info: Int(info)) }
        rInverse = inverse
    }

    /// dgeqrf of an m×p column-major matrix and dormqr of `y`: returns R (column-major p×p) and `Qᵀy`.
    static func factor(columnMajor a: [Double], rows m: Int, columns p: Int, y: [Double]) throws -> ([Double], [Double]) {
        var a = a, y = y
        var tau = [Double](repeating: 0, count: p)
        var m32 = Int32(m), n32 = Int32(p), lda = Int32(m), info: Int32 = 0
        var query = 0.0, lwork: Int32 = -1
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        dgeqrf_(&m32, &n32, &a, &lda, &tau, &work, &lwork, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dgeqrf", info: Int(info)) }
        var side = Int8(UInt8(ascii: "L")), trans = Int8(UInt8(ascii: "T")), one: Int32 = 1, k32 = Int32(p), ldc = Int32(m)
        lwork = -1
        dormqr_(&side, &trans, &m32, &one, &k32, &a, &lda, &tau, &y, &ldc, &query, &lwork, &info)
        lwork = Int32(query)
        if Int(lwork) > work.count { work = [Double](repeating: 0, count: Int(lwork)) }
        dormqr_(&side, &trans, &m32, &one, &k32, &a, &lda, &tau, &y, &ldc, &work, &lwork, &info)
        guard info == 0 else { throw LinearModelError.lapack(routine: "dormqr", info: Int(info)) }
        var r = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in 0...j { r[j * p + i] = a[j * m + i] } }
        return (r, Array(y.prefix(p)))
    }

    /// `R⁻¹ v`.
    func rInverseTimes(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: columns)
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(columns), Int32(columns), 1, rInverse, Int32(columns), v, 1, 0, &out, 1)
        return out
    }

    /// Rows `range` of the orthonormal basis `Q = X R⁻¹` into `buffer` (row-major), by one dtrsm.
    func basisRows(of x: UnsafeBufferPointer<Double>, _ range: Range<Int>, into buffer: UnsafeMutablePointer<Double>) {
        let p = columns
        for (local, i) in range.enumerated() {
            for j in 0..<p { buffer[local * p + j] = x[i * p + j] }
        }
        // Read column-major R as row-major Rᵀ (lower); solving B·op(A) = X with op(A) = (Rᵀ)ᵀ = R.
        cblas_dtrsm(CblasRowMajor, CblasRight, CblasLower, CblasTrans, CblasNonUnit,
                    Int32(range.count), Int32(p), 1, r, Int32(p), buffer, Int32(p))
    }

    /// The HC0, HC2 and HC3 sandwiches `R⁻¹ (Qᵀ diag(w) Q) R⁻ᵀ` with weights `eᵢ²`, `eᵢ²/(1 − hᵢ)` and
    /// `eᵢ²/(1 − hᵢ)²`, hᵢ the leverages `‖Qᵢ‖²`. Q is formed a block of rows at a time and never held
    /// whole; fixed chunks of rows run in parallel and their meats are added in chunk order, so the
    /// result does not depend on the number of threads.
    func heteroskedasticSandwiches(design x: Matrix, residuals e: [Double]) -> [Matrix] {
        let n = rows, p = columns, chunks = max(1, min(64, n / 4096))
        let partial = ChunkMeats(chunks: chunks, size: 3 * p * p)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * n / chunks)..<((chunk + 1) * n / chunks)
            let block = 1024
            let q = UnsafeMutablePointer<Double>.allocate(capacity: block * p)
            let scaled = UnsafeMutablePointer<Double>.allocate(capacity: block * p)
            var meats = [Double](repeating: 0, count: 3 * p * p)
            x.values.withUnsafeBufferPointer { xb in
                e.withUnsafeBufferPointer { eb in
                    meats.withUnsafeMutableBufferPointer { mb in
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let count = min(block, range.upperBound - start)
                            basisRows(of: xb, start..<(start + count), into: q)
                            var roots = [Double](repeating: 0, count: 3 * count)
                            for i in 0..<count {
                                var h = 0.0
                                for j in 0..<p { h += q[i * p + j] * q[i * p + j] }
                                let residual = abs(eb[start + i])
                                roots[i] = residual
                                roots[count + i] = residual / (1 - h).squareRoot()
                                roots[2 * count + i] = residual / (1 - h)
                            }
                            for k in 0..<3 {
                                for i in 0..<count {
                                    let w = roots[k * count + i]
                                    for j in 0..<p { scaled[i * p + j] = w * q[i * p + j] }
                                }
                                cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, Int32(p), Int32(count), 1,
                                            scaled, Int32(p), 1, mb.baseAddress.map { $0 + k * p * p }, Int32(p))
                            }
                            start += count
                        }
                    }
                }
            }
            q.deallocate()
            scaled.deallocate()
            partial.store(meats, chunk: chunk)
        }
        let total = partial.sum()
        return (0..<3).map { k in
            var meat = Array(total[(k * p * p)..<((k + 1) * p * p)])
            for i in 0..<p { for j in 0..<i { meat[i * p + j] = meat[j * p + i] } }
            return Matrix(rows: p, columns: p, values: outer(meat))
        }
    }

    /// The cluster score sums `s_g = Σ_{i∈g} Qᵢ eᵢ`, column-major G×p, for group codes 0..<G.
    func clusterScores(design x: Matrix, residuals e: [Double], codes: [Int], groups g: Int) -> [Double] {
        let n = rows, p = columns, block = 1024
        var scores = [Double](repeating: 0, count: g * p)
        let q = UnsafeMutablePointer<Double>.allocate(capacity: block * p)
        defer { q.deallocate() }
        x.values.withUnsafeBufferPointer { xb in
            var start = 0
            while start < n {
                let count = min(block, n - start)
                basisRows(of: xb, start..<(start + count), into: q)
                for i in 0..<count {
                    for j in 0..<p { scores[j * g + codes[start + i]] += q[i * p + j] * e[start + i] }
                }
                start += count
            }
        }
        return scores
    }

    /// Whether the constant vector lies in the column space (statsmodels' implicit constant): the
    /// projection of 𝟏 onto it, `‖Qᵀ𝟏‖² = ‖R⁻ᵀ Xᵀ𝟏‖²`, is all of `‖𝟏‖² = n` up to rounding.
    func spansConstant(columnSums s: [Double]) -> Bool {
        var projected = [Double](repeating: 0, count: columns)
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(columns), Int32(columns), 1, rInverse, Int32(columns), s, 1, 0, &projected, 1)
        let explained = projected.reduce(0) { $0 + $1 * $1 }
        return Double(rows) - explained <= 1e-9 * Double(rows)
    }

    /// `(XᵀX)⁻¹ = R⁻¹ R⁻ᵀ`, row-major.
    func normalizedCovariance() -> Matrix {
        var identity = [Double](repeating: 0, count: columns * columns)
        for j in 0..<columns { identity[j * columns + j] = 1 }
        return Matrix(rows: columns, columns: columns, values: outer(identity))
    }

    /// `R⁻¹ M R⁻ᵀ` for a symmetric p×p M, returned row-major (it is symmetric).
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

/// Per-chunk partial sums, added in chunk order.
private final class ChunkMeats: @unchecked Sendable {
    private var parts: [[Double]]
    private let lock = NSLock()

    init(chunks: Int, size: Int) { parts = [[Double]](repeating: [Double](repeating: 0, count: size), count: chunks) }

    func store(_ values: [Double], chunk: Int) { lock.withLock { parts[chunk] = values } }

    func sum() -> [Double] {
        var total = [Double](repeating: 0, count: parts.first?.count ?? 0)
        for part in parts { for i in total.indices { total[i] += part[i] } }
        return total
    }
}

/// The stacked R factors and `Qᵀy` pieces of the row blocks; each worker writes only its own slots.
private final class BlockResults: @unchecked Sendable {
    let blocks: Int, columns: Int
    /// The row-major design and the response, read by every worker.
    private let x: [Double], y: [Double]
    /// Column-major (blocks·p)×p: block b's R in rows b·p ..< (b+1)·p.
    private let rStorage: UnsafeMutableBufferPointer<Double>
    /// Block b's `Qᵀy` in entries b·p ..< (b+1)·p.
    private let yStorage: UnsafeMutableBufferPointer<Double>
    private(set) var failure: LinearModelError?
    private let lock = NSLock()

    init(x: [Double], y: [Double], blocks: Int, columns: Int) {
        self.x = x
        self.y = y
        self.blocks = blocks
        self.columns = columns
        rStorage = .allocate(capacity: blocks * columns * columns)
        rStorage.initialize(repeating: 0)
        yStorage = .allocate(capacity: blocks * columns)
        yStorage.initialize(repeating: 0)
    }

    deinit {
        rStorage.deallocate()
        yStorage.deallocate()
    }

    /// The stacked R factors, column-major.
    var stacked: [Double] { Array(rStorage) }
    /// The stacked `Qᵀy` pieces.
    var stackedY: [Double] { Array(yStorage) }

    /// Factors rows `range` of the row-major design into slot `slot`.
    func factor(rows range: Range<Int>, slot: Int) {
        let m = range.count, p = columns, height = blocks * p
        var a = [Double](repeating: 0, count: m * p)
        let v = Array(y[range])
        x.withUnsafeBufferPointer { xb in
            a.withUnsafeMutableBufferPointer { ab in
                for (local, i) in range.enumerated() {
                    for j in 0..<p { ab[j * m + local] = xb[i * p + j] }
                }
            }
        }
        do {
            let (r, z) = try LeastSquaresQR.factor(columnMajor: a, rows: m, columns: p, y: v)
            for j in 0..<p {
                for i in 0...j { rStorage[j * height + slot * p + i] = r[j * p + i] }
            }
            for i in 0..<p { yStorage[slot * p + i] = z[i] }
        } catch let error as LinearModelError {
            lock.withLock { failure = error }
        } catch {
            lock.withLock { failure = .lapack(routine: "dgeqrf", info: -1) }
        }
    }
}
