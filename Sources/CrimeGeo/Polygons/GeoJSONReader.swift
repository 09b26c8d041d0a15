import CrimeCore
import Foundation

/// Reads polygon areas from GeoJSON: a FeatureCollection, a single Feature, or a bare Polygon or
/// MultiPolygon geometry, with holes and properties.
///
/// Coordinates are WGS84 longitude/latitude (RFC 7946) unless the file carries a legacy `crs` member
/// naming an EPSG code, or the caller names another default for files without one. Rings must be
/// closed; features with a null geometry are kept without polygons.
public enum GeoJSONReader {
    /// Reads a GeoJSON file; `defaultCRS` applies when the file has no `crs` member.
    ///
    /// The file is read in blocks and its features one at a time, so memory is the areas read plus one
    /// feature's JSON, not the whole document.
    public static func read(_ url: URL, defaultCRS: CoordinateReferenceSystem = .wgs84) throws -> AreaLayer {
        let path = url.path
        let parser: JSONPullParser
        do { parser = try JSONPullParser(path: path) } catch is InputFileError { throw GeometryReadError.cannotRead(file: path) }
        return try parse(parser, file: path, defaultCRS: defaultCRS)
    }

    /// Parses GeoJSON bytes; `file` names the source in errors.
    public static func parse(_ data: Data, file: String, defaultCRS: CoordinateReferenceSystem = .wgs84) throws -> AreaLayer {
        try parse(JSONPullParser(data: data), file: file, defaultCRS: defaultCRS)
    }

