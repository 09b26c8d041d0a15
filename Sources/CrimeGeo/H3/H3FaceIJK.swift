import Foundation

/// A lattice position on one face of the icosahedron.
struct H3FaceIJK {
    var face: Int
    var coord: H3CoordIJK
}

/// The gnomonic frame of one icosahedron face: its centre and the local north and east directions there.
struct H3FaceFrame {
    var center: H3Vec3
    var north: H3Vec3
    var east: H3Vec3
    /// Azimuth of the face's Class II i axis, in radians.
    var axisAzimuth: Double

    /// All 20 frames, built once from ``H3FaceTables``.
    static let all: [H3FaceFrame] = (0..<20).map { f in
        let c = H3Vec3(x: H3FaceTables.centerPoint[3 * f], y: H3FaceTables.centerPoint[3 * f + 1],
                       z: H3FaceTables.centerPoint[3 * f + 2])
        let pole = H3Vec3(x: 0.0, y: 0.0, z: 1.0)
        let north = H3Vec3.combine(1.0, pole, -pole.dot(c), c).normalized()
        return H3FaceFrame(center: c, north: north, east: north.cross(c),
                           axisAzimuth: H3FaceTables.axesAzimuthCII[3 * f])
    }
}

/// Gnomonic projection between the sphere and the faces' hexagonal lattices.
enum H3Projection {
    /// The unit vector of a planar position on a face. `substrate` positions are on the vertex lattice
    /// (three times finer, and in the Class II orientation at Class III resolutions).
    static func vec3(x: Double, y: Double, face: Int, resolution res: Int, substrate: Bool) -> H3Vec3 {
        H3FaceFrame.all.withUnsafeBufferPointer { frames in
            let frame = frames[face]
            var r = (x * x + y * y).squareRoot()
            if r < H3Math.epsilon { return frame.center }
            var theta = atan2(y, x)
            for _ in 0..<res { r *= H3Math.inverseSqrt7 }
            if substrate {
                r *= H3Math.oneThird
                if H3Math.isClassIII(res) { r *= H3Math.inverseSqrt7 }
            }
            r *= H3Math.res0UnitGnomonic
            r = atan(r)
            if !substrate && H3Math.isClassIII(res) {
                theta = H3Math.positiveAngle(theta + H3Math.ap7RotationRadians)
            }
            theta = H3Math.positiveAngle(frame.axisAzimuth - theta)
            let dir = H3Vec3.combine(cos(theta), frame.north, sin(theta), frame.east)
            return H3Vec3.combine(cos(r), frame.center, sin(r), dir).normalized()
        }
    }
}
