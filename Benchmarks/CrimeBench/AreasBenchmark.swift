import CrimeCore
import CrimeGeo
import Dispatch
import Foundation

/// Times assigning points to polygon areas: the Chicago shapefile (EPSG:3435) read and indexed, then
/// every point of a binary file (little-endian float64 pairs lat, lng) projected into feet and located.
/// Writes each point's area ordinal (int32, -1 outside) to `out` so the peer can compare labels, and
/// reports times (best of three for the look-ups) and the memory the polygon index holds.
enum AreasBenchmark {
    static func run(shapefile: String, points: String, out: String) throws -> [String: Double] {
        let before = ResidentMemory.read()
        var start = DispatchTime.now().uptimeNanoseconds
        let index = try PolygonIndex(contentsOf: URL(fileURLWithPath: shapefile), labelProperty: "COMMUNITY", crs: .illinoisEastFeet)
        let buildSeconds = seconds(since: start)
        let after = ResidentMemory.read()
        let raw = try Data(contentsOf: URL(fileURLWithPath: points))
        let n = raw.count / 16
        var lats = [Double](repeating: 0, count: n), lngs = [Double](repeating: 0, count: n)
        raw.withUnsafeBytes { bytes in
            for i in 0..<n {
                lats[i] = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16 * i, as: UInt64.self)))
                lngs[i] = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16 * i + 8, as: UInt64.self)))
            }
        }
        var best = Double.infinity
        var ordinals: [Int32] = []
        for _ in 0..<3 {
            start = DispatchTime.now().uptimeNanoseconds
            ordinals = index.ordinals(latitudes: lats, longitudes: lngs)
            best = min(best, seconds(since: start))
        }
        var single = Double.infinity
        var agree = true
        for _ in 0..<2 {
            start = DispatchTime.now().uptimeNanoseconds
            var one = [Int32](repeating: -1, count: n)
            for i in 0..<n {
                if let cell = index.cell(containing: GeoPoint(latitude: lats[i], longitude: lngs[i])) { one[i] = Int32(cell.rawValue) }
            }
            single = min(single, seconds(since: start))
            agree = agree && one == ordinals
        }
        try ordinals.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: out))
        let vertices = index.features.flatMap(\.polygons).flatMap(\.rings).map(\.count).reduce(0, +)
        return [
            "areas_points": Double(n),
            "areas_build_seconds": buildSeconds,
            "areas_assign_seconds": best,
            "areas_assign_one_thread_seconds": single,
            "areas_one_thread_agrees": agree ? 1 : 0,
            "areas_index_lookup_bytes": Double(index.lookupByteCount),
            "areas_index_vertex_bytes": Double(vertices * 16),
            "areas_index_rss_growth_bytes": Double(after.current - before.current),
            "areas_index_peak_growth_bytes": Double(after.peak - before.peak),
        ]
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
