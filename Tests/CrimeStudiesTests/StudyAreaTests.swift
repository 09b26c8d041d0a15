import CrimeCore
import CrimeGeo
import CrimeTestSupport
import Foundation
import Testing

/// The study area is the city, not its box: Chicago's 77 community areas (shipped with the Chicago
/// example, EPSG:3435) and a synthetic city over Chicago's extent, Lake Michigan inside its box.
@Suite struct StudyAreaTests {
    static let chicago77 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/ChicagoCNNLSTM/data/Chicago77.shp")

    @Test func clippingKeepsTheCity() throws {
        let boundary = try StudyArea.boundary(contentsOf: Self.chicago77, crs: try CoordinateReferenceSystem(epsg: 3435))
        let h3 = try H3Grid(resolution: 8)
        let corners = boundary.boxes.compactMap { $0 }.flatMap { [GeoPoint(latitude: $0.minLatitude, longitude: $0.minLongitude),
                                                                  GeoPoint(latitude: $0.maxLatitude, longitude: $0.maxLongitude)] }
        let box = try #require(BoundingBox(enclosing: corners))
        let boxCells = try h3.cells(covering: box)
        let inside = try StudyArea.cells(of: h3, inside: boundary)
        // Every kept cell's centre lies in a community area, and the box holds many that do not (the lake,
        // the suburbs west and south of the city).
        #expect(try inside.allSatisfy { boundary.cell(containing: try h3.center(of: $0)) != nil })
        #expect(inside.count < boxCells.count * 3 / 4, "\(inside.count) of \(boxCells.count)")
        #expect(Set(inside).isSubset(of: Set(boxCells)))
        // A point in the Loop and one in the lake.
        let loop = try #require(h3.cell(containing: GeoPoint(latitude: 41.8827, longitude: -87.6233)))
        let lake = try #require(h3.cell(containing: GeoPoint(latitude: 41.90, longitude: -87.45)))
        #expect(inside.contains(loop) && !inside.contains(lake))
    }

    /// Chicago's community areas as the boundary keep exactly the cells h3-py's `polygon_to_cells` gives
    /// for them (Tests/Fixtures/studyarea/make_study_area_fixture.py): 810 at resolution 8, 5,633 at 9.
    @Test func chicagoCellsMatchH3Py() throws {
        struct Reference: Decodable {
            let resolution8: [String]
            let count9: Int
        }
        let reference = try Fixtures.json(Reference.self, "studyarea", "chicago77_cells.json")
        let boundary = try StudyArea.boundary(contentsOf: Self.chicago77, crs: try CoordinateReferenceSystem(epsg: 3435))
        let expected = Set(try reference.resolution8.map { try H3Index($0).cellID })
        #expect(Set(try StudyArea.cells(of: H3Grid(resolution: 8), inside: boundary)) == expected)
        #expect(try StudyArea.cells(of: H3Grid(resolution: 9), inside: boundary).count == reference.count9)
    }

    /// Around incidents: each incident's cell and its ring of neighbours, nothing else.
    @Test func cellsAroundIncidents() throws {
        let h3 = try H3Grid(resolution: 8)
        let p = GeoPoint(latitude: 41.8827, longitude: -87.6233)
        let cell = try #require(h3.cell(containing: p))
        let around = try StudyArea.cells(of: h3, around: [p, p], rings: 1)
        #expect(around.count == 7)
        #expect(Set(around) == Set([cell] + (try h3.neighbors(of: cell))))
        #expect(try StudyArea.cells(of: h3, around: [p], rings: 0) == [cell])
        #expect(try StudyArea.cells(of: h3, around: [GeoPoint(latitude: .nan, longitude: 0)]).isEmpty)
    }
}
