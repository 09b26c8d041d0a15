/// Points (with weights) sorted into square buckets of a fixed side over a box, so that the points
/// within one side of a query are found in the 3 × 3 buckets around it. Points outside the box are left
/// out; within a bucket points keep their input order, so sums over them come out the same every run.
struct PointBuckets: Sendable {
    /// Bucket side in metres (at least the side asked for).
    let side: Double
    let minX: Double, minY: Double
    let columns: Int, rows: Int
    /// Bucket `b` (row-major) holds points `starts[b]..<starts[b + 1]`.
    let starts: [Int]
    /// Bucketed positions and weights.
    let x: [Double], y: [Double], w: [Double]

    /// Buckets of side `side` (grown when the box would need more than `maximumBuckets`) over `box`.
    init(x px: [Double], y py: [Double], weights: [Double], box: PlaneBox, side requested: Double,
         maximumBuckets: Int = 4_000_000) {
        var side = requested
        let width = max(box.maxX - box.minX, 0), height = max(box.maxY - box.minY, 0)
        while (width / side + 1) * (height / side + 1) > Double(maximumBuckets) { side *= 1.5 }
        let columns = Int(width / side) + 1, rows = Int(height / side) + 1
        var bucket = [Int](repeating: -1, count: px.count)
        var counts = [Int](repeating: 0, count: columns * rows + 1)
        for i in px.indices where box.contains(x: px[i], y: py[i]) {
            let c = min(Int((px[i] - box.minX) / side), columns - 1)
            let r = min(Int((py[i] - box.minY) / side), rows - 1)
            bucket[i] = r * columns + c
            counts[r * columns + c + 1] += 1
        }
        for b in 0..<(columns * rows) { counts[b + 1] += counts[b] }
        var next = counts
        let kept = counts[columns * rows]
        var xs = [Double](repeating: 0, count: kept), ys = xs, ws = xs
        for i in px.indices where bucket[i] >= 0 {
            let slot = next[bucket[i]]
            next[bucket[i]] += 1
            xs[slot] = px[i]
            ys[slot] = py[i]
            ws[slot] = weights[i]
        }
        self.side = side
        minX = box.minX
        minY = box.minY
        self.columns = columns
        self.rows = rows
        starts = counts
        x = xs
        y = ys
        w = ws
    }

    /// Calls `body` with the (up to three) contiguous ranges of bucketed points in the 3 × 3 buckets
    /// around a point, row by row from the south.
    @inline(__always)
    func forEachNeighbourhoodRange(x qx: Double, y qy: Double, _ body: (Range<Int>) -> Void) {
        let fc = ((qx - minX) / side).rounded(.down), fr = ((qy - minY) / side).rounded(.down)
        guard fc.isFinite, fr.isFinite, fc >= -1, fr >= -1, fc <= Double(columns), fr <= Double(rows) else { return }
        let c = Int(fc), r = Int(fr)
        let c0 = max(c - 1, 0), c1 = min(c + 1, columns - 1)
        guard c0 <= c1 else { return }
        for row in max(r - 1, 0)...min(r + 1, rows - 1) {
            let lo = starts[row * columns + c0], hi = starts[row * columns + c1 + 1]
            if lo < hi { body(lo..<hi) }
        }
    }
}
