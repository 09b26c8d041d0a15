/// Integer i, j, k coordinates on a hexagonal lattice (three axes 120° apart), as H3 uses on each face.
struct H3CoordIJK: Equatable {
    var i: Int
    var j: Int
    var k: Int

    @inline(__always) static func + (a: H3CoordIJK, b: H3CoordIJK) -> H3CoordIJK {
        H3CoordIJK(i: a.i + b.i, j: a.j + b.j, k: a.k + b.k)
    }

    @inline(__always) static func - (a: H3CoordIJK, b: H3CoordIJK) -> H3CoordIJK {
        H3CoordIJK(i: a.i - b.i, j: a.j - b.j, k: a.k - b.k)
    }

    @inline(__always) static func * (a: H3CoordIJK, s: Int) -> H3CoordIJK {
        H3CoordIJK(i: a.i * s, j: a.j * s, k: a.k * s)
    }

    /// Brings the coordinates to the canonical form: all non-negative, at least one zero.
    @inline(__always) mutating func normalize() {
        if i < 0 { j &-= i; k &-= i; i = 0 }
        if j < 0 { i &-= j; k &-= j; j = 0 }
        if k < 0 { i &-= k; j &-= k; k = 0 }
        let m = min(i, j, k)
        if m > 0 { i &-= m; j &-= m; k &-= m }
    }

    /// The normalised coordinates.
    @inline(__always) func normalized() -> H3CoordIJK { var c = self; c.normalize(); return c }

    /// Linear combination i·a + j·b + k·c of three basis vectors, normalised.
    @inline(__always) private func combined(_ a: (Int, Int, Int), _ b: (Int, Int, Int), _ c: (Int, Int, Int)) -> H3CoordIJK {
        H3CoordIJK(i: i &* a.0 &+ j &* b.0 &+ k &* c.0, j: i &* a.1 &+ j &* b.1 &+ k &* c.1,
                   k: i &* a.2 &+ j &* b.2 &+ k &* c.2).normalized()
    }

    /// The parent cell's coordinates one Class III (counter-clockwise aperture 7) step up.
    @inline(__always) func upAp7() -> H3CoordIJK {
        let a = i &- k, b = j &- k
        return H3CoordIJK(i: H3AxialStep.divideBy7Rounded(3 &* a &- b), j: H3AxialStep.divideBy7Rounded(a &+ 2 &* b), k: 0).normalized()
    }

    /// The parent cell's coordinates one Class II (clockwise aperture 7) step up.
    @inline(__always) func upAp7r() -> H3CoordIJK {
        let a = i &- k, b = j &- k
        return H3CoordIJK(i: H3AxialStep.divideBy7Rounded(2 &* a &+ b), j: H3AxialStep.divideBy7Rounded(3 &* b &- a), k: 0).normalized()
    }

    /// The centre child's coordinates one counter-clockwise aperture-7 step down.
    @inline(__always) func downAp7() -> H3CoordIJK { combined((3, 0, 1), (1, 3, 0), (0, 1, 3)) }

    /// The centre child's coordinates one clockwise aperture-7 step down.
    @inline(__always) func downAp7r() -> H3CoordIJK { combined((3, 1, 0), (0, 3, 1), (1, 0, 3)) }

    /// One counter-clockwise aperture-3 step down (to the vertex substrate).
    @inline(__always) func downAp3() -> H3CoordIJK { combined((2, 0, 1), (1, 2, 0), (0, 1, 2)) }

    /// One clockwise aperture-3 step down (to the vertex substrate).
    @inline(__always) func downAp3r() -> H3CoordIJK { combined((2, 1, 0), (0, 2, 1), (1, 0, 2)) }

    /// Rotated 60° counter-clockwise.
    @inline(__always) func rotated60ccw() -> H3CoordIJK { combined((1, 1, 0), (0, 1, 1), (1, 0, 1)) }

    /// Rotated 60° clockwise.
    @inline(__always) func rotated60cw() -> H3CoordIJK { combined((1, 0, 1), (1, 1, 0), (0, 1, 1)) }

    /// The neighbouring coordinates in the direction of a digit (1...6); the centre digit changes nothing.
    @inline(__always) func neighbor(_ digit: Int) -> H3CoordIJK {
        guard digit > 0, digit < 7 else { return self }
        return (self + H3Digit.unit(digit)).normalized()
    }

    /// The planar position of the lattice point (unit edge-to-edge spacing along i).
    @inline(__always) func hex2d() -> (x: Double, y: Double) {
        let a = i - k, b = j - k
        return (Double(a) - 0.5 * Double(b), Double(b) * H3Math.sqrt3Over2)
    }

    /// The axial coordinates (i − k, j − k) of the lattice point whose hexagon contains the planar point
    /// (x, y); normalising (a, b, 0) gives H3's canonical IJK.
    @inline(__always) static func axialContaining(x: Double, y: Double) -> (a: Int, b: Int) {
        let a1 = abs(x), a2 = abs(y)
        let x2 = a2 * H3Math.inverseSin60
        let x1 = a1 + x2 / 2.0
        let m1 = Int(x1), m2 = Int(x2)
        let r1 = x1 - Double(m1), r2 = x2 - Double(m2)
        var ci: Int, cj: Int
        if r1 < 0.5 {
            if r1 < 1.0 / 3.0 {
                ci = m1
                cj = r2 < (1.0 + r1) / 2.0 ? m2 : m2 + 1
            } else {
                cj = r2 < 1.0 - r1 ? m2 : m2 + 1
                ci = (1.0 - r1) <= r2 && r2 < 2.0 * r1 ? m1 + 1 : m1
            }
        } else if r1 < 2.0 / 3.0 {
            cj = r2 < 1.0 - r1 ? m2 : m2 + 1
            ci = (2.0 * r1 - 1.0) < r2 && r2 < 1.0 - r1 ? m1 : m1 + 1
        } else {
            ci = m1 + 1
            cj = r2 < r1 / 2.0 ? m2 : m2 + 1
        }
        // Fold back from the first quadrant.
        if x < 0.0 {
            if cj % 2 == 0 {
                ci -= 2 * (ci - cj / 2)
            } else {
                ci -= 2 * (ci - (cj + 1) / 2) + 1
            }
        }
        if y < 0.0 {
            ci -= (2 * cj + 1) / 2
            cj = -cj
        }
        return (ci, cj)
    }
}
