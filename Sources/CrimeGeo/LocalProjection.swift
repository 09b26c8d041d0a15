import CrimeCore

/// A city's working plane: metres east and north of an origin, through an ellipsoidal
/// ``TransverseMercator`` (WGS84, scale 1) whose central meridian and origin are the origin point.
///
/// Within ±15 km of the origin the scale error is below 3 parts per million, so grid cells are
/// square on the ground to well under a millimetre per side.
public struct LocalProjection: Sendable, Hashable {
    /// The point projected to (0, 0).
    public let origin: GeoPoint
    private let mercator: TransverseMercator

    /// A projection centred on `origin`.
    public init(origin: GeoPoint) {
        self.origin = origin
        mercator = TransverseMercator(centralMeridian: origin.longitude, latitudeOfOrigin: origin.latitude)
    }

    /// Metres east (x) and north (y) of the origin.
    public func project(_ p: GeoPoint) -> PlanarPoint { mercator.project(p) }

    /// The point at metres east and north of the origin.
    public func unproject(x: Double, y: Double) -> GeoPoint { mercator.unproject(x: x, y: y) }
}
