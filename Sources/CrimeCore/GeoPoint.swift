/// A position on the WGS84 ellipsoid in decimal degrees.
public struct GeoPoint: Hashable, Sendable, CustomStringConvertible {
    /// Latitude in degrees, positive north.
    public var latitude: Double
    /// Longitude in degrees, positive east.
    public var longitude: Double

    /// Creates a point from latitude and longitude in degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True when both coordinates are finite and inside [-90, 90] × [-180, 180].
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    public var description: String { "(\(latitude), \(longitude))" }
}

/// An axis-aligned latitude/longitude rectangle (not crossing the antimeridian).
public struct BoundingBox: Hashable, Sendable, Codable {
    /// Southern edge in degrees.
    public var minLatitude: Double
    /// Western edge in degrees.
    public var minLongitude: Double
    /// Northern edge in degrees.
    public var maxLatitude: Double
    /// Eastern edge in degrees.
    public var maxLongitude: Double

    /// Creates a box from its edges in degrees.
    public init(minLatitude: Double, minLongitude: Double, maxLatitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.minLongitude = minLongitude
        self.maxLatitude = maxLatitude
        self.maxLongitude = maxLongitude
    }

    /// True when the point lies inside the box or on its edge.
    public func contains(_ point: GeoPoint) -> Bool {
        point.latitude >= minLatitude && point.latitude <= maxLatitude
            && point.longitude >= minLongitude && point.longitude <= maxLongitude
    }

    /// The smallest box holding every point, or nil for no points. Inlinable, so that a lazy sequence
    /// from another module is walked without generic dispatch for every point.
    @inlinable
    public init?(enclosing points: some Sequence<GeoPoint>) {
        var box: BoundingBox?
        for p in points {
            if var b = box {
                b.minLatitude = min(b.minLatitude, p.latitude)
                b.maxLatitude = max(b.maxLatitude, p.latitude)
                b.minLongitude = min(b.minLongitude, p.longitude)
                b.maxLongitude = max(b.maxLongitude, p.longitude)
                box = b
            } else {
                box = BoundingBox(minLatitude: p.latitude, minLongitude: p.longitude,
                                  maxLatitude: p.latitude, maxLongitude: p.longitude)
            }
        }
        guard let box else { return nil }
        self = box
    }
}
