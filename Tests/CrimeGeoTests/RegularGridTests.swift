import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
@testable import CrimeGeo

private struct ProjectionFixture: Decodable {
    let origin: [Double]
    let pairs: [[Double]]
}

@Suite struct RegularGridTests {
    let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.72, maxLatitude: 41.96, maxLongitude: -87.52)

    @Test func planarDistancesAgreeWithGeodesicsWithinATenthOfAPercent() throws {
        let fixture = try Fixtures.json(ProjectionFixture.self, "geo", "local_projection_fixture.json")
        let projection = LocalProjection(origin: GeoPoint(latitude: fixture.origin[0], longitude: fixture.origin[1]))
        for p in fixture.pairs {
            let a = projection.project(GeoPoint(latitude: p[0], longitude: p[1]))
            let b = projection.project(GeoPoint(latitude: p[2], longitude: p[3]))
            let planar = hypot(a.x - b.x, a.y - b.y)
            #expect(abs(planar - p[4]) / p[4] < 1e-3, "pair \(p)")
        }
    }

    @Test func cellsRoundTripThroughCentres() throws {
        let grid = try RegularGrid(covering: box, side: RegularGrid.side(forAreaSquareKilometres: 0.2))
        #expect(abs(grid.side - 447.2136) < 1e-4)
        #expect(grid.rows * grid.columns == grid.allCells.count)
        for cell in grid.allCells where cell.row % 7 == 0 {
            #expect(grid.cell(containing: try grid.center(of: cell)) == cell)
        }
        #expect(grid.cell(containing: GeoPoint(latitude: 10, longitude: 10)) == nil)
        #expect(grid.cell(containing: GeoPoint(latitude: .nan, longitude: 0)) == nil)
    }

    @Test func labelsNeighboursAndErrors() throws {
        let grid = try RegularGrid(covering: box, side: 1000)
        #expect(grid.label(of: CellID(row: 7, column: 12)) == "r07c12")
        #expect(try grid.neighbors(of: CellID(row: 0, column: 0)).count == 3)
        #expect(try grid.neighbors(of: CellID(row: 0, column: 5)).count == 5)
        #expect(try grid.neighbors(of: CellID(row: 5, column: 5)).count == 8)
        #expect(try grid.rookNeighbors(of: CellID(row: 5, column: 5)) ==
                [CellID(row: 4, column: 5), CellID(row: 5, column: 4), CellID(row: 5, column: 6), CellID(row: 6, column: 5)])
        #expect(throws: GridError.badSide(-1)) { try RegularGrid(covering: box, side: -1) }
        #expect(throws: GridError.unknownCell(CellID(row: 999, column: 0))) { try grid.boundary(of: CellID(row: 999, column: 0)) }
        let corners = try grid.boundary(of: CellID(row: 0, column: 0))
        #expect(corners.count == 4)
        // The grid starts level with the southern edge's lowest point, where it crosses the central
        // meridian 0.1° east of the corner: the parallel there bows south of the corner by about
        // N sin φ cos φ Δλ² / 2 = 4.83 m (WGS84 N = 6,387,640 m at 41.80° N; 111,046 m per degree of latitude).
        let phi = box.minLatitude * .pi / 180, dLambda = 0.1 * .pi / 180
        let n = 6_378_137 / (1 - 0.006_694_38 * sin(phi) * sin(phi)).squareRoot()
        let bow = n * sin(phi) * cos(phi) * dLambda * dLambda / 2
        #expect(abs((box.minLatitude - corners[0].latitude) * 111_046 - bow) < 0.05, "\(corners[0])")
        #expect(abs(corners[0].longitude - box.minLongitude) < 1e-6)
    }
}
