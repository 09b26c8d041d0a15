import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeGeo

/// An incident table aggregates into the space-time cube through any `SpatialIndex`; areas and grid
/// cells without incidents are in the cube with zero counts.
@Suite struct AreaAggregationTests {
    /// Fixture points as incidents over three days, with their shapely labels.
    private func incidents() throws -> (IncidentTable, [String]) {
        let data = try Data(contentsOf: Fixtures.url("areas", "chicago_labels.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(object["points"] as? [[Any]]).prefix(300)
        var table = IncidentTable(zone: try ZoneClock(identifier: "America/Chicago"))
        var labels: [String] = []
        let start: Int64 = 1_709_272_800   // 2024-03-01 00:00 America/Chicago
        for (k, row) in rows.enumerated() {
            let lat = try #require(row[0] as? Double), lng = try #require(row[1] as? Double)
            table.append(id: "\(k)", time: start + Int64(k % 3) * 86_400 + 3_600, location: GeoPoint(latitude: lat, longitude: lng),
                         category: .theft, offense: "THEFT")
            labels.append(try #require(row[2] as? String))
        }
        return (table, labels)
    }

    private func span() throws -> WindowSpan {
        try WindowSpan(.sequential(.daily, zone: ZoneClock(identifier: "America/Chicago")),
                       from: LocalDay("2024-03-01"), until: LocalDay("2024-03-04"))
    }

    @Test func polygonAreasKeepZeroCounts() throws {
        let (table, labels) = try incidents()
        let index = try PolygonIndex(contentsOf: Fixtures.url("areas", "Chicago77.shp"), labelProperty: "COMMUNITY",
                                     crs: .illinoisEastFeet)
        let cube = try SpaceTimeCube(table: table, index: index, cells: index.allCells, windows: try span())
        #expect(cube.cellCount == 77 && cube.windowCount == 3)
        var expected = [Int](repeating: 0, count: 77)
        for label in labels where !label.isEmpty { expected[try #require(index.labels.firstIndex(of: label))] += 1 }
        #expect(cube.cellTotals() == expected)
        #expect(expected.contains(0))                                   // some areas have no incident …
        #expect(cube.report.outsideIndex == labels.filter(\.isEmpty).count)
        var perDay = [0, 0, 0]
        for (k, label) in labels.enumerated() where !label.isEmpty { perDay[k % 3] += 1 }
        #expect(cube.windowTotals() == perDay)
        let neighbours = try cube.neighbors(from: index)
        #expect(neighbours.count == 77 && neighbours.allSatisfy { !$0.isEmpty })
    }

    @Test func regularGridKeepsZeroCounts() throws {
        let (table, _) = try incidents()
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.64, minLongitude: -87.94, maxLatitude: 42.03,
                                                         maxLongitude: -87.52), side: 2_000)
        let cube = try SpaceTimeCube(table: table, index: grid, cells: grid.allCells, windows: try span())
        #expect(cube.cellCount == grid.rows * grid.columns)
        #expect(cube.total == 300 && cube.report.outsideIndex == 0)
        let totals = cube.cellTotals()
        #expect(totals.contains(0) && totals.reduce(0, +) == 300)
        // Each row's own cell look-up gives the same totals.
        var direct = [Int](repeating: 0, count: totals.count)
        for i in 0..<table.count {
            let cell = try #require(grid.cell(containing: GeoPoint(latitude: table.latitudes[i], longitude: table.longitudes[i])))
            direct[try #require(cube.ordinal(of: cell))] += 1
        }
        #expect(direct == totals)
    }
}
