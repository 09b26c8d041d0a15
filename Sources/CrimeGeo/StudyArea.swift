import CrimeCore
import Foundation

/// Which cells of an index a study lays out: the city, not its bounding box.
///
/// A bounding box over a lakeside city holds hundreds of cells over water or beyond the city limits that
/// record nothing, which dilutes every per-cell score and the area shares of PAI. Two rules keep the cells
/// where the city is:
/// - with a boundary (the city limits as polygons): the cells of the boundary's box whose centre lies
///   inside a boundary polygon — H3's own containment rule for `polygonToCells`;
/// - without one: the cells that hold at least one incident, with every cell up to `rings` steps of
///   neighbours around them (default 1), so that a forecast can still spread into quiet cells next to
///   busy ones but not into open water or empty land far from any incident.
public enum StudyArea {
    /// A boundary read from a GeoJSON file or shapefile (any CRS the polygon reader knows; `crs` when the
    /// file does not say), its polygons labelled by their order: no label property is needed.
    public static func boundary(contentsOf url: URL, crs: CoordinateReferenceSystem? = nil) throws -> PolygonIndex {
        let layer = try AreaLayer.read(url, crs: crs)
        let parts = layer.features.enumerated().map { k, f in AreaFeature(polygons: f.polygons, properties: ["part": .text("\(k)")]) }
        return try PolygonIndex(layer: AreaLayer(features: parts, crs: layer.crs, source: layer.source), labelProperty: "part")
    }

    /// The cells of `index` whose centre lies inside `boundary`, in the index's order over the boundary's
    /// extent. Throws ``GeometryReadError/empty(file:)`` for a boundary without polygons.
    public static func cells(of index: some SpatialIndex, inside boundary: PolygonIndex) throws -> [CellID] {
        let corners = boundary.boxes.compactMap { $0 }.flatMap { box in
            [GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude), GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude)]
        }
        guard let extent = BoundingBox(enclosing: corners) else { throw GeometryReadError.empty(file: "the boundary") }
        return try index.cells(covering: extent).filter { boundary.cell(containing: try index.center(of: $0)) != nil }
    }

    /// The cells of `index` holding at least one of `points`, and their neighbours up to `rings` steps,
    /// sorted by cell id. Points outside the index are skipped.
    public static func cells(of index: some SpatialIndex, around points: [GeoPoint], rings: Int = 1) throws -> [CellID] {
        var kept = Set<CellID>()
        for p in points where p.latitude.isFinite && p.longitude.isFinite {
            if let cell = index.cell(containing: p) { kept.insert(cell) }
        }
        var frontier = kept
        for _ in 0..<max(0, rings) {
            var next = Set<CellID>()
            for cell in frontier {
                for n in try index.neighbors(of: cell) where !kept.contains(n) { next.insert(n) }
            }
            kept.formUnion(next)
            frontier = next
        }
        return kept.sorted { $0.rawValue < $1.rawValue }
    }

    /// The study area of `points` (the incidents): the cells inside `boundary` when there is one, else
    /// the cells holding a point and their neighbours up to `rings` steps — never the bare bounding box,
    /// whose cell count the selection keeps for comparison (0 when no point is located).
    ///
    /// The box is enumerated, so a caller should first check that the points' extent is not absurdly
    /// large (one stray point on another continent).
    public static func select(of index: some SpatialIndex, points: [GeoPoint], boundary: PolygonIndex?,
                              rings: Int = 1) throws -> StudyAreaSelection {
        let located = points.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        let boxCells = try BoundingBox(enclosing: located).map { try index.cells(covering: $0).count } ?? 0
        if let boundary {
            return StudyAreaSelection(cells: try cells(of: index, inside: boundary), rule: .boundary, boxCellCount: boxCells)
        }
        return StudyAreaSelection(cells: try cells(of: index, around: located, rings: rings),
                                  rule: .aroundIncidents(rings: max(0, rings)), boxCellCount: boxCells)
    }
}
