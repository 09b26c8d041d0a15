/// Events sorted into square buckets of a side at least the space cut-off, and by time within each
/// bucket, so that the earlier events near an event are found in the 3 × 3 buckets around it, each
/// scanned from a binary search on time.
struct TimeOrderedBuckets {
    let side: Double
    let minX: Double, minY: Double
    let columns: Int, rows: Int
    /// Bucket `b` (row-major) holds events `starts[b]..<starts[b + 1]` of the sorted arrays.
    let starts: [Int]
    let t: [Double], x: [Double], y: [Double]

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
        var ts = [Double](repeating: 0, count: e.count), xs = ts, ys = ts
        for i in 0..<e.count {
            let slot = next[bucket[i]]
            next[bucket[i]] += 1
            ts[slot] = e.t[i]
            xs[slot] = e.x[i]
            ys[slot] = e.y[i]
        }
        self.side = side
        minX = box.isEmpty ? 0 : box.minX
        minY = box.isEmpty ? 0 : box.minY
        self.columns = columns
        self.rows = rows
        self.starts = starts
        t = ts
        x = xs
        y = ys
    }

    /// Calls `body(t, x, y)` for every event with `from <= t < before` in the 3 × 3 buckets around
    /// (`qx`, `qy`), bucket by bucket from the south-west, in time order within a bucket.
    @inline(__always)
    func forEachCandidate(x qx: Double, y qy: Double, from: Double, before: Double,
                          _ body: (Double, Double, Double) -> Void) {
        let c = min(max(Int((qx - minX) / side), 0), columns - 1)
        let r = min(max(Int((qy - minY) / side), 0), rows - 1)
        for row in max(r - 1, 0)...min(r + 1, rows - 1) {
            for column in max(c - 1, 0)...min(c + 1, columns - 1) {
                let b = row * columns + column
                var lo = starts[b], hi = starts[b + 1]
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if t[mid] < from { lo = mid + 1 } else { hi = mid }
                }
                var k = lo
                while k < starts[b + 1], t[k] < before {
                    body(t[k], x[k], y[k])
                    k += 1
                }
            }
        }
    }
}
