import CrimeCore

/// H3 cells at one resolution as a `SpatialIndex`: `CellID`s are the 64-bit H3 indexes themselves and
/// labels their hexadecimal strings, so an H3 grid can feed the space-time cube.
public struct H3Grid: SpatialIndex {
    /// The resolution of every cell, 0...15.
    public let resolution: Int

    /// A grid at `resolution`; throws for a resolution outside 0...15.
    public init(resolution: Int) throws {
        try H3.check(resolution: resolution)
        self.resolution = resolution
    }

    /// The cell holding the point, or nil for a latitude outside [-90, 90] or a coordinate that is not finite;
    /// any finite longitude wraps as in H3.
    public func cell(containing point: GeoPoint) -> CellID? {
        (try? H3.latLngToCell(point, resolution: resolution))?.cellID
    }

    /// The cell's boundary, counter-clockwise, not closed.
    public func boundary(of cell: CellID) throws -> [GeoPoint] { try H3.cellToBoundary(H3Index(cell)) }

    /// The cell's centre.
    public func center(of cell: CellID) throws -> GeoPoint { try H3.cellToLatLng(H3Index(cell)) }

    /// The lowercase hexadecimal index, as h3-py prints it.
    public func label(of cell: CellID) -> String { H3Index(cell).description }

    /// The cells whose centres lie in the box, in ascending index order (H3's polygonToCells of the box).
    public func cells(covering box: BoundingBox) throws -> [CellID] {
        let ring = [GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude),
                    GeoPoint(latitude: box.minLatitude, longitude: box.maxLongitude),
                    GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude),
                    GeoPoint(latitude: box.maxLatitude, longitude: box.minLongitude)]
        return try H3.polygonToCells(outer: ring, resolution: resolution).map(\.cellID)
    }

    /// The six (five for a pentagon) cells sharing an edge with the cell, sorted.
    public func neighbors(of cell: CellID) throws -> [CellID] {
        let h = H3Index(cell)
        return try H3.gridDisk(h, 1).filter { $0 != h }.map(\.cellID)
    }
}
