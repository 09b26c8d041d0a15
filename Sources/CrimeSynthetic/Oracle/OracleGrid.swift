import COpenBLAS
import Dispatch
import Foundation

/// The oracle's fine raster: every cell of the city's raster cut into `perCell × perCell` square
/// sub-cells, fine enough (at most a quarter of the near-repeat spread, unless that would exceed 2048
/// sub-cells a side) that carrying mass from sub-cell to sub-cell loses nothing that matters.
///
/// Sub-cell `(row, column)` covers `[−half + column·step, −half + (column + 1)·step)` metres east and the
/// same north of the city centre (row 0 south); fields are row-major arrays of `side × side` masses.
struct OracleGrid: Sendable {
    /// Sub-cells per side of the whole raster.
    let side: Int
    /// Sub-cells per side of one raster cell.
    let perCell: Int
    /// Sub-cell side, metres.
    let step: Double
    /// Half the raster's width, metres.
    let half: Double

    /// The fine raster of a city.
    init(city: SyntheticCity) {
        let n = city.config.rasterSize
        let wanted = Int((4 * city.config.cellSide / city.config.offspringSpread).rounded(.up))
        self.init(rasterSize: n, cellSide: city.config.cellSide, perCell: max(1, min(wanted, max(1, 2048 / n))))
    }

    /// A raster of `rasterSize` cells of `cellSide` metres a side, each cut into `perCell × perCell`.
    init(rasterSize n: Int, cellSide: Double, perCell: Int) {
        self.perCell = perCell
        side = n * perCell
        step = cellSide / Double(perCell)
        half = Double(n) * cellSide / 2
    }

    /// The background surface's share of events in each sub-cell: each raster cell's weight spread
    /// evenly over its sub-cells, as the generator spreads its events evenly over the cell.
    func backgroundField(weights: [Double]) -> [Double] {
        let n = side / perCell, share = 1 / Double(perCell * perCell)
        var field = [Double](repeating: 0, count: side * side)
        for row in 0..<side {
            for column in 0..<side { field[row * side + column] = weights[(row / perCell) * n + column / perCell] * share }
        }
        return field
    }

    /// The probabilities that a normal position of mean `centre` and standard deviation `spread`
    /// (metres, one axis) falls in each sub-cell interval within eight standard deviations, from sub-cell
    /// `first` on; positions off the raster are dropped, as the generator drops such events.
    func axisMasses(centre: Double, spread: Double) -> (first: Int, masses: [Double]) {
        let reach = 8 * spread
        let first = max(0, Int(((centre - reach + half) / step).rounded(.down)))
        let last = min(side - 1, Int(((centre + reach + half) / step).rounded(.down)))
        guard first <= last else { return (0, []) }
        // Each boundary's tail on its own side of the mean, so that small masses keep their digits.
        let r = 1 / 2.0.squareRoot()
        var masses = [Double](repeating: 0, count: last - first + 1)
        masses.withUnsafeMutableBufferPointer { out in
            var zLow = (-half + Double(first) * step - centre) / spread
            var tailLow = 0.5 * erfc(abs(zLow) * r)
            for j in 0..<out.count {
                let zHigh = (-half + Double(first + j + 1) * step - centre) / spread
                let tailHigh = 0.5 * erfc(abs(zHigh) * r)
                out[j] = zHigh <= 0 ? tailHigh - tailLow : (zLow >= 0 ? tailLow - tailHigh : 1 - tailLow - tailHigh)
                (zLow, tailLow) = (zHigh, tailHigh)
            }
        }
        return (first, masses)
    }

    /// Adds `scale` × `rows.masses` ⊗ `columns.masses` (``axisMasses(centre:spread:)`` along each axis) to
    /// a field, in the field's rows `limit` only.
    func addSeparable(rows: (first: Int, masses: [Double]), columns: (first: Int, masses: [Double]), scale: Double,
                      into field: UnsafeMutablePointer<Double>, limit: Range<Int>? = nil) {
        let bounds = limit ?? 0..<side
        let lo = max(bounds.lowerBound, rows.first), hi = min(bounds.upperBound, rows.first + rows.masses.count)
        guard lo < hi, scale != 0 else { return }
        rows.masses.withUnsafeBufferPointer { rm in
            columns.masses.withUnsafeBufferPointer { cm in
                guard let rowBase = rm.baseAddress, let columnBase = cm.baseAddress else { return }
                cblas_dger(CblasRowMajor, Int32(hi - lo), Int32(cm.count), scale, rowBase + (lo - rows.first), 1, columnBase, 1,
                           field + lo * side + columns.first, Int32(side))
            }
        }
    }

