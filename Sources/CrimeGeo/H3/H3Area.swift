import Foundation

/// Exact spherical cell areas.
extension H3 {
    /// The cell's area on the sphere in steradians: the sum over its boundary edges of the signed area
    /// between each edge and the pole (exact for great-circle edges), added with compensated summation.
    public static func cellAreaRadians2(_ cell: H3Index) throws -> Double {
        try check(cell)
        let verts = H3Boundary.radians(cell)
        var sum = 0.0, compensation = 0.0
        for a in 0..<verts.count {
            let b = (a + 1) % verts.count
            let term = edgeArea(verts[a], verts[b])
            let y = term - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        if sum < 0 {
            let y = 4.0 * Double.pi - compensation
            sum += y
        }
        return sum
    }

    /// The cell's area in square kilometres (H3's authalic radius 6371.007180918475 km).
    public static func cellAreaKm2(_ cell: H3Index) throws -> Double {
        try cellAreaRadians2(cell) * H3Math.earthRadiusKm * H3Math.earthRadiusKm
    }

    /// The cell's area in square metres.
    public static func cellAreaM2(_ cell: H3Index) throws -> Double {
        try cellAreaKm2(cell) * 1_000_000
    }

    /// Signed area of the spherical triangle (pole, x, y), from the tangent half-angle form.
    private static func edgeArea(_ x: (latitude: Double, longitude: Double), _ y: (latitude: Double, longitude: Double)) -> Double {
        let xl = x.latitude / 2.0 + Double.pi / 4.0
        let yl = y.latitude / 2.0 + Double.pi / 4.0
        let sa = sin(xl) * sin(yl)
        let ca = cos(xl) * cos(yl)
        let d = y.longitude - x.longitude
        return -2.0 * atan2(sa * sin(d), sa * cos(d) + ca)
    }
}
