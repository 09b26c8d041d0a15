import Testing
import CrimeCore
import CrimeTestSupport
@testable import CrimeGeo

@Suite("H3 parents, children, disks, rings, areas and polygon fill against h3-py 4.5.0")
struct H3TopologyTests {
    @Test("cellToParent, sorted gridDisk(1) and cell areas for every fixture cell")
    func parentsDisksAreas() throws {
        var bad: [String] = []
        for row in try H3Fixture.cells() {
            let cell = try H3Index(row.cell)
            if cell.resolution > 0 {
                let parent = try H3.cellToParent(cell, resolution: cell.resolution - 1)
                if parent.description != row.parent { bad.append("parent \(row.cell): \(parent)") }
            }
            let disk = try H3.gridDisk(cell, 1).map(\.description)
            if disk != row.disk1 { bad.append("disk \(row.cell): \(disk) vs \(row.disk1)") }
            let km2 = try H3.cellAreaKm2(cell), m2 = try H3.cellAreaM2(cell)
            if abs(km2 - row.areaKm2) > 1e-12 * row.areaKm2 || abs(m2 - row.areaM2) > 1e-12 * row.areaM2 {
                bad.append("area \(row.cell): \(km2) vs \(row.areaKm2)")
            }
        }
        #expect(bad.isEmpty, "\(bad.count) problems, first: \(bad.prefix(5))")
    }

    @Test("cellToChildren two levels down, pentagons included")
    func children() throws {
        let extras = try Fixtures.json(H3Fixture.Extras.self, "h3", "extras.json")
        #expect(!extras.children.isEmpty)
        for c in extras.children {
            let got = try H3.cellToChildren(try H3Index(c.cell), resolution: c.res).map(\.description)
            #expect(got == c.children, "children of \(c.cell)")
        }
    }

    @Test("gridRing and gridDisk at k = 2 and 3, pentagons included")
    func rings() throws {
        let extras = try Fixtures.json(H3Fixture.Extras.self, "h3", "extras.json")
        for r in extras.rings {
            let cell = try H3Index(r.cell)
            #expect(try H3.gridRing(cell, r.k).map(\.description) == r.ring, "ring \(r.k) of \(r.cell)")
            #expect(try H3.gridDisk(cell, r.k).map(\.description) == r.disk, "disk \(r.k) of \(r.cell)")
        }
    }

    @Test("polygonToCells of a Las Vegas box with a hole at resolution 8")
    func polygonFill() throws {
        let p = try Fixtures.json(H3Fixture.Extras.self, "h3", "extras.json").polygon
        let ring = { (pts: [[Double]]) in pts.map { GeoPoint(latitude: $0[0], longitude: $0[1]) } }
        let got = try H3.polygonToCells(outer: ring(p.outer), holes: p.holes.map(ring), resolution: p.res)
        #expect(got.map(\.description) == p.cells)
    }

    @Test("Hand-checkable counts: 122 base cells, 12 pentagons, children counts")
    func counts() throws {
        var pentagons = 0
        for bc in 0..<122 {
            let h = H3Index.header(resolution: 0, baseCell: bc)
            #expect(h.isValid)
            if h.isPentagon { pentagons += 1 }
        }
        #expect(pentagons == 12)
        let pentagon = try H3Index("8009fffffffffff")
        #expect(pentagon.isPentagon)
        #expect(try H3.cellToChildren(pentagon, resolution: 2).count == 1 + 5 * (49 - 1) / 6)
        #expect(try H3.gridDisk(pentagon, 1).count == 6)
        let hexagon = try H3Index("882a100d25fffff")
        #expect(try H3.cellToChildren(hexagon, resolution: 10).count == 49)
        #expect(try H3.cellToCenterChild(hexagon, resolution: 9).description == "892a100d243ffff")
    }
}
