import CrimeCore

/// A GeoJSON FeatureCollection of polygons with properties, as QGIS, kepler.gl and geopandas read it.
///
/// Coordinates are written `[longitude, latitude]` (RFC 7946), outer rings counter-clockwise and
/// closed; numbers keep full precision.
public struct GeoJSONFeatures: Sendable {
    /// One polygon feature: its rings (the first is the outer ring, any others are holes) and
    /// its properties in the order they should appear.
    public struct Feature: Sendable {
        /// Outer ring first, then holes; each ring unclosed (the writer closes it).
        public var rings: [[GeoPoint]]
        /// Properties in display order.
        public var properties: [(String, JSONValue)]

        /// Creates a feature.
        public init(rings: [[GeoPoint]], properties: [(String, JSONValue)]) {
            self.rings = rings
            self.properties = properties
        }
    }

    /// The features in order.
    public var features: [Feature]

    /// Creates a collection.
    public init(features: [Feature] = []) { self.features = features }

    /// One feature per cell of a spatial index, with its label as property `cell` followed by
    /// the properties `properties(i)` returns for the i-th cell.
    public init(index: some SpatialIndex, cells: [CellID],
                properties: (Int) -> [(String, JSONValue)]) throws {
        features = try cells.enumerated().map { i, cell in
            Feature(rings: [try index.boundary(of: cell)],
                    properties: [("cell", .string(index.label(of: cell)))] + properties(i))
        }
    }

    /// The collection as GeoJSON text.
    public func serialized() -> String {
        let items: [JSONValue] = features.map { feature in
            let rings: [JSONValue] = feature.rings.map { ring in
                var coordinates = ring.map { JSONValue.array([.number($0.longitude), .number($0.latitude)]) }
                if let first = ring.first, ring.last != first {
                    coordinates.append(.array([.number(first.longitude), .number(first.latitude)]))
                }
                return .array(coordinates)
            }
            return .object([
                ("type", .string("Feature")),
                ("properties", .object(feature.properties)),
                ("geometry", .object([("type", .string("Polygon")), ("coordinates", .array(rings))])),
            ])
        }
        return JSONValue.object([("type", .string("FeatureCollection")), ("features", .array(items))]).serialized()
    }
}
