import CrimeCore
import Foundation

/// Ellipsoidal Transverse Mercator through Krüger's series in the third flattening n, to order n⁴
/// (as set out by Karney, "Transverse Mercator with an accuracy of a few nanometers", 2011, eqs. 35–36),
/// good to well under a millimetre within a few hundred kilometres of the central meridian.
public struct TransverseMercator: Sendable, Hashable {
    /// Semi-major axis in the output unit.
    public let semiMajorAxis: Double
    /// Flattening.
    public let flattening: Double
    /// Central meridian in degrees.
    public let centralMeridian: Double
    /// Latitude of the origin in degrees.
    public let latitudeOfOrigin: Double
    /// Scale factor on the central meridian.
    public let scaleFactor: Double
    /// Easting of the origin, in metres.
    public let falseEasting: Double
    /// Northing of the origin, in metres.
    public let falseNorthing: Double

    private let rectifyingRadius: Double
    private let alpha: [Double]
    private let beta: [Double]
    private let delta: [Double]
    private let eccentricityTerm: Double
    private let northingOfOrigin: Double


    /// A Transverse Mercator projection; lengths in metres.
    public init(centralMeridian: Double, latitudeOfOrigin: Double = 0, scaleFactor: Double = 1,
                falseEasting: Double = 0, falseNorthing: Double = 0,
                semiMajorAxis: Double = Ellipsoid.wgs84.semiMajorAxis,
                flattening: Double = Ellipsoid.wgs84.flattening) {
        self.semiMajorAxis = semiMajorAxis
        self.flattening = flattening
        self.centralMeridian = centralMeridian
        self.latitudeOfOrigin = latitudeOfOrigin
        self.scaleFactor = scaleFactor
        self.falseEasting = falseEasting
        self.falseNorthing = falseNorthing
        let n = flattening / (2 - flattening)
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n
        rectifyingRadius = semiMajorAxis / (1 + n) * (1 + n2 / 4 + n4 / 64)
        alpha = [n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
                 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
                 61 * n3 / 240 - 103 * n4 / 140,
                 49561 * n4 / 161_280]
        beta = [n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360,
                n2 / 48 + n3 / 15 - 437 * n4 / 1440,
                17 * n3 / 480 - 37 * n4 / 840,
                4397 * n4 / 161_280]
        delta = [2 * n - 2 * n2 / 3 - 2 * n3 + 116 * n4 / 45,
                 7 * n2 / 3 - 8 * n3 / 5 - 227 * n4 / 45,
                 56 * n3 / 15 - 136 * n4 / 35,
                 4279 * n4 / 630]
        let e = 2 * n.squareRoot() / (1 + n)
        eccentricityTerm = e
        let origin = TransverseMercator.gaussKruger(latitude: latitudeOfOrigin, dLongitude: 0, e: e, alpha: alpha)
        northingOfOrigin = origin.xi * scaleFactor * rectifyingRadius
    }

    /// Easting and northing of a point.
    public func project(_ p: GeoPoint) -> PlanarPoint {
        let r = TransverseMercator.gaussKruger(latitude: p.latitude, dLongitude: p.longitude - centralMeridian,
                                               e: eccentricityTerm, alpha: alpha)
        return PlanarPoint(x: falseEasting + scaleFactor * rectifyingRadius * r.eta,
                           y: falseNorthing + scaleFactor * rectifyingRadius * r.xi - northingOfOrigin)
    }

    /// The point at an easting and northing.
    public func unproject(x: Double, y: Double) -> GeoPoint {
        let xi = (y - falseNorthing + northingOfOrigin) / (scaleFactor * rectifyingRadius)
        let eta = (x - falseEasting) / (scaleFactor * rectifyingRadius)
        var xiP = xi, etaP = eta
        for j in 1...4 {
            let b = beta[j - 1], k = 2 * Double(j)
            xiP -= b * sin(k * xi) * cosh(k * eta)
            etaP -= b * cos(k * xi) * sinh(k * eta)
        }
        let chi = asin(sin(xiP) / cosh(etaP))
        var phi = chi
        for j in 1...4 { phi += delta[j - 1] * sin(2 * Double(j) * chi) }
        let lambda = atan2(sinh(etaP), cos(xiP))
        return GeoPoint(latitude: phi * 180 / .pi, longitude: centralMeridian + lambda * 180 / .pi)
    }

    private static func gaussKruger(latitude: Double, dLongitude: Double, e: Double, alpha: [Double]) -> (xi: Double, eta: Double) {
        let phi = latitude * .pi / 180
        let lambda = dLongitude * .pi / 180
        let s = sin(phi)
        let t = sinh(atanh(s) - e * atanh(e * s))
        let xiP = atan2(t, cos(lambda))
        let etaP = atanh(sin(lambda) / (1 + t * t).squareRoot())
        var xi = xiP, eta = etaP
        for j in 1...4 {
            let a = alpha[j - 1], k = 2 * Double(j)
            xi += a * sin(k * xiP) * cosh(k * etaP)
            eta += a * cos(k * xiP) * sinh(k * etaP)
        }
        return (xi, eta)
    }
}
