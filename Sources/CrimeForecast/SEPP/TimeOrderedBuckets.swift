/// Events sorted into square buckets of a side at least the space cut-off, and by time within each
/// bucket, so that the earlier events near an event are found in the 3 × 3 buckets around it, each
/// scanned from a binary search on time.
struct TimeOrderedBuckets {
    let side: Double
    let minX: Double, minY: Double
    let columns: Int, rows: Int
    /// Bucket `b` (row-major) holds events `starts[b]..<starts[b + 1]` of `points`.
    let starts: [Int]
    /// (t, x, y) of each event, bucket by bucket, in time order within a bucket.
    let points: [Double]

    /// Buckets of side `side` (grown until there are at most `maximumBuckets`) over the events, which
    /// must be in time order.
    init(events e: SEPPEvents, side requested: Double, maximumBuckets: Double = 4_000_000) {
        let box = PlaneBox(x: e.x, y: e.y)
        let width = box.isEmpty ? 0 : box.maxX - box.minX, height = box.isEmpty ? 0 : box.maxY - box.minY
        var side = max(requested, 1e-9)
        while (width / side + 1) * (height / side + 1) > maximumBuckets { side *= 1.5 }
        let columns = Int(width / side) + 1, rows = Int(height / side) + 1
        var bucket = [Int](repeating: 0, count: e.count)
        var starts = [Int](repeating: 0, count: columns * rows + 1)
        for i in 0..<e.count {
            let c = min(max(Int((e.x[i] - box.minX) / side), 0), columns - 1)
            let r = min(max(Int((e.y[i] - box.minY) / side), 0), rows - 1)
            bucket[i] = r * columns + c
            starts[bucket[i] + 1] += 1
        }
        for b in 0..<(columns * rows) { starts[b + 1] += starts[b] }
        var next = starts
        var points = [Double](repeating: 0, count: 3 * e.count)
        for i in 0..<e.count {
            let slot = next[bucket[i]]
            next[bucket[i]] += 1
            points[3 * slot] = e.t[i]
            points[3 * slot + 1] = e.x[i]
            points[3 * slot + 2] = e.y[i]
        }
        self.side = side
        minX = box.isEmpty ? 0 : box.minX
        minY = box.isEmpty ? 0 : box.minY
        self.columns = columns
        self.rows = rows
        self.starts = starts
        self.points = points
    }

    /// Writes the delay `t − tᵢ` and squared distance `dᵢ²` of every event i with `t − window <= tᵢ < t` and
    /// `dᵢ² <= radius2` in the 3 × 3 buckets around (`x`, `y`) to `pairs` as consecutive (delay, d²)
    /// couples from its start, bucket by bucket from the south-west and in time order within a bucket,
    /// growing `pairs` as needed; returns how many pairs it wrote.
    ///
    /// The search for the first event in the time range and the distance test are free of data-dependent
    /// branches: every candidate is written and the write position advances only for those within the
    /// radius.
    @inline(__always)
    func gatherPairs(x qx: Double, y qy: Double, t: Double, window: Double, radius2: Double,
                     into pairs: inout [Double]) -> Int {
        let from = t - window
        let c = min(max(Int((qx - minX) / side), 0), columns - 1)
        let r = min(max(Int((qy - minY) / side), 0), rows - 1)
        var found = 0
        starts.withUnsafeBufferPointer { starts in
            points.withUnsafeBufferPointer { p in
                for row in max(r - 1, 0)...min(r + 1, rows - 1) {
                    for column in max(c - 1, 0)...min(c + 1, columns - 1) {
                        let b = row &* columns &+ column
                        let end = starts[b &+ 1]
                        var base = starts[b], length = end &- base
                        guard length > 0 else { continue }
                        while length > 1 {
                            let half = length / 2
                            base = p[3 &* (base &+ half)] < from ? base &+ half : base
                            length &-= half
                        }
                        var k = p[3 &* base] < from ? base &+ 1 : base
                        if 2 &* (found &+ end &- k) > pairs.count {
                            pairs += [Double](repeating: 0, count: max(pairs.count, 2 &* (found &+ end &- k)))
                        }
                        pairs.withUnsafeMutableBufferPointer { out in
                            while k < end {
                                let ti = p[3 &* k]
                                if ti >= t { break }
                                let dx = qx - p[3 &* k &+ 1], dy = qy - p[3 &* k &+ 2]
                                let d2 = dx * dx + dy * dy
                                out[2 &* found] = t - ti
                                out[2 &* found &+ 1] = d2
                                found &+= d2 <= radius2 ? 1 : 0
                                k &+= 1
                            }
                        }
                    }
                }
            }
        }
        return found
    }
}
