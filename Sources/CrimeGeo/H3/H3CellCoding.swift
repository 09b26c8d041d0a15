/// Encoding face lattice positions as H3 indexes and decoding them back.
enum H3CellCoding {
    /// The index of the cell at axial lattice position (a, b) = (i − k, j − k) of resolution `res` on `face`,
    /// or nil when the position lies beyond the base cells reachable from that face.
    @inline(__always) static func encode(face: Int, a: Int, b: Int, resolution res: Int) -> H3Index? {
        var a = a, b = b
        // Walk up from the finest digit; unused digits below `res` are 7.
        var shift = UInt64(truncatingIfNeeded: (15 &- res) &* 3)
        var digits: UInt64 = (1 &<< shift) &- 1
        var r = res
        while r >= 1 {
            let d = H3AxialStep.up(&a, &b, classIII: H3Math.isClassIII(r))
            digits |= UInt64(truncatingIfNeeded: d) &<< shift
            shift &+= 3
            r &-= 1
        }
        let base = H3CoordIJK(i: a, j: b, k: 0).normalized()
        guard base.i <= 2, base.j <= 2, base.k <= 2 else { return nil }
        let (bc, rotations) = H3BaseCell.lookup(H3FaceIJK(face: face, coord: base))
        var h = H3Index.header(resolution: res, baseCell: bc)
        h.rawValue = (h.rawValue & ~((1 << 45) - 1)) | digits
        if res == 0 { return h }
        if H3BaseCell.isPentagon(bc) {
            if h.leadingNonZeroDigit == H3Digit.k {
                h = H3BaseCell.isClockwiseOffset(bc, face: face) ? h.rotated60cw() : h.rotated60ccw()
            }
            for _ in 0..<rotations { h = h.rotatedPentagon60ccw() }
        } else {
            h = h.rotated60ccw(times: rotations)
        }
        return h
    }

    /// The face position of a valid cell's centre, on the face where H3 places it.
    static func decode(_ cell: H3Index) -> H3FaceIJK {
        var h = cell
        let bc = h.baseCell
        let pentagon = H3BaseCell.isPentagon(bc)
        if pentagon && h.leadingNonZeroDigit == H3Digit.ik { h = h.rotated60cw() }
        var fijk = H3BaseCell.home(bc)
        let res = h.resolution
        let homeAtOrigin = fijk.coord.i == 0 && fijk.coord.j == 0 && fijk.coord.k == 0
        var ijk = fijk.coord
        for r in stride(from: 1, through: res, by: 1) {
            ijk = H3Math.isClassIII(r) ? ijk.downAp7() : ijk.downAp7r()
            ijk = ijk.neighbor(h.digit(r))
        }
        fijk.coord = ijk
        // A hexagon base cell centred on its home face cannot spill over to another face.
        if !pentagon && (res == 0 || homeAtOrigin) { return fijk }
        let original = fijk.coord
        var adjustedRes = res
        if H3Math.isClassIII(res) {
            fijk.coord = fijk.coord.downAp7r()
            adjustedRes += 1
        }
        let leading4 = pentagon && h.leadingNonZeroDigit == H3Digit.i
        if H3Overage.adjustClassII(&fijk, resolution: adjustedRes, pentagonLeading4: leading4, substrate: false) != H3Overage.none {
            if pentagon {
                while H3Overage.adjustClassII(&fijk, resolution: adjustedRes, pentagonLeading4: false, substrate: false)
                    != H3Overage.none {}
            }
            if adjustedRes != res { fijk.coord = fijk.coord.upAp7r() }
        } else if adjustedRes != res {
            fijk.coord = original
        }
        return fijk
    }
}
