import CrimeCore
import Foundation

/// Polygon areas (community areas, police districts, boroughs) as a `SpatialIndex`.
///
/// A cell is a feature's ordinal in its file (`CellID(0)` is the first feature) and its label is the
/// chosen property's value. Look-ups work in the file's own coordinates: a latitude/longitude is
/// projected into the layer's CRS (for the Chicago shapefile, EPSG:3435 feet) and tested against the
/// polygons as stored, so results agree with a GIS working in that CRS (shapely on the same file).
///
/// The test is even-odd over all of an area's rings (holes excluded), through horizontal bands of
/// edges. **Edge rule:** a point on an edge shared by two areas belongs to the area to its east, or,
/// on a horizontal edge, to the area to its north; the test is exact, so the same point always gets
/// the same single answer. Where areas overlap, the lowest ordinal wins.
public struct PolygonIndex: SpatialIndex {
    /// The areas, in file order, in the layer's coordinates.
    public let features: [AreaFeature]
    /// Each area's label, by ordinal.
    public let labels: [String]
    /// The coordinate reference system of the stored polygons.
    public let crs: CoordinateReferenceSystem
    /// Each area's latitude/longitude bounding box (nil for an area without polygons).
    public let boxes: [BoundingBox?]
    let bands: EdgeBands
    /// Queen (shared vertex) and rook (shared edge) neighbours, built when first asked for.
    let lazyContiguity: LazyContiguity

    /// An index over a layer, labelling each area with the property `labelProperty`.
    ///
    /// - Throws: ``GeometryReadError/missingCRS(file:)`` when the layer's CRS is unknown,
    ///   ``GeometryReadError/missingLabel(file:feature:property:)`` or
    ///   ``GeometryReadError/nullLabel(file:feature:property:)`` when an area lacks the property or it is null,
    ///   ``GeometryReadError/noGeometry(file:features:)`` when no area has a polygon, and
    ///   ``GeometryReadError/impossibleCoordinates(file:crs:feature:x:y:geographic:)`` when a vertex lies
    ///   outside longitude ±180, latitude ±90 in the layer's CRS (a file in feet read as EPSG:4326).
    public init(layer: AreaLayer, labelProperty: String) throws {
        guard let crs = layer.crs else { throw GeometryReadError.missingCRS(file: layer.source) }
        guard !layer.features.isEmpty else { throw GeometryReadError.empty(file: layer.source) }
        var labels: [String] = []
        for (k, f) in layer.features.enumerated() {
            guard let value = f.properties[labelProperty] else {
                throw GeometryReadError.missingLabel(file: layer.source, feature: k, property: labelProperty)
            }
            if value == .null { throw GeometryReadError.nullLabel(file: layer.source, feature: k, property: labelProperty) }
            labels.append(value.description)
        }
        guard layer.features.contains(where: { !$0.polygons.isEmpty }) else {
            throw GeometryReadError.noGeometry(file: layer.source, features: layer.features.count)
        }
        try Self.checkOnEarth(layer, crs)
        self.crs = crs
        self.features = layer.features
        self.labels = labels
        boxes = layer.features.map { f in
            BoundingBox(enclosing: f.polygons.lazy.flatMap(\.exterior).map { crs.unproject(x: $0.x, y: $0.y) })
        }
        bands = EdgeBands(features: layer.features)
        lazyContiguity = LazyContiguity(features: layer.features)
    }

    /// Throws for the first vertex that converts to no valid latitude and longitude.
    private static func checkOnEarth(_ layer: AreaLayer, _ crs: CoordinateReferenceSystem) throws {
        for (k, f) in layer.features.enumerated() {
            for ring in f.polygons.flatMap(\.rings) {
                for p in ring {
                    let g = crs.unproject(x: p.x, y: p.y)
                    if !(abs(g.latitude) <= 90 && abs(g.longitude) <= 180) {
                        throw GeometryReadError.impossibleCoordinates(file: layer.source, crs: crs.description, feature: k,
                                                                      x: p.x, y: p.y, geographic: crs.isGeographic)
                    }
                }
            }
        }
    }

    /// Reads a GeoJSON file or shapefile and indexes it (see ``AreaLayer/read(_:crs:)`` for the CRS rule).
    public init(contentsOf url: URL, labelProperty: String, crs: CoordinateReferenceSystem? = nil) throws {
        try self.init(layer: try AreaLayer.read(url, crs: crs), labelProperty: labelProperty)
    }

