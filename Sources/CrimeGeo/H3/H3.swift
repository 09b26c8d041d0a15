import CrimeCore
import Dispatch
import Foundation

/// H3 hexagonal cells, bit for bit as Uber's H3 library version 4 computes them.
///
/// Functions keep H3's names (`latLngToCell`, `cellToBoundary`, `gridDisk`, …). Coordinates are degrees.
/// Any finite longitude is taken and wraps as in H3, which feeds the raw radians to cosine and sine (so
/// 190° is -170°, and cells stay bit-exact with H3 for large longitudes). Latitudes outside [-90, 90] and
/// NaN or infinite coordinates are rejected with ``H3Error``.
public enum H3 {
    /// The finest resolution.
    public static let maxResolution = 15

    /// Checks a resolution.
    static func check(resolution res: Int) throws {
        guard (0...maxResolution).contains(res) else { throw H3Error.resolutionOutOfRange(res) }
    }

    /// Checks a cell.
    static func check(_ cell: H3Index) throws {
        guard cell.isValid else { throw H3Error.invalidCell(cell.rawValue) }
    }

    /// The cell at `resolution` (0...15) containing the point given in degrees; any finite longitude
    /// wraps as in H3.
    public static func latLngToCell(latitude: Double, longitude: Double, resolution: Int) throws -> H3Index {
        guard latitude.isFinite, abs(latitude) <= 90 else { throw H3Error.latitudeOutOfRange(latitude) }
        guard longitude.isFinite else { throw H3Error.longitudeOutOfRange(longitude) }
        try check(resolution: resolution)
        return H3FaceProjection.table.withUnsafeBufferPointer { table in
            cell(latitude: latitude, longitude: longitude, resolution: resolution, table: table)
        }
    }

    /// The cell at `resolution` containing the point.
    public static func latLngToCell(_ point: GeoPoint, resolution: Int) throws -> H3Index {
        try latLngToCell(latitude: point.latitude, longitude: point.longitude, resolution: resolution)
    }

    /// The cells of many points at one resolution, written into `output` (same count as the inputs),
    /// computed in contiguous parts on up to `threads` cores; the result does not depend on `threads`.
    /// Every point is checked first: throws for the first one out of range (a latitude outside [-90, 90] or a
    /// coordinate that is not finite), and then writes nothing. Finite longitudes wrap as in H3.
    public static func latLngToCells(latitudes: UnsafeBufferPointer<Double>, longitudes: UnsafeBufferPointer<Double>,
                                     resolution: Int, into output: UnsafeMutableBufferPointer<UInt64>,
                                     threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        try check(resolution: resolution)
        let n = min(latitudes.count, longitudes.count, output.count)
        for p in 0..<n {
            let lat = latitudes[p], lng = longitudes[p]
            guard lat.isFinite, abs(lat) <= 90 else { throw H3Error.latitudeOutOfRange(lat) }
            guard lng.isFinite else { throw H3Error.longitudeOutOfRange(lng) }
        }
        let parts = max(1, min(threads, n / 16_384))
        let job = H3BatchJob(latitudes: latitudes, longitudes: longitudes, output: output, resolution: resolution)
        if parts == 1 { return job.run(0..<n) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            job.run((n * part / parts)..<(n * (part + 1) / parts))
        }
    }

    /// The cell of a checked point given in degrees.
    @inline(__always) static func cell(latitude: Double, longitude: Double, resolution: Int,
                                       table: UnsafeBufferPointer<Double>) -> H3Index {
        let p = H3FaceProjection.planar(latitude: latitude * H3Math.degreesToRadians,
                                        longitude: longitude * H3Math.degreesToRadians,
                                        resolution: resolution, table: table)
        let (a, b) = H3CoordIJK.axialContaining(x: p.x, y: p.y)
        // Every point of the sphere has a cell: positions past the base cells do not occur for unit vectors.
        return H3CellCoding.encode(face: p.face, a: a, b: b, resolution: resolution) ?? H3Index(rawValue: 0)
    }

    /// The centre of a cell.
    public static func cellToLatLng(_ cell: H3Index) throws -> GeoPoint {
        try check(cell)
        let g = centerVector(cell).geoPointDegrees
        return GeoPoint(latitude: g.latitude, longitude: g.longitude)
    }

    /// The unit vector of a valid cell's centre.
    static func centerVector(_ cell: H3Index) -> H3Vec3 {
        let fijk = H3CellCoding.decode(cell)
        let p = fijk.coord.hex2d()
        return H3Projection.vec3(x: p.x, y: p.y, face: fijk.face, resolution: cell.resolution, substrate: false)
    }

    /// The cell's boundary, counter-clockwise, not closed: 6 vertices for a hexagon and 5 for a pentagon,
    /// plus one wherever a Class III cell's edge crosses an icosahedron edge (as H3's `cellToBoundary`).
    public static func cellToBoundary(_ cell: H3Index) throws -> [GeoPoint] {
        try check(cell)
        return H3Boundary.radians(cell).map {
            GeoPoint(latitude: $0.latitude * H3Math.radiansToDegrees, longitude: $0.longitude * H3Math.radiansToDegrees)
        }
    }

    /// True when the value is a valid H3 cell.
    public static func isValidCell(_ cell: H3Index) -> Bool { cell.isValid }

    /// The cell's resolution.
    public static func getResolution(_ cell: H3Index) -> Int { cell.resolution }

    /// The cell's base cell (0...121).
    public static func getBaseCellNumber(_ cell: H3Index) -> Int { cell.baseCell }

    /// True for pentagons.
    public static func isPentagon(_ cell: H3Index) -> Bool { cell.isPentagon }

    /// Parses a cell from its hexadecimal string.
    public static func stringToH3(_ string: String) throws -> H3Index { try H3Index(string) }

    /// The lowercase hexadecimal string of a cell.
    public static func h3ToString(_ cell: H3Index) -> String { cell.description }
}
