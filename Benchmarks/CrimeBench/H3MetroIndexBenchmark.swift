import CrimeCore
import CrimeGeo
import Dispatch
import Foundation

/// Peak memory of a resolution-8 H3 index over a metro area: the cells of the Las Vegas valley box
/// (36.0–36.35° N, 115.35–114.95° W) from `H3Grid.cells(covering:)`, then 1,000,000 seeded points in the box
/// assigned to their cell and to that cell's position in the sorted cell list (a count per cell).
/// Run it in its own process: the peak (VmHWM) is the whole process's.
enum H3MetroIndexBenchmark {
    static let points = 1_000_000

    static func run() throws -> [String: Double] {
        let before = ResidentMemory.read()
        let box = BoundingBox(minLatitude: 36.0, minLongitude: -115.35, maxLatitude: 36.35, maxLongitude: -114.95)
        let t0 = DispatchTime.now().uptimeNanoseconds
        let cells = try H3Grid(resolution: 8).cells(covering: box).map(\.rawValue)
        let t1 = DispatchTime.now().uptimeNanoseconds

        var rng = SeededGenerator(seed: 36)
        var lats = [Double](repeating: 0, count: points), lngs = [Double](repeating: 0, count: points)
        for p in 0..<points {
            lats[p] = 36.0 + 0.35 * rng.nextUniform()
            lngs[p] = -115.35 + 0.40 * rng.nextUniform()
        }
        let t2 = DispatchTime.now().uptimeNanoseconds
        var indexes = [UInt64](repeating: 0, count: points)
        try lats.withUnsafeBufferPointer { la in
            try lngs.withUnsafeBufferPointer { lo in
                try indexes.withUnsafeMutableBufferPointer { o in
                    try H3.latLngToCells(latitudes: la, longitudes: lo, resolution: 8, into: o)
                }
            }
        }
        // Position of each point's cell in the sorted list; cells whose centre is outside the box count as -1.
        var ordinals = [Int32](repeating: -1, count: points)
        var counts = [Int32](repeating: 0, count: cells.count)
        var outside = 0
        cells.withUnsafeBufferPointer { sorted in
            for p in 0..<points {
                var lo = 0, hi = sorted.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if sorted[mid] < indexes[p] { lo = mid + 1 } else { hi = mid }
                }
                if lo < sorted.count && sorted[lo] == indexes[p] {
                    ordinals[p] = Int32(lo)
                    counts[lo] += 1
                } else {
                    outside += 1
                }
            }
        }
        let t3 = DispatchTime.now().uptimeNanoseconds
        let after = ResidentMemory.read()
        return [
            "h3index_cells": Double(cells.count),
            "h3index_points": Double(points),
            "h3index_points_outside_cells": Double(outside),
            "h3index_fill_seconds": Double(t1 - t0) / 1e9,
            "h3index_assign_seconds": Double(t3 - t2) / 1e9,
            "h3index_index_bytes": Double(cells.count * 8 + counts.count * 4 + points * (8 + 4)),
            "h3index_rss_before_bytes": Double(before.current),
            "h3index_peak_rss_bytes": Double(after.peak),
            "h3index_max_count_per_cell": Double(counts.max() ?? 0),
        ]
    }
}
