/// Maps a point to a cell and a cell back to geometry.
///
/// H3 hexagons, regular metre grids and polygon areas are the three families; they differ in how
/// ``cell(containing:)`` works and nowhere else. Conforming types are values that can be shared
/// across threads.
public protocol SpatialIndex: Sendable {
    /// The cell holding the point, or nil when the point lies outside the index's coverage.
    func cell(containing point: GeoPoint) -> CellID?
    /// The cell's outer ring in latitude/longitude, counter-clockwise, not closed.
    func boundary(of cell: CellID) throws -> [GeoPoint]
    /// A representative centre of the cell.
    func center(of cell: CellID) throws -> GeoPoint
    /// A human label: `882a100d25fffff`, `r07c12`, `ROGERS PARK`.
    func label(of cell: CellID) -> String
    /// Every cell of the index that meets the box, in a stable order (the cube keeps empty cells too).
    func cells(covering box: BoundingBox) throws -> [CellID]
    /// The cells that touch the cell (edge or vertex), sorted, without the cell itself.
    func neighbors(of cell: CellID) throws -> [CellID]
}
