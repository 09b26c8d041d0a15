import Foundation

/// The forward gnomonic projection of `latLngToCell` as plain linear algebra on unit vectors.
///
/// H3 measures the angle r from the nearest face centre c and the azimuth towards the point, then places
/// the point at tan(r) along the direction θ = (axis azimuth − azimuth). For a unit vector p the
/// tangent-plane components are (p·north, p·east) / (p·c) — their length is tan(r) — so
/// tan(r)·cos θ = (p·u) / (p·c) and tan(r)·sin θ = (p·v) / (p·c) with two fixed vectors per face and grid
/// class: u = cos A·north + sin A·east and v = sin A·north − cos A·east (A the axis azimuth, turned by the
/// aperture-7 rotation at Class III resolutions). A point then costs one sine and cosine of its latitude
/// and longitude, twenty dot products for the nearest face and one division, instead of H3's acos, atan2,
/// tan, sin and cos. The results differ from H3's chain only in the last bits of a double, far below any
/// cell boundary the fixtures probe.
enum H3FaceProjection {
    /// Doubles per face in ``table``: centre, Class II u and v, Class III u and v.
    static let faceStride = 15
    /// Offset in ``table`` of the 16 per-resolution scales.
    static let scaleOffset = 20 * faceStride

    /// Per face the centre and the projection vectors (x, y, z each), then per resolution the lattice
    /// units per gnomonic unit (1 / res0 unit × √7^res, multiplied step by step as H3 does).
    static let table: [Double] = {
        var t: [Double] = []
        for frame in H3FaceFrame.all {
            t += [frame.center.x, frame.center.y, frame.center.z]
            for azimuth in [frame.axisAzimuth, frame.axisAzimuth - H3Math.ap7RotationRadians] {
                let u = H3Vec3.combine(cos(azimuth), frame.north, sin(azimuth), frame.east)
                let v = H3Vec3.combine(sin(azimuth), frame.north, -cos(azimuth), frame.east)
                t += [u.x, u.y, u.z, v.x, v.y, v.z]
            }
        }
        for res in 0...H3.maxResolution {
            var r = H3Math.inverseRes0UnitGnomonic
            for _ in 0..<res { r *= H3Math.sqrt7 }
            t.append(r)
        }
        return t
    }()

    /// The nearest face of a point given in radians and its planar position there, in units of the
    /// resolution's lattice.
    @inline(__always) static func planar(latitude: Double, longitude: Double, resolution res: Int,
                                         table t: UnsafeBufferPointer<Double>) -> (face: Int, x: Double, y: Double) {
        let cosLat = cos(latitude)
        let px = cos(longitude) * cosLat, py = sin(longitude) * cosLat, pz = sin(latitude)
        // The nearest centre has the largest dot product (all are unit vectors). Faces 0–9 and 10–19 are
        // searched in two independent chains, the first largest winning as in one pass.
        var low = (face: 0, dot: -2.0), high = (face: 10, dot: -2.0)
        for f in 0..<10 {
            let o = f &* faceStride, q = o &+ 10 &* faceStride
            let d = px * t[o] + py * t[o &+ 1] + pz * t[o &+ 2]
            let e = px * t[q] + py * t[q &+ 1] + pz * t[q &+ 2]
            if d > low.dot { low = (f, d) }
            if e > high.dot { high = (f &+ 10, e) }
        }
        let (face, best) = high.dot > low.dot ? high : low
        let a = face &* faceStride &+ (H3Math.isClassIII(res) ? 9 : 3)
        let s = t[scaleOffset &+ res] / best
        return (face, s * (px * t[a] + py * t[a &+ 1] + pz * t[a &+ 2]),
                s * (px * t[a &+ 3] + py * t[a &+ 4] + pz * t[a &+ 5]))
    }
}
