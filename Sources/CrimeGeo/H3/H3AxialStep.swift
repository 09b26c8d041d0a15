/// One step of `latLngToCell`'s walk from a fine lattice position to its parent, in axial coordinates
/// (a, b) = (i − k, j − k).
///
/// Axial coordinates name a lattice point uniquely, so H3's normalisations after every aperture-7 step
/// (which only add a multiple of (1, 1, 1)) fall away and each step is a few integer operations without
/// branches: two roundings of n/7, the parent's centre child, and the digit of their difference.
enum H3AxialStep {
    /// n/7 rounded to the nearest integer as floor((n + 3) / 7), without branches, for |n| < 7·2⁴⁰.
    /// Equal to H3's `lround(n * (1/7))` for every n a cell can produce: n/7 never has fractional part ½,
    /// and the floating-point product is off by far less than the 1/14 that separates it from a rounding
    /// boundary.
    @inline(__always) static func divideBy7Rounded(_ n: Int) -> Int {
        let bias = 1 << 40
        return Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: n &+ 3 &+ 7 &* bias) / 7) &- bias
    }

    /// The digits of the axial unit vectors, one nibble per (da + 1)·3 + (db + 1): k = (−1, −1),
    /// jk = (−1, 0), ik = (0, −1), centre = (0, 0), j = (0, 1), i = (1, 0), ij = (1, 1); 7 elsewhere.
    static let digitNibbles: UInt64 = 0x6_4720_5731

    /// Moves (a, b) to its parent one resolution up and returns the digit of the child: a Class III step
    /// (counter-clockwise aperture 7, H3's `upAp7` and `downAp7`) or a Class II one (`upAp7r`, `downAp7r`).
    @inline(__always) static func up(_ a: inout Int, _ b: inout Int, classIII: Bool) -> Int {
        let pa: Int, pb: Int, ca: Int, cb: Int
        if classIII {
            pa = divideBy7Rounded(3 &* a &- b)
            pb = divideBy7Rounded(a &+ 2 &* b)
            ca = 2 &* pa &+ pb
            cb = 3 &* pb &- pa
        } else {
            pa = divideBy7Rounded(2 &* a &+ b)
            pb = divideBy7Rounded(3 &* b &- a)
            ca = 3 &* pa &- pb
            cb = pa &+ 2 &* pb
        }
        let da = a &- ca &+ 1, db = b &- cb &+ 1
        a = pa
        b = pb
        guard UInt(bitPattern: da) <= 2, UInt(bitPattern: db) <= 2 else { return 7 }
        return Int(truncatingIfNeeded: (digitNibbles &>> UInt64(truncatingIfNeeded: 4 &* (da &* 3 &+ db))) & 0xF)
    }
}
