import CrimeCore
@testable import CrimeSynthetic

/// A spatial index whose cells are blocks of `block × block` cells of a synthetic city's raster (row 0
/// south), so that oracle forecasts can be set beside the raster truth cell by cell.
struct OracleRasterIndex: SpatialIndex {
    let city: SyntheticCity
    let block: Int

    var blocksPerSide: Int { city.config.rasterSize / block }

    var allCells: [CellID] {
        (0..<blocksPerSide).flatMap { row in (0..<blocksPerSide).map { CellID(row: row, column: $0) } }
    }

    func box(_ cell: CellID) -> BoundingBox {
        let sw = city.rasterCell(row: cell.row * block, column: cell.column * block)
        let ne = city.rasterCell(row: cell.row * block + block - 1, column: cell.column * block + block - 1)
        return BoundingBox(minLatitude: sw.minLatitude, minLongitude: sw.minLongitude, maxLatitude: ne.maxLatitude,
                           maxLongitude: ne.maxLongitude)
    }

    func cell(containing point: GeoPoint) -> CellID? {
        guard city.bounds.contains(point) else { return nil }
        let (row, column) = city.rasterPosition(latitude: point.latitude, longitude: point.longitude)
        return CellID(row: row / block, column: column / block)
    }

    func boundary(of cell: CellID) throws -> [GeoPoint] {
        let b = box(cell)
        return [GeoPoint(latitude: b.minLatitude, longitude: b.minLongitude), GeoPoint(latitude: b.minLatitude, longitude: b.maxLongitude),
                GeoPoint(latitude: b.maxLatitude, longitude: b.maxLongitude), GeoPoint(latitude: b.maxLatitude, longitude: b.minLongitude)]
    }

    func center(of cell: CellID) throws -> GeoPoint {
        let b = box(cell)
        return GeoPoint(latitude: (b.minLatitude + b.maxLatitude) / 2, longitude: (b.minLongitude + b.maxLongitude) / 2)
    }

    func label(of cell: CellID) -> String { "b\(cell.row)_\(cell.column)" }

    func cells(covering box: BoundingBox) throws -> [CellID] { allCells }

    func neighbors(of cell: CellID) throws -> [CellID] {
        var out: [CellID] = []
        for dr in -1...1 {
            for dc in -1...1 where dr != 0 || dc != 0 {
                let r = cell.row + dr, c = cell.column + dc
                if (0..<blocksPerSide).contains(r), (0..<blocksPerSide).contains(c) { out.append(CellID(row: r, column: c)) }
            }
        }
        return out.sorted()
    }
}
