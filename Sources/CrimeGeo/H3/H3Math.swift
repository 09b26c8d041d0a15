import Foundation

/// Numeric constants of the H3 projection (values as published in H3's constants.h, version 4.5.0).
enum H3Math {
    static let twoPi = 6.28318530717958647692528676655900576839433
    static let degreesToRadians = 0.0174532925199432957692369076848861271111
    static let radiansToDegrees = 57.29577951308232087679815481410517033240547
    static let epsilon = 0.0000000000000001
    static let sqrt3Over2 = 0.8660254037844386467637231707529361834714
    static let inverseSin60 = 1.1547005383792515290182975610039149112953
    static let oneThird = 0.333333333333333333333333333333333333333
    /// Rotation between Class II and Class III grids, asin(√(3/28)).
    static let ap7RotationRadians = 0.333473172251832115336090755351601070065900389
    static let sqrt7 = 2.6457513110645905905016157536392604257102
    static let inverseSqrt7 = 0.37796447300922722721451653623418006081576
    /// Gnomonic distance of a resolution-0 unit from the face centre, and its inverse.
    static let res0UnitGnomonic = 0.38196601125010500003
    static let inverseRes0UnitGnomonic = 2.61803398874989588842
    /// The authalic Earth radius H3 uses for areas, in kilometres.
    static let earthRadiusKm = 6371.007180918475

    /// The angle brought into [0, 2π).
    @inline(__always) static func positiveAngle(_ rads: Double) -> Double {
        var t = rads < 0.0 ? rads + twoPi : rads
        if rads >= twoPi { t -= twoPi }
        return t
    }

    /// True at Class III resolutions (the odd ones).
    @inline(__always) static func isClassIII(_ res: Int) -> Bool { res & 1 == 1 }
}

/// A point in three dimensions; unit vectors stand for points on the sphere.
struct H3Vec3 {
    var x: Double
    var y: Double
    var z: Double

    @inline(__always) init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }

    /// a·u + b·v.
    @inline(__always) static func combine(_ a: Double, _ u: H3Vec3, _ b: Double, _ v: H3Vec3) -> H3Vec3 {
        H3Vec3(x: a * u.x + b * v.x, y: a * u.y + b * v.y, z: a * u.z + b * v.z)
    }

    @inline(__always) func dot(_ v: H3Vec3) -> Double { x * v.x + y * v.y + z * v.z }

    @inline(__always) func cross(_ v: H3Vec3) -> H3Vec3 {
        H3Vec3(x: y * v.z - z * v.y, y: z * v.x - x * v.z, z: x * v.y - y * v.x)
    }

    /// Scaled to unit length (by multiplying with the reciprocal norm, as H3 does).
    @inline(__always) func normalized() -> H3Vec3 {
        let n = dot(self).squareRoot()
        let s = n > 0.0 ? 1.0 / n : 0.0
        return H3Vec3(x: x * s, y: y * s, z: z * s)
    }

    /// Latitude and longitude in radians.
    @inline(__always) var geoPointRadians: (latitude: Double, longitude: Double) { (asin(z), atan2(y, x)) }

    /// Latitude and longitude in degrees.
    @inline(__always) var geoPointDegrees: (latitude: Double, longitude: Double) {
        (asin(z) * H3Math.radiansToDegrees, atan2(y, x) * H3Math.radiansToDegrees)
    }
}
