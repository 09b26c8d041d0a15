import Foundation
import CrimeCore

/// Filling polygons with cells (H3 version 4's default "centre" containment).
extension H3 {
    /// The cells at `resolution` whose centres lie inside the polygon (inside `outer` and outside every
    /// hole), in ascending index order. Rings are latitude/longitude points, open or closed, in either
    /// orientation; they must not cross the antimeridian or contain a pole. A centre exactly on an edge
    /// is decided as H3 decides it (ray casting eastwards, ties nudged north and west).
    public static func polygonToCells(outer: [GeoPoint], holes: [[GeoPoint]] = [], resolution: Int) throws -> [H3Index] {
        try check(resolution: resolution)
        for ring in [outer] + holes {
            guard ring.count >= 3 else { throw H3Error.degeneratePolygon(vertices: ring.count) }
            for p in ring {
                guard p.latitude.isFinite, abs(p.latitude) <= 90 else { throw H3Error.latitudeOutOfRange(p.latitude) }
                guard p.longitude.isFinite, abs(p.longitude) <= 180 else { throw H3Error.longitudeOutOfRange(p.longitude) }
            }
        }
        let outerLoop = H3Loop(outer)
        let holeLoops = holes.map(H3Loop.init)
        var found = Set<H3Index>()
        for cell in candidates(outerLoop, resolution: resolution) where !found.contains(cell) {
            let c = centerVector(cell).geoPointRadians
            if outerLoop.contains(latitude: c.latitude, longitude: c.longitude)
                && !holeLoops.contains(where: { $0.contains(latitude: c.latitude, longitude: c.longitude) }) {
                found.insert(cell)
            }
        }
        return found.sorted()
    }

    /// Every cell containing a point of a lattice over the loop's box, fine enough (0.3 of the average
    /// edge length) that each cell whose centre is in the box holds at least one lattice point.
    private static func candidates(_ loop: H3Loop, resolution: Int) -> Set<H3Index> {
        let edgeKm = 1281.256011 / pow(7.0.squareRoot(), Double(resolution))
        let stepDegrees = 0.3 * edgeKm / 111.195
        let maxAbsLat = max(abs(loop.south), abs(loop.north)) * H3Math.radiansToDegrees
        let lngStep = stepDegrees / max(cos(min(maxAbsLat, 89.9) * Double.pi / 180), 0.01)
        let south = loop.south * H3Math.radiansToDegrees, north = loop.north * H3Math.radiansToDegrees
        let west = loop.west * H3Math.radiansToDegrees, east = loop.east * H3Math.radiansToDegrees
        let rows = Int(((north - south) / stepDegrees).rounded(.up)) + 1
        let columns = Int(((east - west) / lngStep).rounded(.up)) + 1
        var cells = Set<H3Index>()
        H3FaceProjection.table.withUnsafeBufferPointer { table in
            for r in 0...rows {
                let lat = min(north, south + Double(r) * stepDegrees)
                for c in 0...columns {
                    let lng = min(east, west + Double(c) * lngStep)
                    cells.insert(cell(latitude: lat, longitude: lng, resolution: resolution, table: table))
                }
            }
        }
        return cells
    }
}

/// A polygon ring in radians with its bounding box, for point-in-ring tests.
struct H3Loop {
    var latitudes: [Double]
    var longitudes: [Double]
    var south = Double.infinity, north = -Double.infinity, west = Double.infinity, east = -Double.infinity

    init(_ ring: [GeoPoint]) {
        var pts = ring
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        latitudes = pts.map { $0.latitude * H3Math.degreesToRadians }
        longitudes = pts.map { $0.longitude * H3Math.degreesToRadians }
        for (lat, lng) in zip(latitudes, longitudes) {
            south = min(south, lat); north = max(north, lat)
            west = min(west, lng); east = max(east, lng)
        }
    }

    /// Ray-casting test with H3's tie rules: a point at a vertex latitude moves north by one ulp of 1,
    /// a point at a vertex longitude moves west by one ulp of 1.
    func contains(latitude: Double, longitude: Double) -> Bool {
        guard latitude >= south, latitude <= north, longitude >= west, longitude <= east else { return false }
        var inside = false
        var lat = latitude, lng = longitude
        let n = latitudes.count
        for i in 0..<n {
            let j = (i + 1) % n
            var aLat = latitudes[i], aLng = longitudes[i], bLat = latitudes[j], bLng = longitudes[j]
            if aLat > bLat { swap(&aLat, &bLat); swap(&aLng, &bLng) }
            if lat == aLat || lat == bLat { lat += Double.ulpOfOne }
            if lat < aLat || lat > bLat { continue }
            if aLng == lng || bLng == lng { lng -= Double.ulpOfOne }
            let ratio = (lat - aLat) / (bLat - aLat)
            if aLng + (bLng - aLng) * ratio > lng { inside.toggle() }
        }
        return inside
    }
}
