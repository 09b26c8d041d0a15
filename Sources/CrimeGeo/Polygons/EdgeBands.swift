/// Polygon edges sorted into horizontal bands for a crossing-number (even-odd) test.
///
/// The rings' vertices are stored once, each ring followed by a copy of its first vertex, so the edge
/// starting at vertex k ends at vertex k + 1. Every non-horizontal edge is listed once per band its y-range
/// meets, by its starting vertex and its feature; within a band, entries are ordered by feature. A look-up
/// walks only its band, taking each edge's lower endpoint first: a ray from the point towards +x crosses an
/// edge when `ay <= y < by` and the point lies strictly left of the edge. Because a shared edge has the same
/// endpoints, and so the same lower endpoint, for both features, the test is exact and consistent between
/// neighbours: a point on a shared edge is inside the area to its east (to its north on a horizontal edge),
/// and in exactly one of them.
struct EdgeBands: Sendable {
    /// One band entry: the edge's starting vertex and its feature.
    private struct Entry {
        var vertex: Int32
        var feature: Int32
    }

    private let minY: Double
    private let bandHeight: Double
    private let bandCount: Int
    private let bandStart: [Int32]
    /// Every ring of two or more vertices, in feature order, each closed by a copy of its first vertex.
    private let vertices: [PlanarPoint]
    private let entries: [Entry]

    /// Bands over the rings of the features (outer ring, then holes, polygon by polygon); rings of fewer
    /// than two vertices have no edges.
    init(features: [AreaFeature]) {
        var total = 0
        Self.forEachRing(features) { _, ring in total += ring.count + 1 }
        var vertices: [PlanarPoint] = []
        vertices.reserveCapacity(total)
        Self.forEachRing(features) { _, ring in
            vertices.append(contentsOf: ring)
            vertices.append(ring[0])
        }
        var lo = Double.infinity, hi = -Double.infinity, totalRise = 0.0, edgeCount = 0
        Self.forEachEdge(features, vertices) { _, _, a, b in
            lo = min(lo, a.y)
            hi = max(hi, b.y)
            totalRise += b.y - a.y
            edgeCount += 1
        }
        guard edgeCount > 0 else {
            minY = 0; bandHeight = 1; bandCount = 0; bandStart = [0]; self.vertices = []; entries = []
            return
        }
        // About one band per average edge rise keeps each band to the edges a horizontal line crosses.
        let count = min(1 << 16, max(1, Int((hi - lo) / (totalRise / Double(edgeCount)))))
        let height = (hi - lo) / Double(count)
        func band(_ y: Double) -> Int { min(count - 1, max(0, Int((y - lo) / height))) }
        var perBand = [Int32](repeating: 0, count: count + 1)
        Self.forEachEdge(features, vertices) { _, _, a, b in
            for k in band(a.y)...band(b.y) { perBand[k + 1] += 1 }
        }
        for k in 0..<count { perBand[k + 1] += perBand[k] }
        var fill = Array(perBand.dropLast())
        var entries = [Entry](repeating: Entry(vertex: 0, feature: 0), count: Int(perBand[count]))
        // Edges come in feature order, so each band's entries come out ordered by feature.
        Self.forEachEdge(features, vertices) { feature, start, a, b in
            for k in band(a.y)...band(b.y) {
                entries[Int(fill[k])] = Entry(vertex: Int32(start), feature: Int32(feature))
                fill[k] += 1
            }
        }
        minY = lo
        bandHeight = height
        bandCount = count
        bandStart = perBand
        self.vertices = vertices
        self.entries = entries
    }

    /// Calls `body` with each feature's ordinal and each of its rings of two or more vertices, in order.
    private static func forEachRing(_ features: [AreaFeature], _ body: (Int, [PlanarPoint]) -> Void) {
        for (f, feature) in features.enumerated() {
            for polygon in feature.polygons {
                if polygon.exterior.count >= 2 { body(f, polygon.exterior) }
                for hole in polygon.holes where hole.count >= 2 { body(f, hole) }
            }
        }
    }

    /// Calls `body` with the feature, the starting vertex and the lower and upper endpoints of every
    /// non-horizontal edge, in feature and ring order, given the closed rings' `vertices`.
    private static func forEachEdge(_ features: [AreaFeature], _ vertices: [PlanarPoint],
                                    _ body: (Int, Int, PlanarPoint, PlanarPoint) -> Void) {
        var start = 0
        vertices.withUnsafeBufferPointer { v in
            forEachRing(features) { f, ring in
                for k in start..<(start + ring.count) {
                    let p = v[k], q = v[k + 1]
                    if p.y == q.y { continue }
                    if p.y < q.y { body(f, k, p, q) } else { body(f, k, q, p) }
                }
                start += ring.count + 1
            }
        }
    }

    /// Bytes held by the tables (the closed rings' vertices, the band entries and the band starts).
    var byteCount: Int {
        vertices.count * MemoryLayout<PlanarPoint>.stride + entries.count * MemoryLayout<Entry>.stride
            + bandStart.count * 4
    }

    /// The lowest-numbered feature whose rings hold the point an odd number of times, or -1.
    func locate(x: Double, y: Double) -> Int {
        guard bandCount > 0, y >= minY else { return -1 }
        let b = Int((y - minY) / bandHeight)
        guard b >= 0, b <= bandCount else { return -1 }
        let band = min(b, bandCount - 1)
        return vertices.withUnsafeBufferPointer { v in
            entries.withUnsafeBufferPointer { e in
                var current: Int32 = -1
                var inside = false
                for k in Int(bandStart[band])..<Int(bandStart[band + 1]) {
                    let entry = e[k]
                    if entry.feature != current {
                        if inside { return Int(current) }
                        current = entry.feature
                    }
                    let p = v[Int(entry.vertex)], q = v[Int(entry.vertex) + 1]
                    let (a, c) = p.y < q.y ? (p, q) : (q, p)
                    if a.y <= y && y < c.y {
                        // x < a.x + (y - a.y)(c.x - a.x)/(c.y - a.y), with c.y - a.y > 0.
                        if (x - a.x) * (c.y - a.y) < (y - a.y) * (c.x - a.x) { inside.toggle() }
                    }
                }
                return inside ? Int(current) : -1
            }
        }
    }
}
