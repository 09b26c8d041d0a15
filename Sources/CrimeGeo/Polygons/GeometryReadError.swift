import Foundation

/// Errors reading polygon areas from GeoJSON, shapefiles and `.prj` files; each names the file and,
/// where there is one, the record (0-based feature or shape number) at fault.
public enum GeometryReadError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(file: String)
    /// The file ends inside its header or inside a record.
    case truncated(file: String, record: Int?, detail: String)
    /// A shapefile or dBASE header that is not what the format requires.
    case badHeader(file: String, detail: String)
    /// A shape type that is not a polygon (5, 15, 25) or null (0).
    case unsupportedShapeType(file: String, record: Int, type: Int)
    /// The `.dbf` holds a different number of records than the `.shp`.
    case recordCountMismatch(file: String, dbfRecords: Int, shapes: Int)
    /// A GeoJSON ring whose last position is not its first.
    case ringNotClosed(file: String, feature: Int, ring: Int)
    /// A ring with fewer than three distinct vertices.
    case degenerateRing(file: String, feature: Int, ring: Int)
    /// A shapefile vertex whose x or y is NaN or infinite.
    case nonFiniteVertex(file: String, record: Int, ring: Int)
    /// A GeoJSON FeatureCollection without features (or a shapefile without records).
    case empty(file: String)
    /// JSON that is not the GeoJSON expected (wrong type, missing coordinates, non-numeric positions).
    case badGeoJSON(file: String, feature: Int?, detail: String)
    /// A coordinate reference system that is not recognised.
    case unknownCRS(file: String, detail: String)
    /// A shapefile with no `.prj` and no CRS given.
    case missingCRS(file: String)
    /// A feature that lacks the property chosen for labels.
    case missingLabel(file: String, feature: Int, property: String)
    /// A feature whose label property is null (0-based feature number).
    case nullLabel(file: String, feature: Int, property: String)
    /// No feature of the layer has a polygon (every geometry is null or empty).
    case noGeometry(file: String, features: Int)
    /// A vertex that is no place on Earth in the layer's CRS: outside longitude ±180, latitude ±90 once
    /// converted to WGS84 (`crs` is the system's description).
    case impossibleCoordinates(file: String, crs: String, feature: Int, x: Double, y: Double, geographic: Bool)

    public var description: String {
        switch self {
        case let .cannotRead(f): return "\(f): cannot read the file"
        case let .truncated(f, r, d): return "\(f): truncated\(r.map { " in record \($0)" } ?? ""): \(d)"
        case let .badHeader(f, d): return "\(f): bad header: \(d)"
        case let .unsupportedShapeType(f, r, t):
            return "\(f): record \(r) has shape type \(t); only polygons (5, 15, 25) and null shapes are read"
        case let .recordCountMismatch(f, d, s):
            return "\(f): the .dbf has \(d) records but the .shp has \(s) shapes"
        case let .ringNotClosed(f, feat, ring):
            return "\(f): feature \(feat), ring \(ring) is not closed (its last position differs from its first)"
        case let .degenerateRing(f, feat, ring): return "\(f): feature \(feat), ring \(ring) has fewer than 3 vertices"
        case let .nonFiniteVertex(f, r, ring): return "\(f): record \(r), ring \(ring) has a vertex that is NaN or infinite"
        case let .empty(f): return "\(f): no features"
        case let .badGeoJSON(f, feat, d): return "\(f)\(feat.map { ": feature \($0)" } ?? ""): \(d)"
        case let .unknownCRS(f, d): return "\(f): unknown coordinate reference system: \(d)"
        case let .missingCRS(f):
            return "\(f): the shapefile has no .prj; give the layer's CRS (e.g. EPSG:3435) as the crs parameter"
        case let .missingLabel(f, feat, p): return "\(f): feature \(feat) has no property '\(p)'"
        case let .nullLabel(f, feat, p): return "\(f): feature \(feat) has a null '\(p)', so it has no label"
        case let .noGeometry(f, n): return "\(f): none of the \(n) features has a polygon (every geometry is null or empty)"
        case let .impossibleCoordinates(f, crs, feat, x, y, geographic):
            let hint = geographic
                ? "the coordinates look projected (metres or feet), so give the layer's projected CRS, e.g. EPSG:3435 "
                    + "(NAD83 / Illinois East, US feet) or a UTM zone (EPSG:326xx)"
                : "check that \(crs) is the layer's CRS"
            return "\(f): feature \(feat) has the vertex (\(x), \(y)), which is no place on Earth in \(crs); \(hint)"
        }
    }
}

extension GeometryReadError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
