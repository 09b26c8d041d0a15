import Foundation

/// A vertex in a layer's own planar coordinates (longitude/latitude degrees for geographic layers).
public struct PlanarPoint: Sendable, Hashable {
    /// Easting (or longitude).
    public var x: Double
    /// Northing (or latitude).
    public var y: Double

    /// A vertex from its coordinates.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One polygon: an outer ring and its holes. Rings are stored open (the first vertex is not
/// repeated at the end); readers orient the outer ring counter-clockwise and holes clockwise.
public struct PlanarPolygon: Sendable, Hashable {
    /// The outer ring, counter-clockwise.
    public var exterior: [PlanarPoint]
    /// The holes, clockwise.
    public var holes: [[PlanarPoint]]

    /// A polygon from its rings (orientation is normalised).
    public init(exterior: [PlanarPoint], holes: [[PlanarPoint]] = []) {
        self.exterior = Ring.oriented(exterior, counterClockwise: true)
        self.holes = holes.map { Ring.oriented($0, counterClockwise: false) }
    }

    /// Every ring, outer first.
    public var rings: [[PlanarPoint]] { [exterior] + holes }

    /// The planar area in squared layer units, holes excluded.
    public var planarArea: Double { rings.map(Ring.doubleSignedArea).reduce(0, +) / 2 }
}

/// An attribute value from a `.dbf` record or GeoJSON properties.
public enum AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// Text (dBASE C and D fields, JSON strings).
    case text(String)
    /// A number (dBASE N and F fields, JSON numbers).
    case number(Double)
    /// A logical value (dBASE L fields, JSON booleans).
    case bool(Bool)
    /// A blank field or JSON null.
    case null

    /// The value as a label: text as is, whole numbers below 2⁶³ in magnitude without a decimal point (as
    /// geopandas prints an integer column: `1000000000000000`), other numbers as Swift prints them, null as
    /// empty.
    public var description: String {
        switch self {
        case let .text(s): return s
        case let .number(v):
            if v == v.rounded(), v >= -0x1p63, v < 0x1p63 { return String(Int64(v)) }
            return String(v)
        case let .bool(b): return b ? "true" : "false"
        case .null: return ""
        }
    }
}

/// One area: its polygons (a MultiPolygon has several) and attributes.
public struct AreaFeature: Sendable, Hashable {
    /// The polygons; empty for a null shape.
    public var polygons: [PlanarPolygon]
    /// Attributes by field or property name.
    public var properties: [String: AttributeValue]

    /// A feature from its polygons and attributes.
    public init(polygons: [PlanarPolygon], properties: [String: AttributeValue]) {
        self.polygons = polygons
        self.properties = properties
    }
}

/// Areas read from one file, in the file's coordinates.
public struct AreaLayer: Sendable {
    /// The features in file order; a feature's position is its ordinal (its `CellID`).
    public var features: [AreaFeature]
    /// The coordinate reference system of the vertices, when known.
    public var crs: CoordinateReferenceSystem?
    /// The file the layer came from (for messages).
    public var source: String

    /// A layer from its parts.
    public init(features: [AreaFeature], crs: CoordinateReferenceSystem?, source: String) {
        self.features = features
        self.crs = crs
        self.source = source
    }

    /// Reads a GeoJSON file (`.geojson`, `.json`) or a shapefile (`.shp`).
    ///
    /// GeoJSON uses its legacy `crs` member when it has one, otherwise `crs`, otherwise WGS84; a
    /// shapefile uses its `.prj` when there is one and `crs` otherwise (nil when neither).
    public static func read(_ url: URL, crs: CoordinateReferenceSystem? = nil) throws -> AreaLayer {
        if url.path.lowercased().hasSuffix(".shp") { return try ShapefileReader.read(url, crs: crs) }
        return try GeoJSONReader.read(url, defaultCRS: crs ?? .wgs84)
    }
}
