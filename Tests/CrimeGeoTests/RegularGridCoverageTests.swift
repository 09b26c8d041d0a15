import Foundation
import Testing
import CrimeCore
import CrimeGeo

/// In the grid's transverse Mercator plane a latitude/longitude box is no rectangle: parallels bow
/// toward the pole and meridians converge. The grid must still give every point of the box a cell.
@Suite struct RegularGridCoverageTests {
    static let boxes: [(name: String, box: BoundingBox)] = [
        ("Chicago, 30 km", BoundingBox(minLatitude: 41.74, minLongitude: -87.90, maxLatitude: 42.01, maxLongitude: -87.54)),
        ("long thin east-west", BoundingBox(minLatitude: 41.80, minLongitude: -89.50, maxLatitude: 41.82, maxLongitude: -86.00)),
        ("Sydney, southern hemisphere", BoundingBox(minLatitude: -34.05, minLongitude: 150.95, maxLatitude: -33.75, maxLongitude: 151.30)),
        ("Quito, across the equator", BoundingBox(minLatitude: -0.35, minLongitude: -78.60, maxLatitude: 0.05, maxLongitude: -78.35)),
        ("Tromsø, near 70° N", BoundingBox(minLatitude: 69.50, minLongitude: 18.70, maxLatitude: 69.80, maxLongitude: 19.30)),
    ]

    /// `steps + 1` values from `low` to `high`, both ends exact.
    static func ticks(_ low: Double, _ high: Double, steps: Int) -> [Double] {
        (0...steps).map { $0 == steps ? high : low + (high - low) * Double($0) / Double(steps) }
    }

    /// A lattice over the box, its edges and corners included exactly, plus the points of the
    /// southern and northern edges on the central meridian and of the eastern and western edges on
    /// the equator (where the plane's extremes can lie).
    static func lattice(_ box: BoundingBox, steps: Int) -> [GeoPoint] {
        let latitudes = ticks(box.minLatitude, box.maxLatitude, steps: steps)
            + (box.minLatitude < 0 && box.maxLatitude > 0 ? [0] : [])
        let longitudes = ticks(box.minLongitude, box.maxLongitude, steps: steps)
            + [(box.minLongitude + box.maxLongitude) / 2]
        return latitudes.flatMap { lat in longitudes.map { GeoPoint(latitude: lat, longitude: $0) } }
    }

    @Test(arguments: [500.0, RegularGrid.side(forAreaSquareKilometres: 0.2), 37])
    func everyPointOfTheBoxHasACell(side: Double) throws {
        for (name, box) in Self.boxes {
            let grid = try RegularGrid(covering: box, side: side)
            let missing = Self.lattice(box, steps: 400).filter { grid.cell(containing: $0) == nil }
            #expect(missing.count == 0, "\(name), side \(side): \(missing.count) points without a cell, e.g. \(missing.prefix(3))")
        }
    }

    @Test func theGridIsAtMostOneCellLargerThanTheBoxInEachDirection() throws {
        let side = 500.0
        for (name, box) in Self.boxes {
            let grid = try RegularGrid(covering: box, side: side)
            // The box's extent in the grid's plane, from its edges sampled every few metres.
            let edge = Self.ticks(0, 1, steps: 20_000)
            let boundary = edge.flatMap { t -> [GeoPoint] in
                let lat = box.minLatitude + (box.maxLatitude - box.minLatitude) * t
                let lon = box.minLongitude + (box.maxLongitude - box.minLongitude) * t
                return [GeoPoint(latitude: box.minLatitude, longitude: lon), GeoPoint(latitude: box.maxLatitude, longitude: lon),
                        GeoPoint(latitude: lat, longitude: box.minLongitude), GeoPoint(latitude: lat, longitude: box.maxLongitude)]
            }
            let xy = boundary.map { grid.projection.project($0) }
            let width = xy.map(\.x).max()! - xy.map(\.x).min()!
            let height = xy.map(\.y).max()! - xy.map(\.y).min()!
            #expect(Double(grid.columns) * side >= width, "\(name)")
            #expect(Double(grid.rows) * side >= height, "\(name)")
            #expect(grid.columns <= Int((width / side).rounded(.up)) + 1, "\(name): \(grid.columns) columns for \(width) m")
            #expect(grid.rows <= Int((height / side).rounded(.up)) + 1, "\(name): \(grid.rows) rows for \(height) m")
        }
    }

    @Test func cellsCoveringABoxHoldEveryCellOfItsPoints() throws {
        for (name, box) in Self.boxes {
            let grid = try RegularGrid(covering: box, side: 500)
            // The middle of the box, a quarter in from each edge.
            let dLat = (box.maxLatitude - box.minLatitude) / 4, dLon = (box.maxLongitude - box.minLongitude) / 4
            let inner = BoundingBox(minLatitude: box.minLatitude + dLat, minLongitude: box.minLongitude + dLon,
                                    maxLatitude: box.maxLatitude - dLat, maxLongitude: box.maxLongitude - dLon)
            for covering in [box, inner] {
                let cells = Set(try grid.cells(covering: covering))
                let missing = Self.lattice(covering, steps: 200).filter { p in grid.cell(containing: p).map { !cells.contains($0) } ?? true }
                #expect(missing.count == 0, "\(name): points of \(covering) outside cells(covering:)")
            }
        }
        let grid = try RegularGrid(covering: Self.boxes[0].box, side: 500)
        #expect(try grid.cells(covering: BoundingBox(minLatitude: 10, minLongitude: 10, maxLatitude: 11, maxLongitude: 11)).isEmpty)
        #expect(try grid.cells(covering: BoundingBox(minLatitude: .nan, minLongitude: -87.7, maxLatitude: 41.9, maxLongitude: .nan)).isEmpty)
    }
}
