import CrimeCore
import CrimeGeo
import Foundation
import Testing
import CrimeTestSupport
import CrimeStudies

/// The hot-spot pipeline studies the city, not its box: a hand-made square boundary and a two-week study
/// whose expected H3 cells come from h3-py (Tests/Fixtures/studyarea/make_study_area_fixture.py).
@Suite struct HotspotStudyAreaTests {
    struct Fixture: Decodable {
        let resolution: Int
        let start: String
        let zone: String
        let incidents: [[Double]]
        let boundary_cells: [String]
        let around_cells: [String]
        let box_cells: Int
        let far_test_cell: String
    }

    let fixture: Fixture
    let table: IncidentTable
    let pipeline: HotspotPipeline

    init() throws {
        fixture = try Fixtures.json(Fixture.self, "studyarea", "study_area.json")
        let zone = try ZoneClock(identifier: fixture.zone)
        let start = try LocalDay(fixture.start)
        table = IncidentTable(zone: zone, incidents: fixture.incidents.enumerated().map { k, row in
            Incident(id: "\(k)", time: start.adding(days: Int(row[0])).start(in: zone) + Int64(row[1]) * 3_600,
                     location: GeoPoint(latitude: row[2], longitude: row[3]), category: .theft, offense: "THEFT")
        })
        var pipeline = HotspotPipeline()
        (pipeline.weeks, pipeline.trees, pipeline.start) = (1, 3, start)
        self.pipeline = pipeline
    }

    static func cells(_ labels: [String]) throws -> Set<CellID> {
        Set(try labels.map { try H3Index($0).cellID })
    }

    /// With the square as boundary the pipeline keeps exactly h3-py's `polygon_to_cells` of it (centre
    /// containment), though a fifth of the incidents lie east of it; each of the 28 buckets flags
    /// ⌈5 % × 121⌉ = 7 cells, since the 121 cells' areas differ by under 0.15 % (h3-py `cell_area`).
    @Test func boundaryKeepsTheCellsWhoseCentreLiesInside() throws {
        var pipeline = pipeline
        pipeline.boundary = try StudyArea.boundary(contentsOf: Fixtures.url("studyarea", "square.geojson"))
        let result = try pipeline.run(table).result
        #expect(Set(result.data.cells) == (try Self.cells(fixture.boundary_cells)))
        #expect(result.data.cells.count == 121)
        let area = try #require(result.studyArea)
        #expect(area.rule == .boundary && area.boxCellCount == fixture.box_cells)
        for score in result.scores {
            let hotspot = try #require(score.hotspot)
            #expect(hotspot.cellsFlagged == 28 * 7, "\(score.model)")
            #expect(abs(hotspot.areaFraction - 7.0 / 121) < 0.001, "\(score.model)")
        }
    }

    /// Without a boundary: the cells holding a training-week incident and their ring of neighbours, as
    /// h3-py's `grid_disk(cell, 1)` gives them — never a cell further out, and not the cell of the
    /// test-week incidents far from every training incident. Each bucket flags ⌈5 % × 115⌉ = 6 cells.
    @Test func withoutBoundaryTheTrainingIncidentsAndOneRing() throws {
        let output = try pipeline.run(table)
        let result = output.result
        #expect(Set(result.data.cells) == (try Self.cells(fixture.around_cells)))
        #expect(!result.data.cells.contains(try H3Index(fixture.far_test_cell).cellID))
        let training = Set(fixture.incidents.filter { $0[0] < 7 }.compactMap {
            output.index.cell(containing: GeoPoint(latitude: $0[2], longitude: $0[3]))
        })
        #expect(try result.data.cells.allSatisfy { cell in
            try training.contains(cell) || !training.isDisjoint(with: output.index.neighbors(of: cell))
        })
        let area = try #require(result.studyArea)
        #expect(area.rule == .aroundIncidents(rings: 1) && area.boxCellCount == fixture.box_cells)
        let hotspot = try #require(result.scores[0].hotspot)
        #expect(hotspot.cellsFlagged == 28 * 6 && abs(hotspot.areaFraction - 6.0 / 115) < 0.001)
    }

    /// The report says how many cells were kept, by which rule, and what the box would have held.
    @Test func reportStatesTheStudyArea() throws {
        let result = try pipeline.run(table).result
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-area-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try HotspotReport.write(result, index: try H3Grid(resolution: 8), options: .study(patrolCells: 3),
                                              title: "Square", to: folder)
        #expect(summary.studyArea == HotspotSummary.Area(rule: "around incidents (1 ring)", cells: 115, boxCells: fixture.box_cells))
        let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("the 115 cells holding an incident of the training period"))
        #expect(html.contains("against \(fixture.box_cells) cells in the training incidents"))
    }

    /// A training incident on another continent stretches the box past what the pipeline lays out: a
    /// typed error before any cell is enumerated.
    @Test func strayIncidentStopsWithATypedError() throws {
        var table = table
        try table.append(contentsOf: IncidentTable(zone: table.zone, incidents: [
            Incident(id: "stray", time: table.times[0], location: GeoPoint(latitude: 48.85, longitude: 2.35),
                     category: .theft, offense: "THEFT"),
        ]))
        #expect {
            try pipeline.run(table)
        } throws: { error in
            guard case let HotspotError.extentTooLarge(cells, limit, resolution)? = error as? HotspotError else { return false }
            return cells > limit && limit == HotspotPipeline.maximumBoxCells && resolution == 8
        }
    }
}
