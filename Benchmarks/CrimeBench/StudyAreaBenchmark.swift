import CrimeCore
import CrimeGeo
import Dispatch
import Foundation
import CrimeSynthetic

/// Cell counts of the study-area rules on a realistic layout: a year of the synthetic city over
/// Chicago's extent (`SyntheticCityConfig.chicagoExtent`, a 42 km square that holds Lake Michigan and
/// suburbs) with Chicago's 77 community areas (EPSG:3435) as the boundary, at H3 resolutions 8 and 9.
/// Counts the cells of the incidents' bounding box, of the boundary, and around the incidents (each
/// incident's cell plus one ring) — once for all simulated incidents, which the synthetic city spreads
/// over its whole square, lake included, and once for those inside the city limits, as a city's own
/// records would be. Also times `StudyArea.select` with the boundary.
enum StudyAreaBenchmark {
    static func run(shapefile: String) throws -> [String: Double] {
        let boundary = try StudyArea.boundary(contentsOf: URL(fileURLWithPath: shapefile), crs: .illinoisEastFeet)
        let table = try SyntheticCity(config: .chicagoExtent(days: 364, seed: 1)).incidentTable()
        let all = table.latitudes.indices.map(table.location)
        let inside = all.filter { boundary.cell(containing: $0) != nil }
        var results: [String: Double] = ["studyarea_incidents": Double(all.count), "studyarea_incidents_inside": Double(inside.count)]
        for resolution in [8, 9] {
            let h3 = try H3Grid(resolution: resolution)
            let key = "studyarea_h3r\(resolution)"
            let start = DispatchTime.now().uptimeNanoseconds
            let clipped = try StudyArea.select(of: h3, points: all, boundary: boundary)
            results["\(key)_boundary_seconds"] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let around = try StudyArea.select(of: h3, points: all, boundary: nil)
            let aroundInside = try StudyArea.select(of: h3, points: inside, boundary: nil)
            results["\(key)_box_cells"] = Double(clipped.boxCellCount)
            results["\(key)_boundary_cells"] = Double(clipped.cells.count)
            results["\(key)_around_cells"] = Double(around.cells.count)
            results["\(key)_inside_box_cells"] = Double(aroundInside.boxCellCount)
            results["\(key)_inside_around_cells"] = Double(aroundInside.cells.count)
        }
        return results
    }
}
