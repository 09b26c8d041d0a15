import Testing
import CrimeCore
import CrimeGeo

@Suite struct RegularGridTileTests {
    @Test func sixteenBySixteenWindows() throws {
        // About 20.6 km × 17.8 km of 447.2 m cells: 40 rows × 38 columns.
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.80, maxLatitude: 41.96, maxLongitude: -87.55)
        let grid = try RegularGrid(covering: box, side: RegularGrid.side(forAreaSquareKilometres: 0.2))
        let counts = try grid.tileCounts()
        let expectedRows = (grid.rows + 15) / 16, expectedColumns = (grid.columns + 15) / 16
        #expect(counts.rows == expectedRows)
        #expect(counts.columns == expectedColumns)
        let whole = try grid.tiles()
        let wholeCount = (grid.rows / 16) * (grid.columns / 16)
        #expect(whole.count == wholeCount)
        for t in whole { #expect(t.cells.count == 256 && t.cells.allSatisfy { $0 != nil }) }
        let all = try grid.tiles(includePartial: true)
        #expect(all.count == counts.rows * counts.columns)
        // Every cell appears in exactly one tile, at the place tile(of:) gives.
        var seen = Set<CellID>()
        for t in all {
            for (k, cell) in t.cells.enumerated() {
                guard let cell else { continue }
                #expect(seen.insert(cell).inserted)
                let where_ = try grid.tile(of: cell)
                let sameTile = where_.tileRow == t.tileRow && where_.tileColumn == t.tileColumn
                let position = where_.row * 16 + where_.column
                #expect(sameTile)
                #expect(position == k)
            }
        }
        #expect(seen.count == grid.rows * grid.columns)
        #expect(throws: GridError.badTileSize(0)) { try grid.tiles(size: 0) }
        #expect(throws: GridError.unknownCell(CellID(row: 999, column: 0))) { try grid.tile(of: CellID(row: 999, column: 0)) }
    }

    @Test func growingToWholeTilesKeepsTheCentreAndTheBox() throws {
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.80, maxLatitude: 41.96, maxLongitude: -87.55)
        let grid = try RegularGrid(covering: box, side: RegularGrid.side(forAreaSquareKilometres: 0.2))
        func outerCorners(_ g: RegularGrid) throws -> (sw: PlanarPoint, ne: PlanarPoint) {
            (g.projection.project(try g.boundary(of: CellID(row: 0, column: 0))[0]),
             g.projection.project(try g.boundary(of: CellID(row: g.rows - 1, column: g.columns - 1))[2]))
        }
        let before = try outerCorners(grid)
        for size in [1, 3, 16, 100] {
            let grown = try grid.grownToWholeTiles(size: size)
            #expect(grown.rows % size == 0 && grown.rows >= grid.rows && grown.rows - grid.rows < size)
            #expect(grown.columns % size == 0 && grown.columns >= grid.columns && grown.columns - grid.columns < size)
            #expect(try grown.tiles(size: size).count == (grown.rows / size) * (grown.columns / size))
            let after = try outerCorners(grown)
            #expect(abs((after.sw.x + after.ne.x) - (before.sw.x + before.ne.x)) < 1e-6)
            #expect(abs((after.sw.y + after.ne.y) - (before.sw.y + before.ne.y)) < 1e-6)
            #expect(abs(after.ne.x - after.sw.x - Double(grown.columns) * grid.side) < 1e-6)
            for lat in stride(from: box.minLatitude, through: box.maxLatitude, by: 0.004) {
                for lon in stride(from: box.minLongitude, through: box.maxLongitude, by: 0.005) {
                    #expect(grown.cell(containing: GeoPoint(latitude: lat, longitude: lon)) != nil)
                }
            }
        }
        #expect(try grid.grownToWholeTiles(size: 1) == grid)
        #expect(throws: GridError.badTileSize(0)) { try grid.grownToWholeTiles(size: 0) }
        // 2 m cells over the box: about 8,900 × 10,400 cells, within the limit; whole 5,000-cell tiles
        // would make 10,000 × 15,000.
        let fine = try RegularGrid(covering: box, side: 2)
        #expect(throws: GridError.tooManyCells(150_000_000)) { try fine.grownToWholeTiles(size: 5_000) }
        #expect(throws: GridError.tooManyCells(Double(Int.max) * Double(Int.max))) { try fine.grownToWholeTiles(size: .max) }
    }
}
