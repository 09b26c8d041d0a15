/// Polygon edges sorted into horizontal bands for a crossing-number (even-odd) test.
///
/// Every non-horizontal edge is stored once per band its y-range meets, with its lower endpoint
/// first, tagged with its feature; within a band, entries are ordered by feature. A look-up walks
/// only its band: a ray from the point towards +x crosses an edge when `ay <= y < by` and the point
/// lies strictly left of the edge. Because a shared edge is stored with the same canonical endpoints
/// for both features, the test is exact and consistent between neighbours: a point on a shared edge
/// is inside the area to its east (to its north on a horizontal edge), and in exactly one of them.
struct EdgeBands: Sendable {
    private let minY: Double
    private let bandHeight: Double
    private let bandCount: Int
    private let bandStart: [Int32]
    /// ax, ay, bx, by per entry, contiguous.
    private let coordinates: [Double]
    private let features: [Int32]

    /// Bands over the rings of each feature (`rings[f]` lists feature f's rings, open).
    init(rings: [[[PlanarPoint]]]) {
        var edges: [(f: Int32, ax: Double, ay: Double, bx: Double, by: Double)] = []
        var lo = Double.infinity, hi = -Double.infinity, totalRise = 0.0
        for (f, featureRings) in rings.enumerated() {
            for ring in featureRings where ring.count >= 2 {
                for i in ring.indices {
                    let p = ring[i], q = ring[(i + 1) % ring.count]
                    if p.y == q.y { continue }
                    let (a, b) = p.y < q.y ? (p, q) : (q, p)
                    edges.append((Int32(f), a.x, a.y, b.x, b.y))
                    lo = min(lo, a.y)
                    hi = max(hi, b.y)
                    totalRise += b.y - a.y
                }
            }
        }
        guard !edges.isEmpty else {
            minY = 0; bandHeight = 1; bandCount = 0; bandStart = [0]; coordinates = []; features = []
            return
        }
        // About one band per average edge rise keeps each band to the edges a horizontal line crosses.
        let count = min(1 << 16, max(1, Int((hi - lo) / (totalRise / Double(edges.count)))))
        let height = (hi - lo) / Double(count)
        func band(_ y: Double) -> Int { min(count - 1, max(0, Int((y - lo) / height))) }
        var perBand = [Int32](repeating: 0, count: count + 1)
        for e in edges { for b in band(e.ay)...band(e.by) { perBand[b + 1] += 1 } }
        for b in 0..<count { perBand[b + 1] += perBand[b] }
        var fill = Array(perBand.dropLast())
        var coordinates = [Double](repeating: 0, count: 4 * Int(perBand[count]))
        var features = [Int32](repeating: 0, count: Int(perBand[count]))
        // Edges are already in feature order, so each band's entries come out ordered by feature.
        for e in edges {
            for b in band(e.ay)...band(e.by) {
                let k = Int(fill[b])
                fill[b] += 1
                features[k] = e.f
                coordinates[4 * k] = e.ax; coordinates[4 * k + 1] = e.ay
                coordinates[4 * k + 2] = e.bx; coordinates[4 * k + 3] = e.by
            }
        }
        minY = lo
        bandHeight = height
        bandCount = count
        bandStart = perBand
        self.coordinates = coordinates
        self.features = features
    }

    /// Bytes held by the tables.
    var byteCount: Int { coordinates.count * 8 + features.count * 4 + bandStart.count * 4 }

    /// The lowest-numbered feature whose rings hold the point an odd number of times, or -1.
    func locate(x: Double, y: Double) -> Int {
        guard bandCount > 0, y >= minY else { return -1 }
        let b = Int((y - minY) / bandHeight)
        guard b >= 0, b <= bandCount else { return -1 }
        let band = min(b, bandCount - 1)
        return coordinates.withUnsafeBufferPointer { c in
            features.withUnsafeBufferPointer { f in
                bandStart.withUnsafeBufferPointer { s in
                    var current: Int32 = -1
                    var inside = false
                    for k in Int(s[band])..<Int(s[band + 1]) {
                        let feature = f[k]
                        if feature != current {
                            if inside { return Int(current) }
                            current = feature
                        }
                        let ay = c[4 * k + 1], by = c[4 * k + 3]
                        if ay <= y && y < by {
                            let ax = c[4 * k], bx = c[4 * k + 2]
                            // x < ax + (y - ay)(bx - ax)/(by - ay), with by - ay > 0.
                            if (x - ax) * (by - ay) < (y - ay) * (bx - ax) { inside.toggle() }
                        }
                    }
                    return inside ? Int(current) : -1
                }
            }
        }
    }
}