    /// Number of areas.
    public var count: Int { features.count }

    /// Every area's cell, in ordinal order.
    public var allCells: [CellID] { (0..<features.count).map { CellID(UInt64($0)) } }

    /// Bytes held by the look-up tables (edge bands: a copy of the rings' vertices and each edge's
    /// entries in the bands it crosses), the index's working memory for look-ups beyond its features.
    /// The contiguity tables, built on first use, are not counted.
    public var lookupByteCount: Int { bands.byteCount }

    /// The area holding a point given in the layer's own coordinates, by ordinal, or nil.
    public func ordinal(x: Double, y: Double) -> Int? {
        let k = bands.locate(x: x, y: y)
        return k < 0 ? nil : k
    }

    /// The area holding the point, or nil (also for an invalid point).
    public func cell(containing point: GeoPoint) -> CellID? {
        guard point.isValid else { return nil }
        let projected = crs.project(point)
        let k = bands.locate(x: projected.x, y: projected.y)
        return k < 0 ? nil : CellID(UInt64(k))
    }

    /// The ordinal of the area holding each point (-1 where none does or the point is invalid),
    /// computed across cores; the result does not depend on the number of threads.
    public func ordinals(latitudes: [Double], longitudes: [Double]) -> [Int32] {
        let n = min(latitudes.count, longitudes.count)
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, n / 4096))
        let out = DisjointWrites(count: n)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            latitudes.withUnsafeBufferPointer { lat in
                longitudes.withUnsafeBufferPointer { lng in
                    for i in (part * n / parts)..<((part + 1) * n / parts) {
                        let p = GeoPoint(latitude: lat[i], longitude: lng[i])
                        guard p.isValid else { continue }
                        let projected = crs.project(p)
                        out.store(Int32(bands.locate(x: projected.x, y: projected.y)), at: i)
                    }
                }
            }
        }
        return out.values()
    }

    /// The area's ordinal, or a typed error for a cell that is not one of this index's.
    func ordinal(of cell: CellID) throws -> Int {
        guard cell.rawValue < UInt64(features.count) else { throw PolygonIndexError.unknownCell(cell, count: features.count) }
        return Int(cell.rawValue)
    }

    /// The outer ring of the area's largest polygon in latitude/longitude, counter-clockwise, not closed.
    public func boundary(of cell: CellID) throws -> [GeoPoint] {
        let f = features[try ordinal(of: cell)]
        guard let largest = f.polygons.max(by: { Ring.doubleSignedArea($0.exterior) < Ring.doubleSignedArea($1.exterior) }) else {
            return []
        }
        return largest.exterior.map { crs.unproject(x: $0.x, y: $0.y) }
    }

    /// The area's label (the label property's value), or the empty string for an unknown cell.
    public func label(of cell: CellID) -> String {
        cell.rawValue < UInt64(labels.count) ? labels[Int(cell.rawValue)] : ""
    }

    /// The areas whose bounding boxes meet the box, in ordinal order.
    public func cells(covering box: BoundingBox) throws -> [CellID] {
        boxes.indices.compactMap { k in
            guard let b = boxes[k], b.minLatitude <= box.maxLatitude, b.maxLatitude >= box.minLatitude,
                  b.minLongitude <= box.maxLongitude, b.maxLongitude >= box.minLongitude else { return nil }
            return CellID(UInt64(k))
        }
    }
}

/// Errors of polygon-index look-ups.
public enum PolygonIndexError: Error, Equatable, CustomStringConvertible {
    /// A cell that is not an ordinal of the index.
    case unknownCell(CellID, count: Int)
    /// An area without polygons (a null shape), which has no centre.
    case emptyArea(CellID)

    public var description: String {
        switch self {
        case let .unknownCell(c, n): return "cell \(c.rawValue) is not an area of this index (it has \(n) areas)"
        case let .emptyArea(c): return "area \(c.rawValue) has no polygons"
        }
    }
}

extension PolygonIndexError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}

/// An output array that parallel parts fill at disjoint positions.
private final class DisjointWrites: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Int32>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: -1, count: count)
    }

    func store(_ value: Int32, at i: Int) { base[i] = value }

    func values() -> [Int32] { Array(UnsafeBufferPointer(start: base, count: count)) }

    deinit { base.deallocate() }
}
