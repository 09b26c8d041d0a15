/// The ellipsoid a coordinate reference system's latitudes refer to.
public struct Ellipsoid: Sendable, Hashable {
    /// The semi-major (equatorial) axis, in metres.
    public let semiMajorAxis: Double
    /// The flattening `(a − b) / a`.
    public let flattening: Double

    /// An ellipsoid from its semi-major axis in metres and its flattening.
    public init(semiMajorAxis: Double, flattening: Double) {
        self.semiMajorAxis = semiMajorAxis
        self.flattening = flattening
    }

    /// WGS84 (GRS80 differs only in the 11th digit of 1/f).
    public static let wgs84 = Ellipsoid(semiMajorAxis: 6_378_137.0, flattening: 1 / 298.257_223_563)
}
