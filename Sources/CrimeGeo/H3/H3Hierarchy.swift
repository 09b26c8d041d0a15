/// Parents and children: the aperture-7 hierarchy of H3 cells.
extension H3 {
    /// The ancestor of `cell` at the coarser (or equal) resolution `resolution`.
    public static func cellToParent(_ cell: H3Index, resolution: Int) throws -> H3Index {
        try check(cell)
        try check(resolution: resolution)
        guard resolution <= cell.resolution else {
            throw H3Error.resolutionMismatch(cell: cell.resolution, requested: resolution)
        }
        var parent = cell
        parent.setResolution(resolution)
        for r in stride(from: resolution + 1, through: cell.resolution, by: 1) { parent.setDigit(r, 7) }
        return parent
    }

    /// The descendants of `cell` at the finer (or equal) resolution `resolution`, in ascending index order.
    /// A hexagon has 7ⁿ of them; a pentagon 1 + 5(7ⁿ − 1)/6 (its k-direction children do not exist).
    public static func cellToChildren(_ cell: H3Index, resolution: Int) throws -> [H3Index] {
        try check(cell)
        try check(resolution: resolution)
        guard resolution >= cell.resolution else {
            throw H3Error.resolutionMismatch(cell: cell.resolution, requested: resolution)
        }
        var out = [cell]
        for r in stride(from: cell.resolution + 1, through: resolution, by: 1) {
            var next: [H3Index] = []
            next.reserveCapacity(out.count * 7)
            for parent in out {
                // Below a pentagon's centre chain the k digit (1) is deleted.
                let skipK = parent.isPentagon
                var child = parent
                child.setResolution(r)
                for d in 0..<7 where !(skipK && d == H3Digit.k) {
                    child.setDigit(r, d)
                    next.append(child)
                }
            }
            out = next
        }
        return out
    }

    /// The centre child of `cell` at the finer resolution `resolution` (all new digits zero).
    public static func cellToCenterChild(_ cell: H3Index, resolution: Int) throws -> H3Index {
        try check(cell)
        try check(resolution: resolution)
        guard resolution >= cell.resolution else {
            throw H3Error.resolutionMismatch(cell: cell.resolution, requested: resolution)
        }
        var child = cell
        child.setResolution(resolution)
        for r in stride(from: cell.resolution + 1, through: resolution, by: 1) { child.setDigit(r, 0) }
        return child
    }
}