    /// The near-repeat displacement between sub-cells along one axis: entry `d + reach` is the
    /// probability that a position spread evenly over a sub-cell and displaced by a normal of standard
    /// deviation `spread` lands `d` sub-cells away, for `|d| ≤ reach` (eight standard deviations and one
    /// sub-cell). With ψ(z) = zΦ(z) + φ(z), the antiderivative of Φ, it is the second difference
    /// `(spread/step)·(ψ(z₊) − 2ψ(z) + ψ(z₋))` at `z = d·step/spread`, symmetric in `d`.
    func displacementKernel(spread: Double) -> [Double] {
        let reach = Int((8 * spread / step).rounded(.up)) + 1
        let u = step / spread
        // ψ(z) = zΦ(z) + φ(z) for z ≤ 0, where both terms are small and positive in sum.
        func psi(_ z: Double) -> Double { z * 0.5 * erfc(-z / 2.0.squareRoot()) + exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
        var kernel = [Double](repeating: 0, count: 2 * reach + 1)
        for d in 0...reach {
            // At −d the arguments −(d+1)u, −du, −(d−1)u are ≤ 0 except for d = 0, where ψ(u) = u + ψ(−u).
            let next = d == 0 ? u + psi(-u) : psi(-Double(d - 1) * u)
            let value = (psi(-Double(d + 1) * u) - 2 * psi(-Double(d) * u) + next) / u
            kernel[reach - d] = max(0, value)
            kernel[reach + d] = max(0, value)
        }
        return kernel
    }

    /// The kernel that carries a field one generation of near-repeat displacement of standard deviation
    /// `spread` on: ``displacementKernel(spread:)`` of a normal narrowed to variance `spread² − step²/6`
    /// (at most to half the variance), because moving evenly spread sub-cell masses adds `step²/6`; the
    /// step between sub-cells then has variance `spread²`, as the generator's displacement has.
    func generationKernel(spread: Double) -> [Double] {
        displacementKernel(spread: max(spread * spread - step * step / 6, spread * spread / 2).squareRoot())
    }

    /// Carries a field one generation on: each sub-cell's mass, spread evenly over the sub-cell, displaced
    /// by the separable `kernel` (``generationKernel(spread:)``) along each axis; mass that leaves the
    /// raster is dropped. Rows run in parallel in fixed blocks.
    func displace(_ field: [Double], kernel: [Double]) -> [Double] {
        let n = side, reach = kernel.count / 2
        var across = [Double](repeating: 0, count: n * n), out = across
        field.withUnsafeBufferPointer { source in
            across.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                OracleBlocks.forEach(count: n, block: 8) { rows in
                    for row in rows {
                        // Along the row: target[c] += kernel[d] · source[c − d] for the columns where both exist.
                        for d in max(-reach, 1 - n)...min(reach, n - 1) {
                            let first = max(0, d), count = n - abs(d)
                            cblas_daxpy(Int32(count), kernel[d + reach], from + row * n + first - d, 1, to + row * n + first, 1)
                        }
                    }
                }
            }
        }
        across.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                OracleBlocks.forEach(count: n, block: 8) { rows in
                    for row in rows {
                        // Across rows: row += kernel[d] · (row − d).
                        for d in max(-reach, row - n + 1)...min(reach, row) {
                            cblas_daxpy(Int32(n), kernel[d + reach], from + (row - d) * n, 1, to + row * n, 1)
                        }
                    }
                }
            }
        }
        return out
    }
}

/// Runs `body` on fixed blocks of `0..<count` concurrently; callers write disjoint memory per block,
/// so results do not depend on the number of threads.
enum OracleBlocks {
    static func forEach(count: Int, block: Int, _ body: (Range<Int>) -> Void) {
        let blocks = (count + block - 1) / block
        guard blocks > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        withoutActuallyEscaping(body) { work in
            let box = UncheckedWork(work)
            DispatchQueue.concurrentPerform(iterations: blocks) { k in box.value(k * block ..< min(count, (k + 1) * block)) }
        }
    }
}

/// Lets a closure over disjoint parts of raw buffers cross into `concurrentPerform`.
private struct UncheckedWork<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
