import Testing
import CrimeCore
@testable import CrimeGeo

@Suite("H3Grid as a SpatialIndex")
struct H3GridTests {
    @Test("Cells, labels, geometry and neighbours agree with the H3 functions")
    func spatialIndex() throws {
        let grid = try H3Grid(resolution: 8)
        let point = GeoPoint(latitude: 36.1147, longitude: -115.1728)
        let cell = try #require(grid.cell(containing: point))
        let h = try H3.latLngToCell(point, resolution: 8)
        #expect(cell.rawValue == h.rawValue)
        #expect(grid.label(of: cell) == h.description)
        #expect(try grid.center(of: cell) == H3.cellToLatLng(h))
        #expect(try grid.boundary(of: cell).count == 6)
        let neighbours = try grid.neighbors(of: cell)
        #expect(neighbours.count == 6 && neighbours == neighbours.sorted() && !neighbours.contains(cell))
        #expect(grid.cell(containing: GeoPoint(latitude: 95, longitude: 0)) == nil)
    }

    @Test("cells(covering:) holds exactly the cells whose centres are in the box")
    func covering() throws {
        let grid = try H3Grid(resolution: 7)
        let box = BoundingBox(minLatitude: 36.0, minLongitude: -115.3, maxLatitude: 36.3, maxLongitude: -115.0)
        let cells = try grid.cells(covering: box)
        #expect(cells == cells.sorted() && !cells.isEmpty)
        for c in cells { #expect(box.contains(try grid.center(of: c))) }
        // Every neighbour outside the list has its centre outside the box.
        let set = Set(cells)
        for c in cells {
            for n in try grid.neighbors(of: c) where !set.contains(n) { #expect(!box.contains(try grid.center(of: n))) }
        }
    }
}
