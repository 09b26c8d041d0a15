import CrimeCore
import Foundation

/// Spherical Web Mercator (EPSG:3857), the projection of web map tiles. Programs reach it as
/// ``CoordinateReferenceSystem/webMercator``; CrimeEval's maps call it directly.
package enum WebMercator {
    /// The sphere radius EPSG:3857 uses: WGS84's semi-major axis, in metres.
    package static let radius = 6_378_137.0
    /// The latitude limit of the square world map, in degrees.
    package static let maxLatitude = 85.051_128_779_806_59

    /// Projects a point to metres (x east, y north). Latitudes beyond ±85.05° are clamped.
    package static func project(_ p: GeoPoint) -> PlanarPoint {
        let lat = min(max(p.latitude, -maxLatitude), maxLatitude) * .pi / 180
        return PlanarPoint(x: radius * p.longitude * .pi / 180, y: radius * log(tan(.pi / 4 + lat / 2)))
    }

    /// The point at projected metres.
    package static func unproject(x: Double, y: Double) -> GeoPoint {
        GeoPoint(latitude: (2 * atan(exp(y / radius)) - .pi / 2) * 180 / .pi,
                 longitude: x / radius * 180 / .pi)
    }
}
