import CrimeCore
import Foundation

extension BoundingBox {
    /// The box's area on a sphere of the Earth's mean radius (6,371,008.8 m), in square metres: what a
    /// study checks before laying cells over an extent that one stray point may have stretched.
    public var squareMetres: Double {
        let r = 6_371_008.8, rad = Double.pi / 180
        return r * r * abs(sin(maxLatitude * rad) - sin(minLatitude * rad)) * abs(maxLongitude - minLongitude) * rad
    }
}
