/// Queen (shared vertex) and rook (shared edge) neighbours of a layer's areas, by ordinal, sorted.
///
/// Vertices are compared by their exact coordinate bits. Rather than hashing every vertex and edge, the
/// tables come from sorting compact records: every vertex as (x, y, position, feature), so that equal
/// vertices fall together; a vertex held by two or more areas gets a number, and every edge whose two
/// ends are both numbered becomes an (end numbers, feature) record, sorted in turn so that equal edges
/// fall together. An edge with an end held by one area alone cannot be shared, so it is left out.
struct Contiguity: Sendable {
    /// Queen neighbours by ordinal, sorted.
    let queen: [[Int]]
    /// Rook neighbours by ordinal, sorted.
    let rook: [[Int]]

    private struct VertexRecord {
        var x: UInt64
        var y: UInt64
        var position: UInt32
        var feature: UInt32
    }

    private struct EdgeRecord {
        /// The smaller vertex number in the high half, the larger in the low half.
        var key: UInt64
        var feature: UInt32
    }

    /// The tables over every ring of the features (outer ring, then holes, polygon by polygon).
    init(features: [AreaFeature]) {
        let shared = Self.sharedVertices(features)
        queen = shared.neighbours
        rook = Self.sharedEdges(features, numbers: shared.numbers)
    }

    /// Queen neighbours, and a number for every vertex position held by two or more areas
    /// (`UInt32.max` for the others).
    private static func sharedVertices(_ features: [AreaFeature]) -> (neighbours: [[Int]], numbers: [UInt32]) {
        var records: [VertexRecord] = []
        records.reserveCapacity(features.reduce(0) { $0 + $1.polygons.reduce(0) { $0 + $1.vertexCount } })
        forEachRing(features) { f, ring in
            for p in ring {
                records.append(VertexRecord(x: p.x.bitPattern, y: p.y.bitPattern, position: UInt32(records.count),
                                            feature: UInt32(f)))
            }
        }
        records.sort { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        var numbers = [UInt32](repeating: .max, count: records.count)
        var lists = Neighbours(count: features.count)
        var next: UInt32 = 0
        var start = 0
        while start < records.count {
            var end = start + 1
            while end < records.count, records[end].x == records[start].x, records[end].y == records[start].y { end += 1 }
            if lists.add(records[start..<end].lazy.map(\.feature)) {
                for r in records[start..<end] { numbers[Int(r.position)] = next }
                next += 1
            }
            start = end
        }
        return (lists.sorted(), numbers)
    }

    /// Rook neighbours from the edges whose two ends are both shared vertices.
    private static func sharedEdges(_ features: [AreaFeature], numbers: [UInt32]) -> [[Int]] {
        var records: [EdgeRecord] = []
        var position = 0
        forEachRing(features) { f, ring in
            for i in ring.indices {
                let a = numbers[position + i], b = numbers[position + (i + 1) % ring.count]
                if a == .max || b == .max { continue }
                records.append(EdgeRecord(key: UInt64(min(a, b)) << 32 | UInt64(max(a, b)), feature: UInt32(f)))
            }
            position += ring.count
        }
        records.sort { $0.key < $1.key }
        var lists = Neighbours(count: features.count)
        var start = 0
        while start < records.count {
            var end = start + 1
            while end < records.count, records[end].key == records[start].key { end += 1 }
            lists.add(records[start..<end].lazy.map(\.feature))
            start = end
        }
        return lists.sorted()
    }

    /// Calls `body` with each feature's ordinal and each of its rings, in order.
    private static func forEachRing(_ features: [AreaFeature], _ body: (Int, [PlanarPoint]) -> Void) {
        for (f, feature) in features.enumerated() {
            for polygon in feature.polygons {
                body(f, polygon.exterior)
                for hole in polygon.holes { body(f, hole) }
            }
        }
    }

    /// Neighbour lists filled from groups of features that share something.
    private struct Neighbours {
        private var lists: [[UInt32]]
        private var group: [UInt32] = []

        init(count: Int) { lists = Array(repeating: [], count: count) }

        /// Makes every two different features of the group neighbours; true when there were two or more.
        @discardableResult
        mutating func add(_ features: some Sequence<UInt32>) -> Bool {
            group.removeAll(keepingCapacity: true)
            group.append(contentsOf: features)
            group.sort()
            var distinct = 0
            for i in group.indices where distinct == 0 || group[distinct - 1] != group[i] {
                group[distinct] = group[i]
                distinct += 1
            }
            guard distinct > 1 else { return false }
            for a in group[..<distinct] {
                for b in group[..<distinct] where a != b && lists[Int(a)].last != b { lists[Int(a)].append(b) }
            }
            return true
        }

        /// Each feature's neighbours, sorted, without repeats.
        func sorted() -> [[Int]] {
            lists.map { list in
                var out: [Int] = []
                for f in list.sorted() where out.last != Int(f) { out.append(Int(f)) }
                return out
            }
        }
    }
}

private extension PlanarPolygon {
    /// The number of vertices over all rings.
    var vertexCount: Int { holes.reduce(exterior.count) { $0 + $1.count } }
}
