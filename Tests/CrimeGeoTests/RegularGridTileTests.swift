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
}
