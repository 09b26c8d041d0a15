import CrimeCore
import Foundation

extension PolygonIndex {
    /// The area's centroid (holes excluded), computed in the layer's plane and unprojected; for a
    /// geographic layer, in a ``LocalProjection`` centred on the area's bounding box.
    public func center(of cell: CellID) throws -> GeoPoint {
        let f = features[try ordinal(of: cell)]
        let rings = f.polygons.flatMap(\.rings)
        guard let first = rings.first?.first else { throw PolygonIndexError.emptyArea(cell) }
        if crs.isGeographic {
            let box = boxes[Int(cell.rawValue)]
            let local = LocalProjection(origin: GeoPoint(latitude: ((box?.minLatitude ?? first.y) + (box?.maxLatitude ?? first.y)) / 2,
                                                         longitude: ((box?.minLongitude ?? first.x) + (box?.maxLongitude ?? first.x)) / 2))
            let projected = rings.map { ring in
                ring.map { p -> PlanarPoint in
                    let m = local.project(GeoPoint(latitude: p.y, longitude: p.x))
                    return PlanarPoint(x: m.x, y: m.y)
                }
            }
            let c = Self.planarCentroid(projected)
            return local.unproject(x: c.x, y: c.y)
        }
        let c = Self.planarCentroid(rings)
        return crs.unproject(x: c.x, y: c.y)
    }

    /// The area on the ellipsoid in square metres (holes excluded).
    ///
    /// Vertices are carried to latitude/longitude and then to authalic latitude on the authalic sphere
    /// (the sphere with the ellipsoid's area: GRS80 for EPSG:3435, WGS84 otherwise); each edge is a
    /// great-circle arc there, and the area is the sum of the signed spherical excesses of the edges'
    /// triangles with the pole. Great circles on the authalic sphere stand in for geodesics; on city
    /// polygons the result agrees with pyproj's `Geod.geometry_area_perimeter` to about 1e-7.
    public func geodesicArea(of cell: CellID) throws -> Double {
        let f = features[try ordinal(of: cell)]
        let a = crs.ellipsoid.semiMajorAxis, flattening = crs.ellipsoid.flattening
        let e2 = flattening * (2 - flattening)
        let e = e2.squareRoot()
        func q(_ sinPhi: Double) -> Double {
            guard e > 0 else { return 2 * sinPhi }
            return (1 - e2) * (sinPhi / (1 - e2 * sinPhi * sinPhi) - log((1 - e * sinPhi) / (1 + e * sinPhi)) / (2 * e))
        }
        let qPole = q(1)
        var excess = 0.0
        for ring in f.polygons.flatMap(\.rings) {
            // (longitude in radians, tan(authalic latitude / 2)) per vertex.
            let vertices = ring.map { p -> (lambda: Double, t: Double) in
                let g = crs.unproject(x: p.x, y: p.y)
                let beta = asin(min(1, max(-1, q(sin(g.latitude * .pi / 180)) / qPole)))
                return (g.longitude * .pi / 180, tan(beta / 2))
            }
            for i in vertices.indices {
                let v = vertices[i], w = vertices[(i + 1) % vertices.count]
                let dLambda = remainder(w.lambda - v.lambda, 2 * .pi)
                excess += 2 * atan2(tan(dLambda / 2) * (v.t + w.t), 1 + v.t * w.t)
            }
        }
        return -excess * a * a * qPole / 2
    }

    /// The area-weighted centroid of rings oriented outer counter-clockwise, holes clockwise.
    static func planarCentroid(_ rings: [[PlanarPoint]]) -> PlanarPoint {
        guard let origin = rings.first?.first else { return PlanarPoint(x: 0, y: 0) }
        var area2 = 0.0, cx = 0.0, cy = 0.0
        for ring in rings {
            for i in ring.indices {
                let p = ring[i], q = ring[(i + 1) % ring.count]
                let px = p.x - origin.x, py = p.y - origin.y, qx = q.x - origin.x, qy = q.y - origin.y
                let cross = px * qy - qx * py
                area2 += cross
                cx += (px + qx) * cross
                cy += (py + qy) * cross
            }
        }
        guard area2 != 0 else { return origin }
        return PlanarPoint(x: origin.x + cx / (3 * area2), y: origin.y + cy / (3 * area2))
    }
}
