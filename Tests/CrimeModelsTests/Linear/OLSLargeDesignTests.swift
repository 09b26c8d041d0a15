import CrimeCore
import CrimeModels
import Foundation
import Testing

/// Designs large enough for the blocked (tall-skinny) QR and the chunked sandwiches, checked against
/// quantities computed independently here.
@Suite("OLS on designs spanning many row blocks")
struct OLSLargeDesignTests {
    static func design(rows: Int, seed: UInt64) -> (Matrix, [Double]) {
        var rng = SeededGenerator(seed: seed)
        var values: [Double] = []
        var y: [Double] = []
        for _ in 0..<rows {
            let a = Double(rng.next() % 10_000) / 1000, b = Double(rng.next() % 10_000) / 5000 - 1
            let noise = Double(rng.next() % 1000) / 1000 - 0.5
            values += [1, a, b, a * b]
            y.append(2 - 0.5 * a + 3 * b + 0.25 * a * b + noise * (1 + abs(b)))
        }
        return (Matrix(rows: rows, columns: 4, values: values), y)
    }

    /// Solves the normal equations by Gaussian elimination with partial pivoting (fine for this
    /// well-conditioned design) — an independent route to β̂ and (XᵀX)⁻¹.
    static func normalEquations(_ x: Matrix, _ y: [Double]) -> (beta: [Double], inverse: [[Double]]) {
        let p = x.columns
        var a = [[Double]](repeating: [Double](repeating: 0, count: 2 * p + 1), count: p)
        for i in 0..<x.rows {
            for r in 0..<p {
                for c in 0..<p { a[r][c] += x[i, r] * x[i, c] }
                a[r][2 * p] += x[i, r] * y[i]
            }
        }
        for r in 0..<p { a[r][p + r] = 1 }
        for col in 0..<p {
            let pivot = (col..<p).max { abs(a[$0][col]) < abs(a[$1][col]) } ?? col
            a.swapAt(col, pivot)
            let d = a[col][col]
            for c in 0..<(2 * p + 1) { a[col][c] /= d }
            for r in 0..<p where r != col {
                let f = a[r][col]
                for c in 0..<(2 * p + 1) { a[r][c] -= f * a[col][c] }
            }
        }
        return (a.map { $0[2 * p] }, a.map { Array($0[p..<(2 * p)]) })
    }

    @Test("β̂, (XᵀX)⁻¹ and HC0 agree with an independent computation on 30,000 rows")
    func independent() throws {
        let (x, y) = Self.design(rows: 30_000, seed: 11)
        let result = try OLS.fit(design: x, response: y, termNames: ["const", "a", "b", "a:b"])
        let (beta, inverse) = Self.normalEquations(x, y)
        for j in 0..<4 {
            #expect(abs(result.params[j] - beta[j]) <= 1e-9 * max(1, abs(beta[j])))
            for k in 0..<4 { #expect(abs(result.normalizedCovParams[j, k] - inverse[j][k]) <= 1e-9 * abs(inverse[j][j])) }
        }
        // HC0 = (XᵀX)⁻¹ (Σ eᵢ² xᵢxᵢᵀ) (XᵀX)⁻¹, summed directly.
        var meat = [[Double]](repeating: [0, 0, 0, 0], count: 4)
        for i in 0..<x.rows {
            let e2 = result.residuals[i] * result.residuals[i]
            for r in 0..<4 { for c in 0..<4 { meat[r][c] += e2 * x[i, r] * x[i, c] } }
        }
        for r in 0..<4 {
            for c in 0..<4 {
                var v = 0.0
                for s in 0..<4 { for t in 0..<4 { v += inverse[r][s] * meat[s][t] * inverse[t][c] } }
                #expect(abs(result.covHC0[r, c] - v) <= 1e-8 * (result.covHC0[r, r] * result.covHC0[c, c]).squareRoot())
            }
        }
    }

    @Test("Row order does not change the fit beyond rounding")
    func rowOrder() throws {
        let (x, y) = Self.design(rows: 20_000, seed: 5)
        let order = Array((0..<x.rows).reversed())
        let forward = try OLS.fit(design: x, response: y, termNames: ["const", "a", "b", "a:b"])
        let backward = try OLS.fit(design: x.selectingRows(order), response: order.map { y[$0] }, termNames: ["const", "a", "b", "a:b"])
        for j in 0..<4 {
            #expect(abs(forward.params[j] - backward.params[j]) <= 1e-11 * max(1, abs(forward.params[j])))
            #expect(abs(forward.bse[j] - backward.bse[j]) <= 1e-10 * forward.bse[j])
            #expect(abs(forward.covHC3[j, j] - backward.covHC3[j, j]) <= 1e-10 * forward.covHC3[j, j])
        }
        #expect(abs(forward.rsquared - backward.rsquared) < 1e-13)
    }

    @Test("An exact linear relation is recovered with zero residuals")
    func exact() throws {
        let (x, _) = Self.design(rows: 12_000, seed: 3)
        let truth = [1.5, -2.0, 0.75, 0.125]
        let y = try x.multiplied(by: truth)
        let result = try OLS.fit(design: x, response: y, termNames: ["const", "a", "b", "a:b"])
        for j in 0..<4 { #expect(abs(result.params[j] - truth[j]) < 1e-11) }
        #expect(result.ssr < 1e-18 * Double(x.rows) * 100)
    }
}