    private static func parse(_ parser: JSONPullParser, file: String, defaultCRS: CoordinateReferenceSystem) throws -> AreaLayer {
        do { return try stream(parser, file: file, defaultCRS: defaultCRS) } catch let error as JSONSyntaxError {
            throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "not valid JSON: \(error)")
        } catch is InputFileError {
            throw GeometryReadError.cannotRead(file: file)
        }
    }

    /// Walks the root object member by member; the features of a FeatureCollection are built one at a
    /// time as they stream past.
    private static func stream(_ parser: JSONPullParser, file: String, defaultCRS: CoordinateReferenceSystem) throws -> AreaLayer {
        guard try parser.peekKind() == .object else {
            try parser.skipValue()
            try parser.finish()
            throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "not a JSON object")
        }
        var type: String?
        var crs: CoordinateReferenceSystem?
        var features: [AreaFeature]?
        var root: [String: StreamedJSON] = [:]
        try parser.beginObject()
        while let key = try parser.nextKey() {
            switch key {
            case "type":
                type = try parser.readValue().string
            case "crs":
                crs = try legacyCRS(try parser.readValue(), file: file)
            case "features":
                let isArray = try parser.peekKind() == .array
                guard isArray && (type == nil || type == "FeatureCollection") else {
                    features = nil
                    try parser.skipValue()
                    continue
                }
                var list: [AreaFeature] = []
                try parser.beginArray()
                while try parser.nextElement() { list.append(try feature(try parser.readValue(), index: list.count, file: file)) }
                features = list
            case "properties", "geometry", "coordinates":
                root[key] = try parser.readValue()
            default:
                try parser.skipValue()
            }
        }
        try parser.finish()
        root["type"] = type.map(StreamedJSON.string)
        var layer: [AreaFeature] = []
        switch type {
        case "FeatureCollection":
            guard let features else {
                throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "FeatureCollection without a features array")
            }
            guard !features.isEmpty else { throw GeometryReadError.empty(file: file) }
            layer = features
        case "Feature":
            layer.append(try feature(.object(root), index: 0, file: file))
        case "Polygon", "MultiPolygon":
            layer.append(AreaFeature(polygons: try geometry(.object(root), index: 0, file: file), properties: [:]))
        default:
            throw GeometryReadError.badGeoJSON(file: file, feature: nil,
                                               detail: "type must be FeatureCollection, Feature, Polygon or MultiPolygon")
        }
        return AreaLayer(features: layer, crs: crs ?? defaultCRS, source: file)
    }

    private static func feature(_ item: StreamedJSON, index: Int, file: String) throws -> AreaFeature {
        guard let object = item.object, object["type"]?.string == "Feature" else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "not a Feature object")
        }
        let properties = (object["properties"]?.object ?? [:]).mapValues(attribute)
        let polygons: [PlanarPolygon]
        switch object["geometry"] {
        case nil, .null?: polygons = []
        case let geometry?: polygons = try self.geometry(geometry, index: index, file: file)
        }
        return AreaFeature(polygons: polygons, properties: properties)
    }

    /// A property as an attribute; an array or object becomes its JSON text with sorted keys.
    private static func attribute(_ value: StreamedJSON) -> AttributeValue {
        switch value {
        case .number(let d, _): return .number(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .text(s)
        case .null: return .null
        case .array, .object:
            guard let data = try? JSONSerialization.data(withJSONObject: value.foundationObject, options: [.sortedKeys]) else {
                return .null
            }
            return .text(String(decoding: data, as: UTF8.self))
        }
    }

    private static func geometry(_ value: StreamedJSON, index: Int, file: String) throws -> [PlanarPolygon] {
        guard let type = value["type"]?.string else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "geometry is not an object with a type")
        }
        let coordinates = value["coordinates"]
        switch type {
        case "Polygon":
            return [try polygon(coordinates, ringBase: 0, index: index, file: file)]
        case "MultiPolygon":
            guard let list = coordinates?.array else {
                throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "MultiPolygon coordinates are not an array")
            }
            var out: [PlanarPolygon] = []
            var ringBase = 0
            for item in list {
                out.append(try polygon(item, ringBase: ringBase, index: index, file: file))
                ringBase += item.array?.count ?? 0
            }
            return out
        default:
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "geometry type \(type) is not Polygon or MultiPolygon")
        }
    }

    /// A position's coordinate: a number, or a boolean read as 1 or 0 as `JSONSerialization` gives it.
    private static func coordinate(_ value: StreamedJSON) -> Double? {
        switch value {
        case .number(let d, _): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// One polygon's rings; `ringBase` numbers rings across a MultiPolygon in errors.
    private static func polygon(_ value: StreamedJSON?, ringBase: Int, index: Int, file: String) throws -> PlanarPolygon {
        guard let rings = value?.array, !rings.isEmpty else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "polygon has no rings")
        }
        var parsed: [[PlanarPoint]] = []
        for (k, ringValue) in rings.enumerated() {
            guard let positions = ringValue.array else {
                throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "ring \(ringBase + k) is not an array")
            }
            var ring: [PlanarPoint] = []
            ring.reserveCapacity(positions.count)
            for p in positions {
                guard let pair = p.array, pair.count >= 2, let x = coordinate(pair[0]), let y = coordinate(pair[1]) else {
                    throw GeometryReadError.badGeoJSON(file: file, feature: index,
                                                       detail: "ring \(ringBase + k) has a position that is not [x, y] numbers")
                }
                ring.append(PlanarPoint(x: x, y: y))
            }
            guard ring.count >= 2, ring.first == ring.last else {
                throw GeometryReadError.ringNotClosed(file: file, feature: index, ring: ringBase + k)
            }
            let open = Ring.opened(ring)
            guard Set(open).count >= 3 else { throw GeometryReadError.degenerateRing(file: file, feature: index, ring: ringBase + k) }
            parsed.append(open)
        }
        return PlanarPolygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }

    /// The EPSG code of a legacy (GeoJSON 2008) `crs` member, e.g. `urn:ogc:def:crs:EPSG::3435`.
    private static func legacyCRS(_ value: StreamedJSON, file: String) throws -> CoordinateReferenceSystem? {
        guard let name = value["properties"]?["name"]?.string else { return nil }
        if name.hasSuffix("CRS84") { return .wgs84 }
        guard let code = name.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw GeometryReadError.unknownCRS(file: file, detail: "crs name '\(name)'")
        }
        do { return try CoordinateReferenceSystem(epsg: code) } catch {
            throw GeometryReadError.unknownCRS(file: file, detail: "crs name '\(name)' (\(error))")
        }
    }
}
