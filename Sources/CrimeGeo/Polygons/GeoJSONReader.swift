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
    public static func read(_ url: URL, defaultCRS: CoordinateReferenceSystem = .wgs84) throws -> AreaLayer {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else { throw GeometryReadError.cannotRead(file: path) }
        return try parse(data, file: path, defaultCRS: defaultCRS)
    }

    /// Parses GeoJSON bytes; `file` names the source in errors.
    public static func parse(_ data: Data, file: String, defaultCRS: CoordinateReferenceSystem = .wgs84) throws -> AreaLayer {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "not valid JSON: " + JSONProblem.describe(error, in: data))
        }
        guard let root = json as? [String: Any] else {
            throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "not a JSON object")
        }
        let crs = try legacyCRS(root["crs"], file: file) ?? defaultCRS
        var features: [AreaFeature] = []
        switch root["type"] as? String {
        case "FeatureCollection":
            guard let list = root["features"] as? [Any] else {
                throw GeometryReadError.badGeoJSON(file: file, feature: nil, detail: "FeatureCollection without a features array")
            }
            guard !list.isEmpty else { throw GeometryReadError.empty(file: file) }
            for (k, item) in list.enumerated() { features.append(try feature(item, index: k, file: file)) }
        case "Feature":
            features.append(try feature(root, index: 0, file: file))
        case "Polygon", "MultiPolygon":
            features.append(AreaFeature(polygons: try geometry(root, index: 0, file: file), properties: [:]))
        default:
            throw GeometryReadError.badGeoJSON(file: file, feature: nil,
                                               detail: "type must be FeatureCollection, Feature, Polygon or MultiPolygon")
        }
        return AreaLayer(features: features, crs: crs, source: file)
    }

    private static func feature(_ item: Any, index: Int, file: String) throws -> AreaFeature {
        guard let object = item as? [String: Any], object["type"] as? String == "Feature" else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "not a Feature object")
        }
        var properties: [String: AttributeValue] = [:]
        for (key, value) in object["properties"] as? [String: Any] ?? [:] { properties[key] = attribute(value) }
        let polygons = object["geometry"] is NSNull || object["geometry"] == nil
            ? [] : try geometry(object["geometry"] as Any, index: index, file: file)
        return AreaFeature(polygons: polygons, properties: properties)
    }

    private static func attribute(_ value: Any) -> AttributeValue {
        if let n = value as? NSNumber {
            if String(cString: n.objCType) == "c", let b = value as? Bool { return .bool(b) }
            return .number(n.doubleValue)
        }
        if let s = value as? String { return .text(s) }
        if value is NSNull { return .null }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            return .text(String(decoding: data, as: UTF8.self))
        }
        return .null
    }

    private static func geometry(_ value: Any, index: Int, file: String) throws -> [PlanarPolygon] {
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "geometry is not an object with a type")
        }
        let coordinates = object["coordinates"]
        switch type {
        case "Polygon":
            return [try polygon(coordinates, ringBase: 0, index: index, file: file)]
        case "MultiPolygon":
            guard let list = coordinates as? [Any] else {
                throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "MultiPolygon coordinates are not an array")
            }
            var out: [PlanarPolygon] = []
            var ringBase = 0
            for item in list {
                out.append(try polygon(item, ringBase: ringBase, index: index, file: file))
                ringBase += (item as? [Any])?.count ?? 0
            }
            return out
        default:
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "geometry type \(type) is not Polygon or MultiPolygon")
        }
    }

    /// One polygon's rings; `ringBase` numbers rings across a MultiPolygon in errors.
    private static func polygon(_ value: Any?, ringBase: Int, index: Int, file: String) throws -> PlanarPolygon {
        guard let rings = value as? [Any], !rings.isEmpty else {
            throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "polygon has no rings")
        }
        var parsed: [[PlanarPoint]] = []
        for (k, ringValue) in rings.enumerated() {
            guard let positions = ringValue as? [Any] else {
                throw GeometryReadError.badGeoJSON(file: file, feature: index, detail: "ring \(ringBase + k) is not an array")
            }
            var ring: [PlanarPoint] = []
            ring.reserveCapacity(positions.count)
            for p in positions {
                guard let pair = p as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
                      let y = (pair[1] as? NSNumber)?.doubleValue, x.isFinite, y.isFinite else {
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
    private static func legacyCRS(_ value: Any?, file: String) throws -> CoordinateReferenceSystem? {
        guard let object = value as? [String: Any], let properties = object["properties"] as? [String: Any],
              let name = properties["name"] as? String else { return nil }
        if name.hasSuffix("CRS84") { return .wgs84 }
        guard let code = name.split(separator: ":").last.flatMap({ Int($0) }) else {
            throw GeometryReadError.unknownCRS(file: file, detail: "crs name '\(name)'")
        }
        do { return try CoordinateReferenceSystem(epsg: code) } catch {
            throw GeometryReadError.unknownCRS(file: file, detail: "crs name '\(name)' (\(error))")
        }
    }
}
