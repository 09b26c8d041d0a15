/// Grid traversal: the neighbour in a direction, disks and rings of cells.
extension H3 {
    /// The neighbour of a valid cell one step in direction `digit` (1...6), or nil when that direction
    /// is the missing k direction of a pentagon.
    static func neighbor(_ origin: H3Index, direction: Int) -> H3Index? {
        var current = origin
        var dir = direction
        var newRotations = 0
        let oldBaseCell = current.baseCell
        let oldLeading = current.leadingNonZeroDigit
        // Walk up the digits, substituting each and carrying a direction into the parent.
        var r = current.resolution - 1
        while true {
            if r == -1 {
                var bc = H3BaseCell.neighbor(oldBaseCell, dir)
                newRotations = H3BaseCell.neighborRotations(oldBaseCell, dir)
                if bc == 127 {
                    // Moving into a deleted k sub-sequence of a pentagon: go round it through ik.
                    bc = H3BaseCell.neighbor(oldBaseCell, H3Digit.ik)
                    newRotations = H3BaseCell.neighborRotations(oldBaseCell, H3Digit.ik)
                    current = current.rotated60ccw()
                }
                current.setBaseCell(bc)
                break
            }
            let old = current.digit(r + 1)
            let t = 7 * old + dir
            let nextDir: Int
            if H3Math.isClassIII(r + 1) {
                current.setDigit(r + 1, Int(H3NeighborTables.newDigitII[t]))
                nextDir = Int(H3NeighborTables.newAdjustmentII[t])
            } else {
                current.setDigit(r + 1, Int(H3NeighborTables.newDigitIII[t]))
                nextDir = Int(H3NeighborTables.newAdjustmentIII[t])
            }
            if nextDir == H3Digit.center { break }
            dir = nextDir
            r -= 1
        }
        let newBaseCell = current.baseCell
        if H3BaseCell.isPentagon(newBaseCell) {
            if current.leadingNonZeroDigit == H3Digit.k {
                if oldBaseCell != newBaseCell {
                    current = H3BaseCell.isClockwiseOffset(newBaseCell, face: H3BaseCell.home(oldBaseCell).face)
                        ? current.rotated60cw() : current.rotated60ccw()
                } else {
                    switch oldLeading {
                    case H3Digit.jk: current = current.rotated60ccw()
                    case H3Digit.ik: current = current.rotated60cw()
                    default: return nil
                    }
                }
            }
            for _ in 0..<newRotations { current = current.rotatedPentagon60ccw() }
        } else {
            for _ in 0..<newRotations { current = current.rotated60ccw() }
        }
        return current
    }

    /// Every cell within `k` grid steps of `origin` (itself included), in ascending index order.
    public static func gridDisk(_ origin: H3Index, _ k: Int) throws -> [H3Index] {
        try distances(origin, k).keys.sorted()
    }

    /// The cells exactly `k` grid steps from `origin`, in ascending index order.
    public static func gridRing(_ origin: H3Index, _ k: Int) throws -> [H3Index] {
        try distances(origin, k).filter { $0.value == k }.keys.sorted()
    }

    /// Breadth-first grid distances from `origin` up to `k`, going round pentagons.
    private static func distances(_ origin: H3Index, _ k: Int) throws -> [H3Index: Int] {
        try check(origin)
        guard k >= 0 else { throw H3Error.negativeDistance(k) }
        var seen: [H3Index: Int] = [origin: 0]
        var frontier = [origin]
        var step = 0
        while step < k {
            step += 1
            var next: [H3Index] = []
            for cell in frontier {
                for d in 1...6 {
                    if let n = neighbor(cell, direction: d), seen[n] == nil {
                        seen[n] = step
                        next.append(n)
                    }
                }
            }
            frontier = next
        }
        return seen
    }
}
