import CrimeCore
import Foundation

/// Areas of latitude/longitude rings on the authalic sphere, for area shares (PAI, PEI).
///
/// Each edge is taken as a great-circle arc and the area is the sum of the signed areas of the
/// triangles that the edges form with the north pole. For H3 cells (great-circle edges, H3's authalic
/// radius) this is H3's exact cell area; for grid squares and polygons, whose edges are straight in a
/// projection, the difference on city-sized cells is far below what area shares can resolve.
enum SphericalArea {
    /// H3's authalic Earth radius in metres.
    static let radius = 6_371_007.180918475

    /// The area enclosed by a ring (either orientation, not closed) in square metres; 0 for fewer than 3
    /// vertices.
    static func squareMetres(ring: [GeoPoint]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            let ta = tan(a.latitude * .pi / 360), tb = tan(b.latitude * .pi / 360)
            let d = remainder((b.longitude - a.longitude) * .pi / 180, 2 * .pi)
            // The signed spherical excess of the triangle that the edge forms with the north pole, in the
            // tangent half-angle form: 2·atan2(tan(Δλ/2)·(t_a + t_b), 1 + t_a·t_b) with t = tan(φ/2).
            sum += 2 * atan2(tan(d / 2) * (ta + tb), 1 + ta * tb)
        }
        var area = abs(sum)
        if area > 2 * .pi { area = 4 * .pi - area }
        return area * radius * radius
    }
}
