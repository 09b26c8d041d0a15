/// Encoding face lattice positions as H3 indexes and decoding them back.
enum H3CellCoding {
    /// The index of the cell at a face position of resolution `res`, or nil when the position lies
    /// beyond the base cells reachable from that face.
    @inline(__always) static func encode(_ fijk: H3FaceIJK, resolution res: Int) -> H3Index? {
        var h = H3Index.header(resolution: res, baseCell: 0)
        var ijk = fijk.coord
        // Walk up from the finest digit, building the digits (unused ones stay 7) in a local word.
        var bits = h.rawValue
        var r = res
        while r >= 1 {
            let last = ijk
            let center: H3CoordIJK
            if H3Math.isClassIII(r) {
                ijk = ijk.upAp7()
                center = ijk.downAp7()
            } else {
                ijk = ijk.upAp7r()
                center = ijk.downAp7r()
            }
            let shift = UInt64((15 &- r) &* 3)
            bits = (bits & ~(7 << shift)) | (UInt64(H3Digit.fromUnit((last - center).normalized())) << shift)
            r &-= 1
        }
        h.rawValue = bits
        guard ijk.i <= 2, ijk.j <= 2, ijk.k <= 2 else { return nil }
        let base = H3FaceIJK(face: fijk.face, coord: ijk)
        let (bc, rotations) = H3BaseCell.lookup(base)
        h.setBaseCell(bc)
        if res == 0 { return h }
        if H3BaseCell.isPentagon(bc) {
            if h.leadingNonZeroDigit == H3Digit.k {
                h = H3BaseCell.isClockwiseOffset(bc, face: base.face) ? h.rotated60cw() : h.rotated60ccw()
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
