import CrimeCore
import Foundation

/// A coordinate reference system CrimeKit can convert to and from WGS84 latitude/longitude:
/// geographic degrees, spherical Web Mercator, or an ellipsoidal Transverse Mercator (UTM zones,
/// US State Plane TM zones such as EPSG:3435) in metres or another linear unit.
///
/// Geographic datums are not shifted: NAD83 (EPSG:4269) is treated as WGS84, as PROJ does when no
/// datum grid is at hand (the two differ by about a metre, the same for every point of a city).
public struct CoordinateReferenceSystem: Sendable, Hashable, CustomStringConvertible {
    /// How planar coordinates relate to latitude and longitude.
    public enum Method: Sendable, Hashable {
        /// Degrees: x is longitude, y is latitude.
        case geographic
        /// Spherical Web Mercator (EPSG:3857), metres.
        case webMercator
        /// Ellipsoidal Transverse Mercator; the projection works in metres.
        case transverseMercator(TransverseMercator)
    }

    /// A short name, e.g. `NAD83 / Illinois East (ftUS)`.
    public let name: String
    /// The EPSG code when the system is a known one.
    public let epsg: Int?
    /// How coordinates are computed.
    public let method: Method
    /// Metres per unit of the planar coordinates (1 for metres, 1200/3937 for US survey feet; unused when geographic).
    public let metresPerUnit: Double

    /// A system from its parts.
    public init(name: String, epsg: Int?, method: Method, metresPerUnit: Double = 1) {
        self.name = name
        self.epsg = epsg
        self.method = method
        self.metresPerUnit = metresPerUnit
    }

    /// The US survey foot in metres, 1200/3937.
    public static let usSurveyFoot = 1200.0 / 3937.0
    /// GRS80's flattening (NAD83's ellipsoid; semi-major axis 6,378,137 m as WGS84).
    public static let grs80Flattening = 1 / 298.257_222_101

    /// WGS84 latitude/longitude, EPSG:4326.
    public static let wgs84 = CoordinateReferenceSystem(name: "WGS 84", epsg: 4326, method: .geographic)
    /// Web Mercator, EPSG:3857.
    public static let webMercator = CoordinateReferenceSystem(name: "WGS 84 / Pseudo-Mercator", epsg: 3857,
                                                              method: .webMercator)
    /// NAD83 / Illinois East (ftUS), EPSG:3435: Transverse Mercator on GRS80, origin 36°40′N 88°20′W,
    /// scale 0.999975, false easting 300,000 m (984,250 ftUS), coordinates in US survey feet.
    /// Parameters as in the EPSG registry (checked against pyproj's EPSG:3435).
    public static let illinoisEastFeet = CoordinateReferenceSystem(
        name: "NAD83 / Illinois East (ftUS)", epsg: 3435,
        method: .transverseMercator(TransverseMercator(centralMeridian: -(88 + 20.0 / 60), latitudeOfOrigin: 36 + 40.0 / 60,
                                                       scaleFactor: 0.999_975, falseEasting: 300_000,
                                                       flattening: grs80Flattening)),
        metresPerUnit: usSurveyFoot)

    /// WGS84 / UTM zone `zone` (1–60), north (EPSG:326zz) or south (EPSG:327zz) of the equator.
    public static func utm(zone: Int, north: Bool) throws -> CoordinateReferenceSystem {
        guard (1...60).contains(zone) else { throw CRSError.badUTMZone(zone) }
        let tm = TransverseMercator(centralMeridian: Double(6 * zone - 183), scaleFactor: 0.9996,
                                    falseEasting: 500_000, falseNorthing: north ? 0 : 10_000_000)
        return CoordinateReferenceSystem(name: "WGS 84 / UTM zone \(zone)\(north ? "N" : "S")",
                                         epsg: (north ? 32600 : 32700) + zone, method: .transverseMercator(tm))
    }

    /// A system by EPSG code: 4326, 4269 (as WGS84), 3857, 3435, and UTM 32601–32660 / 32701–32760.
    public init(epsg code: Int) throws {
        switch code {
        case 4326: self = .wgs84
        case 4269: self = CoordinateReferenceSystem(name: "NAD83", epsg: 4269, method: .geographic)
        case 3857, 900_913: self = .webMercator
        case 3435: self = .illinoisEastFeet
        case 32601...32660: self = try .utm(zone: code - 32600, north: true)
        case 32701...32760: self = try .utm(zone: code - 32700, north: false)
        default: throw CRSError.unsupportedCode("EPSG:\(code)")
        }
    }

    /// A system from text such as `EPSG:3435` (or the bare number).
    public init(code text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.uppercased().hasPrefix("EPSG:") ? String(trimmed.dropFirst(5)) : trimmed
        guard let code = Int(digits) else { throw CRSError.unsupportedCode(text) }
        try self.init(epsg: code)
    }

    /// True for latitude/longitude systems.
    public var isGeographic: Bool { method == .geographic }

    /// Planar coordinates of a point, in the system's unit (longitude, latitude for geographic systems).
    public func project(_ p: GeoPoint) -> PlanarPoint {
        switch method {
        case .geographic: return PlanarPoint(x: p.longitude, y: p.latitude)
        case .webMercator: return WebMercator.project(p)
        case let .transverseMercator(tm):
            let m = tm.project(p)
            return PlanarPoint(x: m.x / metresPerUnit, y: m.y / metresPerUnit)
        }
    }

    /// The point at planar coordinates in the system's unit.
    public func unproject(x: Double, y: Double) -> GeoPoint {
        switch method {
        case .geographic: return GeoPoint(latitude: y, longitude: x)
        case .webMercator: return WebMercator.unproject(x: x, y: y)
        case let .transverseMercator(tm): return tm.unproject(x: x * metresPerUnit, y: y * metresPerUnit)
        }
    }

    /// The ellipsoid the system's latitudes refer to.
    public var ellipsoid: Ellipsoid {
        if case let .transverseMercator(tm) = method {
            return Ellipsoid(semiMajorAxis: tm.semiMajorAxis, flattening: tm.flattening)
        }
        return .wgs84
    }

    public var description: String { epsg.map { "EPSG:\($0) (\(name))" } ?? name }
}

/// Errors naming a coordinate reference system that CrimeKit cannot use.
public enum CRSError: Error, Equatable, CustomStringConvertible {
    /// A code that is not one of the supported EPSG systems.
    case unsupportedCode(String)
    /// A UTM zone outside 1–60.
    case badUTMZone(Int)

    public var description: String {
        switch self {
        case let .unsupportedCode(c):
            return "unsupported coordinate reference system '\(c)': use EPSG:4326, 4269, 3857, 3435, 326xx or 327xx"
        case let .badUTMZone(z): return "UTM zone must be 1–60, got \(z)"
        }
    }
}

extension CRSError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
