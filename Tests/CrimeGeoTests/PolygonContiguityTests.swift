import Foundation
import Synchronization
import Testing
import CrimeCore
import CrimeGeo

/// Queen and rook contiguity on hand-made layers whose neighbours can be read off the drawing.
@Suite struct PolygonContiguityTests {
    static func feature(_ polygons: [PlanarPolygon], _ name: String) -> AreaFeature {
        AreaFeature(polygons: polygons, properties: ["name": .text(name)])
    }

    static func ring(_ xy: [(Double, Double)]) -> [PlanarPoint] { xy.map { PlanarPoint(x: $0.0, y: $0.1) } }

    static func square(_ x0: Double, _ y0: Double, _ w: Double) -> [PlanarPoint] {
        ring([(x0, y0), (x0 + w, y0), (x0 + w, y0 + w), (x0, y0 + w)])
    }

    /// A: the unit square with a hole (0.25–0.75); B east of A, sharing the edge x = 1 (its corner (1, 0) is
    /// written twice); C north-east of A, touching it at the vertex (1, 1) only and sharing the edge y = 1
    /// with B; D an island filling A's hole plus a far square sharing an edge with E; F touching B's
    /// edge x = 2 at (2, 0.5), where B has no vertex; G holding A's vertices (0, 0) and (0, 1) but not as
    /// consecutive vertices, so it shares no edge with A.
    static func sketch() throws -> PolygonIndex {
        let features = [
            feature([PlanarPolygon(exterior: square(0, 0, 1), holes: [square(0.25, 0.25, 0.5)])], "A"),
            feature([PlanarPolygon(exterior: ring([(1, 0), (1, 0), (2, 0), (2, 1), (1, 1)]))], "B"),
            feature([PlanarPolygon(exterior: square(1, 1, 1))], "C"),
            feature([PlanarPolygon(exterior: square(0.25, 0.25, 0.5)), PlanarPolygon(exterior: square(5, 5, 1))], "D"),
            feature([PlanarPolygon(exterior: square(6, 5, 1))], "E"),
            feature([PlanarPolygon(exterior: ring([(2, 0.5), (3, 0), (3, 1)]))], "F"),
            feature([PlanarPolygon(exterior: ring([(0, 0), (-0.2, 0.5), (0, 1), (-1, 0.5)]))], "G"),
        ]
        return try PolygonIndex(layer: AreaLayer(features: features, crs: .wgs84, source: "sketch"), labelProperty: "name")
    }

    @Test func sharedVerticesEdgesAndHoles() throws {
        let index = try Self.sketch()
        #expect(index.contiguity(queen: true) == [[1, 2, 3, 6], [0, 2], [0, 1], [0, 4], [3], [], [0]])
        #expect(index.contiguity(queen: false) == [[1, 3], [0, 2], [1], [0, 4], [3], [], []])
        #expect(try index.neighbors(of: CellID(2)) == [CellID(0), CellID(1)])
        #expect(try index.rookNeighbors(of: CellID(6)) == [])
        // The hole is outside A and inside D's island; the far square is D's too.
        #expect(index.ordinal(x: 0.5, y: 0.5) == 3)
        #expect(index.ordinal(x: 0.1, y: 0.5) == 0)
        #expect(index.ordinal(x: 5.5, y: 5.5) == 3)
    }

    /// Columns × rows cells on a jittered lattice (each side `side` segments, neighbours sharing the
    /// same lattice vertices), each with a square hole: queen neighbours are the eight surrounding cells,
    /// rook neighbours the four beside, above and below.
    @Test func jitteredGridIsEightAndFourNeighbourhoods() throws {
        let columns = 5, rows = 4, side = 6, unit = 0.01
        func lattice(_ i: Int, _ j: Int) -> PlanarPoint {
            PlanarPoint(x: (Double(i) + 0.3 * sin(Double(i) * 12.9898 + Double(j) * 78.233)) * unit,
                        y: (Double(j) + 0.3 * cos(Double(i) * 39.3468 + Double(j) * 11.135)) * unit)
        }
        var features: [AreaFeature] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let i0 = c * side, j0 = r * side
                let outer = (0..<side).map { lattice(i0 + $0, j0) } + (0..<side).map { lattice(i0 + side, j0 + $0) }
                    + (0..<side).map { lattice(i0 + side - $0, j0 + side) } + (0..<side).map { lattice(i0, j0 + side - $0) }
                let hole = Self.square(Double(i0 + 2) * unit, Double(j0 + 2) * unit, 2 * unit)
                features.append(Self.feature([PlanarPolygon(exterior: outer, holes: [hole])], "r\(r)c\(c)"))
            }
        }
        let index = try PolygonIndex(layer: AreaLayer(features: features, crs: .wgs84, source: "grid"), labelProperty: "name")
        func around(_ k: Int, queen: Bool) -> [Int] {
            let r = k / columns, c = k % columns
            var out: [Int] = []
            for dr in -1...1 {
                for dc in -1...1 where (dr, dc) != (0, 0) && (queen || dr == 0 || dc == 0) {
                    if (0..<rows).contains(r + dr), (0..<columns).contains(c + dc) { out.append((r + dr) * columns + c + dc) }
                }
            }
            return out
        }
        #expect(index.contiguity(queen: true) == (0..<(rows * columns)).map { around($0, queen: true) })
        #expect(index.contiguity(queen: false) == (0..<(rows * columns)).map { around($0, queen: false) })
        for k in 0..<(rows * columns) {
            let x = Double((k % columns) * side), y = Double((k / columns) * side)
            #expect(index.ordinal(x: (x + 1) * unit, y: (y + 3) * unit) == k)
            #expect(index.ordinal(x: (x + 3) * unit, y: (y + 3) * unit) == nil)   // in the hole
        }
    }

    /// The tables are built on first use; threads asking at once all get the same, complete tables.
    @Test func firstUseFromManyThreads() throws {
        let index = try Self.sketch()
        let answers = Mutex<[[[Int]]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let tables = index.contiguity(queen: i % 2 == 0)
            answers.withLock { $0.append(tables) }
        }
        let all = answers.withLock { $0 }
        #expect(all.count == 8)
        #expect(all.filter { $0 == [[1, 2, 3, 6], [0, 2], [0, 1], [0, 4], [3], [], [0]] }.count == 4)
        #expect(all.filter { $0 == [[1, 3], [0, 2], [1], [0, 4], [3], [], []] }.count == 4)
    }
}
