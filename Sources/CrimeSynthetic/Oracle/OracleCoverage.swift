import CrimeCore
import CrimeForecast
import Foundation

/// Which parts of the oracle's sub-cells (``OracleGrid``) lie in each forecast cell.
///
/// Each sub-cell is sampled at `samples × samples` evenly spaced points (fine enough that the smallest
/// cell holds at least 16 × 16 of them, at most 8 × 8 per sub-cell) and each point is tested against
/// every cell's outer ring, drawn as straight lines in the city's metric plane; a sub-cell's share of a
/// cell is the fraction of its points inside. A forecast cell's expectation is then the sum of its
/// sub-cells' masses weighted by those shares, which treats each mass as even within its sub-cell.
/// Points in two overlapping cells count in both; holes of polygon cells are not seen (outer rings only).
struct OracleCoverage: Sendable {
    /// Cell `c`'s entries are `offsets[c]..<offsets[c + 1]`.
    let offsets: [Int]
    /// Sub-cell index (`row × side + column`) of each entry.
    let subcells: [Int]
    /// The share of the sub-cell inside the cell, for each entry.
    let shares: [Double]
    /// Sample points per sub-cell side.
    let samples: Int
    /// Each cell's sub-cell rows and columns (`lowerBound` ≥ `upperBound` when the cell misses the raster).
    let rowSpans: [Range<Int>], columnSpans: [Range<Int>]

    /// The coverage of `cells` on `grid`, with ring vertices placed by the city's metric `frame`.
    init(cells: ForecastCells, grid: OracleGrid, frame: SyntheticMetricFrame) {
        let smallest = cells.areas.filter { $0 > 0 }.min() ?? grid.step * grid.step
        samples = max(1, min(8, Int((16 * grid.step / smallest.squareRoot()).rounded(.up))))
        let parts = WriteOnceSlots<[(Int, Double)]>(count: cells.count)
        let (samples, rings) = (samples, cells.boundaries.map { $0.map { frame.metres($0) } })
        OracleBlocks.forEach(count: cells.count, block: 16) { block in
            for c in block { parts.store(Self.entries(ring: rings[c], grid: grid, samples: samples), at: c) }
        }
        var offsets = [0], subcells: [Int] = [], shares: [Double] = []
        for entries in parts.collect() {
            for (s, share) in entries { subcells.append(s); shares.append(share) }
            offsets.append(subcells.count)
        }
        self.offsets = offsets
        self.subcells = subcells
        self.shares = shares
        let side = grid.side
        rowSpans = (0..<cells.count).map { c in
            let rows = subcells[offsets[c]..<offsets[c + 1]].map { $0 / side }
            return (rows.min() ?? 0)..<((rows.max() ?? -1) + 1)
        }
        columnSpans = (0..<cells.count).map { c in
            let columns = subcells[offsets[c]..<offsets[c + 1]].map { $0 % side }
            return (columns.min() ?? 0)..<((columns.max() ?? -1) + 1)
        }
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

    /// ``aggregate(_:)`` of a separable field: `rows.masses[i]` × `columns.masses[j]` on sub-cell
    /// `(rows.first + i, columns.first + j)`, zero elsewhere.
    func aggregate(rows: (first: Int, masses: [Double]), columns: (first: Int, masses: [Double]), side: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        guard !rows.masses.isEmpty, !columns.masses.isEmpty else { return out }
        let r0 = rows.first, r1 = rows.first + rows.masses.count, c0 = columns.first, c1 = columns.first + columns.masses.count
        for c in 0..<count where rowSpans[c].overlaps(r0..<r1) && columnSpans[c].overlaps(c0..<c1) {
            var sum = 0.0
            for e in offsets[c]..<offsets[c + 1] {
                let s = subcells[e], r = s / side, k = s - r * side
                if r >= r0, r < r1, k >= c0, k < c1 { sum += shares[e] * rows.masses[r - r0] * columns.masses[k - c0] }
            }
            out[c] = sum
        }
        return out
    }

    /// The sub-cells a ring covers and their shares, by scanning rows of sample points (even–odd rule).
    private static func entries(ring: [(Double, Double)], grid: OracleGrid, samples m: Int) -> [(Int, Double)] {
        guard ring.count >= 3 else { return [] }
        let spacing = grid.step / Double(m), points = grid.side * m, half = grid.half
        let ys = ring.map(\.1), xs = ring.map(\.0)
        guard let yMin = ys.min(), let yMax = ys.max(), let xMin = xs.min(), let xMax = xs.max() else { return [] }
        // Sample k sits at −half + (k + ½)·spacing.
        func firstAtOrAbove(_ v: Double) -> Int { Int(((v + half) / spacing - 0.5).rounded(.up)) }
        let i0 = max(0, firstAtOrAbove(yMin)), i1 = min(points - 1, firstAtOrAbove(yMax) - 1)
        let j0 = max(0, firstAtOrAbove(xMin)), j1 = min(points - 1, firstAtOrAbove(xMax) - 1)
        guard i0 <= i1, j0 <= j1 else { return [] }
        let r0 = i0 / m, c0 = j0 / m, width = j1 / m - c0 + 1
        var counts = [Int](repeating: 0, count: (i1 / m - r0 + 1) * width)
        var crossings: [Double] = []
        for i in i0...i1 {
            let y = -half + (Double(i) + 0.5) * spacing
            crossings.removeAll(keepingCapacity: true)
            for k in ring.indices {
                let (xa, ya) = ring[k], (xb, yb) = ring[(k + 1) % ring.count]
                if (ya > y) != (yb > y) { crossings.append(xa + (y - ya) * (xb - xa) / (yb - ya)) }
            }
            crossings.sort()
            let base = (i / m - r0) * width
            for p in stride(from: 0, to: crossings.count - 1, by: 2) {
                let jLo = max(j0, firstAtOrAbove(crossings[p])), jHi = min(j1, firstAtOrAbove(crossings[p + 1]) - 1)
                guard jLo <= jHi else { continue }
                for j in jLo...jHi { counts[base + j / m - c0] += 1 }
            }
        }
        let perSubcell = Double(m * m)
        var entries: [(Int, Double)] = []
        for (k, n) in counts.enumerated() where n > 0 {
            entries.append(((r0 + k / width) * grid.side + c0 + k % width, Double(n) / perSubcell))
        }
        return entries
    }
}
