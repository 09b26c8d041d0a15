import Foundation

/// Where a near-repeat cascade lands, generation by generation, summed over the forecast cells.
///
/// A field of sub-cell masses (``OracleGrid``) is carried one generation on by the displacement kernel;
/// what leaves the raster is dropped, as the generator drops offspring off the raster together with
/// everything they would have triggered. Entry `n` of a result is the cells' share of generation `n`
/// per unit of source (without the factor αⁿ).
struct CascadeFields: Sendable {
    /// `cells[n][c]`, generations `first…last`.
    let cells: [[Double]]
    /// The generation of `cells[0]`.
    let first: Int

    /// The cells' share of generation `n`; generations past the last computed reuse the last (a field
    /// already spread by `√n` spreads; all later generations together weigh below 10⁻⁶ of the first).
    func share(generation n: Int) -> [Double] { cells[min(max(n - first, 0), cells.count - 1)] }

    /// The background surface (generation 0) and its descendants up to generation `last`.
    static func background(weights: [Double], grid: OracleGrid, coverage: OracleCoverage, kernel: [Double],
                           last: Int) -> CascadeFields {
        var field = grid.backgroundField(weights: weights)
        var cells = [coverage.aggregate(field)]
        if last >= 1 {
            for _ in 1...last {
                field = grid.displace(field, kernel: kernel)
                cells.append(coverage.aggregate(field))
            }
        }
        return CascadeFields(cells: cells, first: 0)
    }

    /// The offspring still to come of events at metres `(x, y)` with weights `weight` (generation 1: a
    /// normal of standard deviation `spread` about each event, in exact sub-cell masses) and their
    /// descendants up to generation `last`.
    static func events(x: [Double], y: [Double], weight: [Double], spread: Double, grid: OracleGrid,
                       coverage: OracleCoverage, kernel: [Double], last: Int) -> CascadeFields {
        let n = grid.side
        let rows = x.indices.map { grid.axisMasses(centre: y[$0], spread: spread) }
        let columns = x.indices.map { grid.axisMasses(centre: x[$0], spread: spread) }
        var field = [Double](repeating: 0, count: n * n)
        field.withUnsafeMutableBufferPointer { target in
            guard let to = target.baseAddress else { return }
            OracleBlocks.forEach(count: n, block: 16) { block in
                for e in x.indices where weight[e] > 0 {
                    grid.addSeparable(rows: rows[e], columns: columns[e], scale: weight[e], into: to, limit: block)
                }
            }
        }
        var cells = [coverage.aggregate(field)]
        if last >= 2 {
            for _ in 2...last {
                field = grid.displace(field, kernel: kernel)
                cells.append(coverage.aggregate(field))
            }
        }
        return CascadeFields(cells: cells, first: 1)
    }
}
