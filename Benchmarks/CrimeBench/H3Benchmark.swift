import CrimeCore
import CrimeGeo
import Dispatch
import Foundation

/// Times `H3.latLngToCells` per point at resolutions 8 and 15 over 1,000,000 seeded points in the Las Vegas
/// metro box (best of three passes), on one thread and on every core (`_parallel` keys). With a path, first
/// writes the points there as little-endian Float64 pairs (lat, lng) so that Benchmarks/compare/h3_peer.py can
/// time Uber's C library and h3-py on the same points.
enum H3Benchmark {
    static let points = 1_000_000

    static func run(pointsPath: String?) throws -> [String: Double] {
        var rng = SeededGenerator(seed: 8)
        var lats = [Double](repeating: 0, count: points), lngs = [Double](repeating: 0, count: points)
        for p in 0..<points {
            lats[p] = 35.95 + 0.40 * rng.nextUniform()
            lngs[p] = -115.40 + 0.45 * rng.nextUniform()
        }
        if let pointsPath {
            var interleaved = [Double](repeating: 0, count: 2 * points)
            for p in 0..<points { interleaved[2 * p] = lats[p]; interleaved[2 * p + 1] = lngs[p] }
            try interleaved.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: pointsPath))
        }
        var out = [UInt64](repeating: 0, count: points)
        var results: [String: Double] = ["h3_points": Double(points)]
        for res in [8, 15] {
            for (threads, key) in [(1, ""), (ProcessInfo.processInfo.activeProcessorCount, "_parallel")] {
                var best = Double.infinity
                for _ in 0..<3 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    try lats.withUnsafeBufferPointer { la in
                        try lngs.withUnsafeBufferPointer { lo in
                            try out.withUnsafeMutableBufferPointer { o in
                                try H3.latLngToCells(latitudes: la, longitudes: lo, resolution: res, into: o,
                                                     threads: threads)
                            }
                        }
                    }
                    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
                }
                results["h3_res\(res)\(key)_ns_per_point"] = best / Double(points)
                results["h3_res\(res)\(key)_xor_checksum_low32"] = Double(out.reduce(0, ^) & 0xFFFF_FFFF)
            }
        }
        return results
    }
}
