import CrimeCore
import CrimeForecast
import Foundation

/// Which parts of the oracle's sub-cells (``OracleGrid``) lie in each forecast cell.
///
/// Each cell's outer ring, drawn as straight lines in the city's metric plane, is cut exactly into its
/// pieces in each sub-cell (clipped to each row of sub-cells, then column by column); a sub-cell's share
/// of a cell is the piece's area over the sub-cell's. A forecast cell's expectation is the sum of its
/// sub-cells' masses weighted by those shares: exact where the mass is even within each sub-cell (the
/// background, whose raster cells are whole sub-cells), and otherwise exact up to the variation of the
/// near-repeat and flare masses within one sub-cell (a quarter of the spread or less). Parts of a cell off
/// the raster hold nothing, as the generator puts nothing there. Areas in two overlapping cells count in
/// both; holes of polygon cells are not seen (outer rings only).
struct OracleCoverage: Sendable {
    /// Cell `c`'s entries are `offsets[c]..<offsets[c + 1]`.
    let offsets: [Int]
    /// Sub-cell index (`row × side + column`) of each entry.
    let subcells: [Int]
    /// The share of the sub-cell inside the cell, for each entry.
    let shares: [Double]

    /// The coverage of `cells` on `grid`, with ring vertices placed by the city's metric `frame`.
    init(cells: ForecastCells, grid: OracleGrid, frame: SyntheticMetricFrame) {
        let parts = WriteOnceSlots<[(Int, Double)]>(count: cells.count)
        let rings = cells.boundaries.map { $0.map { p in let (x, y) = frame.metres(p); return PlanePoint(x: x, y: y) } }
        OracleBlocks.forEach(count: cells.count, block: 16) { block in
            for c in block { parts.store(Self.entries(ring: rings[c], grid: grid), at: c) }
        }
        var offsets = [0], subcells: [Int] = [], shares: [Double] = []
        for entries in parts.collect() {
            for (s, share) in entries { subcells.append(s); shares.append(share) }
            offsets.append(subcells.count)
        }
        self.offsets = offsets
        self.subcells = subcells
        self.shares = shares
    }

    /// Number of cells.
    var count: Int { offsets.count - 1 }

    /// Each cell's sum of a field's sub-cell masses, weighted by the shares.
    func aggregate(_ field: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        field.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { target in
                OracleBlocks.forEach(count: count, block: 64) { cells in
                    for c in cells {
                        var sum = 0.0
                        for e in offsets[c]..<offsets[c + 1] { sum += shares[e] * values[subcells[e]] }
                        target[c] = sum
                    }
                }
            }
        }
        return out
    }

    /// The sub-cells a ring covers and their shares: the ring clipped to each row of sub-cells, and the
    /// row's piece cut at each column boundary in turn.
    private static func entries(ring: [PlanePoint], grid: OracleGrid) -> [(Int, Double)] {
        guard ring.count >= 3 else { return [] }
        let orientation: Double = PlanePoint.signedArea(ring) < 0 ? -1 : 1
        let step = grid.step, half = grid.half, cellArea = step * step
        guard let yMin = ring.map(\.y).min(), let yMax = ring.map(\.y).max(),
              let xMin = ring.map(\.x).min(), let xMax = ring.map(\.x).max() else { return [] }
        let index = { (v: Double) in Int(((v + half) / step).rounded(.down)) }
        let r0 = max(0, index(yMin)), r1 = min(grid.side - 1, index(yMax))
        let c0 = max(0, index(xMin)), c1 = min(grid.side - 1, index(xMax))
        guard r0 <= r1, c0 <= c1 else { return [] }
        var entries: [(Int, Double)] = []
        for r in r0...r1 {
            let y0 = -half + Double(r) * step
            var rest = PlanePoint.clip(PlanePoint.clip(ring, y: y0, keepAbove: true), y: y0 + step, keepAbove: false)
            rest = PlanePoint.clip(rest, x: -half + Double(c0) * step, keepRight: true)
            for c in c0...c1 where rest.count >= 3 {
                let x1 = -half + Double(c + 1) * step
                let area = orientation * PlanePoint.signedArea(PlanePoint.clip(rest, x: x1, keepRight: false))
                if area > 1e-12 * cellArea { entries.append((r * grid.side + c, min(1, area / cellArea))) }
                rest = PlanePoint.clip(rest, x: x1, keepRight: true)
            }
        }
        return entries
    }
}

/// A point of the city's metric plane, and the polygon clipping the coverage needs.
struct PlanePoint: Sendable {
    var x: Double, y: Double

    /// The shoelace area, positive for a counter-clockwise ring.
    static func signedArea(_ ring: [PlanePoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    /// The part of a ring on one side of the vertical line at `x` (Sutherland–Hodgman: the clipped
    /// ring's area is that of the part, also for a ring that is not convex).
    static func clip(_ ring: [PlanePoint], x: Double, keepRight: Bool) -> [PlanePoint] {
        clip(ring) { keepRight ? $0.x >= x : $0.x <= x } cut: { a, b in
            let t = (x - a.x) / (b.x - a.x)
            return PlanePoint(x: x, y: a.y + t * (b.y - a.y))
        }
    }

    /// The part of a ring on one side of the horizontal line at `y`.
    static func clip(_ ring: [PlanePoint], y: Double, keepAbove: Bool) -> [PlanePoint] {
        clip(ring) { keepAbove ? $0.y >= y : $0.y <= y } cut: { a, b in
            let t = (y - a.y) / (b.y - a.y)
            return PlanePoint(x: a.x + t * (b.x - a.x), y: y)
        }
    }

    private static func clip(_ ring: [PlanePoint], inside: (PlanePoint) -> Bool,
                             cut: (PlanePoint, PlanePoint) -> PlanePoint) -> [PlanePoint] {
        guard !ring.isEmpty else { return [] }
        var out: [PlanePoint] = []
        out.reserveCapacity(ring.count + 4)
        var previous = ring[ring.count - 1], previousInside = inside(previous)
        for point in ring {
            let isInside = inside(point)
            if isInside != previousInside { out.append(cut(previous, point)) }
            if isInside { out.append(point) }
            previous = point
            previousInside = isInside
        }
        return out
    }
}
