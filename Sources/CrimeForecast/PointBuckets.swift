/// Points (with weights) sorted into square buckets of a fixed side over a box, so that the points
/// within a radius of a query are found in a few contiguous runs. Points outside the box are left out;
/// within a bucket points keep their input order, so sums over them come out the same every run.
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
        var width = max(box.maxX - box.minX, 0), height = max(box.maxY - box.minY, 0)
        if !(width.isFinite && height.isFinite) {
            // A box too wide for a double's range: one bucket holds everything.
            (width, height, side) = (0, 0, .greatestFiniteMagnitude)
        }
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

    /// Calls `body` with contiguous ranges of bucketed points that hold every point within `radius` of
    /// (`qx`, `qy`): one range per row of buckets that the disc reaches, trimmed to the columns the disc
    /// spans in that row, rows from the south.
    @inline(__always)
    func forEachRange(nearX qx: Double, y qy: Double, radius: Double, _ body: (Range<Int>) -> Void) {
        guard qx.isFinite, qy.isFinite else { return }
        let r0 = max(Self.slot((qy - radius - minY) / side, limit: rows), 0)
        let r1 = min(Self.slot((qy + radius - minY) / side, limit: rows), rows - 1)
        guard r0 <= r1 else { return }
        for row in r0...r1 {
            // The vertical gap from the query to this row of buckets, and the disc's half-width there.
            let bottom = minY + Double(row) * side, top = bottom + side
            let gap = qy < bottom ? bottom - qy : (qy > top ? qy - top : 0)
            let half = max(radius * radius - gap * gap, 0).squareRoot()
            let c0 = max(Self.slot((qx - half - minX) / side, limit: columns), 0)
            let c1 = min(Self.slot((qx + half - minX) / side, limit: columns), columns - 1)
            guard c0 <= c1 else { continue }
            let lo = starts[row * columns + c0], hi = starts[row * columns + c1 + 1]
            if lo < hi { body(lo..<hi) }
        }
    }

    /// The bucket index of a coordinate in bucket units, clamped to −1…`limit` before the conversion.
    @inline(__always)
    private static func slot(_ u: Double, limit: Int) -> Int {
        Int(min(max(u, -1), Double(limit)).rounded(.down))
    }
}
