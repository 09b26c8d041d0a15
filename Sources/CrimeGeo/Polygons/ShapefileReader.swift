import Foundation

/// Reads ESRI polygon shapefiles: `.shp` geometry, `.shx` index, `.dbf` attributes and an optional `.prj`.
///
/// Shape types 5 (Polygon), 15 (PolygonZ) and 25 (PolygonM) are read in two dimensions; null shapes
/// (type 0) become features without polygons. Rings are grouped by orientation in the shapefile
/// convention: clockwise rings are outer rings, counter-clockwise rings are holes.
public enum ShapefileReader {
    /// Reads the `.shp` at `url` and its sibling files. The CRS is the `.prj`'s when there is one,
    /// otherwise `crs`.
    public static func read(_ url: URL, crs: CoordinateReferenceSystem? = nil) throws -> AreaLayer {
        let path = url.path
        let base = String(path.dropLast(4))
        let shapes = try readShapes(path: path)
        let shxPath = sibling(base, "shx")
        if let shxPath { try checkIndex(path: shxPath, shapes: shapes.count) }
        guard let dbfPath = sibling(base, "dbf") else { throw GeometryReadError.cannotRead(file: base + ".dbf") }
        let table = try DBaseReader.read(URL(fileURLWithPath: dbfPath))
        guard table.records.count == shapes.count else {
            throw GeometryReadError.recordCountMismatch(file: dbfPath, dbfRecords: table.records.count, shapes: shapes.count)
        }
        guard !shapes.isEmpty else { throw GeometryReadError.empty(file: path) }
        let prj = try sibling(base, "prj").map { try WellKnownText.read(URL(fileURLWithPath: $0)) }
        let features = zip(shapes, table.records).map { AreaFeature(polygons: $0, properties: $1) }
        return AreaLayer(features: features, crs: prj ?? crs, source: path)
    }

    /// The sibling file with the extension in lower or upper case, if it exists.
    private static func sibling(_ base: String, _ ext: String) -> String? {
        [base + "." + ext, base + "." + ext.uppercased()].first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Each record's polygons, in file order.
    static func readShapes(path: String) throws -> [[PlanarPolygon]] {
        let r = try BinaryReader(path: path)
        try r.need(0, 100, record: nil, what: "the 100-byte header")
        guard r.uint32BE(0) == 9994 else { throw GeometryReadError.badHeader(file: path, detail: "file code is not 9994") }
        let declared = Int(r.uint32BE(24)) * 2
        guard declared <= r.bytes.count else {
            throw GeometryReadError.truncated(file: path, record: nil,
                                              detail: "header declares \(declared) bytes, file has \(r.bytes.count)")
        }
        var shapes: [[PlanarPolygon]] = []
        var offset = 100
        while offset < declared {
            let record = shapes.count
            try r.need(offset, 12, record: record, what: "record header")
            let length = Int(r.uint32BE(offset + 4)) * 2
            let content = offset + 8
            try r.need(content, length, record: record, what: "record content")
            shapes.append(try polygons(r, at: content, length: length, record: record))
            offset = content + length
        }
        return shapes
    }

    private static func polygons(_ r: BinaryReader, at o: Int, length: Int, record: Int) throws -> [PlanarPolygon] {
        let type = r.int32LE(o)
        if type == 0 { return [] }
        guard [5, 15, 25].contains(type) else {
            throw GeometryReadError.unsupportedShapeType(file: r.file, record: record, type: type)
        }
        try r.need(o, 44, record: record, what: "polygon header")
        let parts = r.int32LE(o + 36), points = r.int32LE(o + 40)
        guard parts >= 1, points >= parts, 44 + 4 * parts + 16 * points <= length else {
            throw GeometryReadError.truncated(file: r.file, record: record,
                                              detail: "\(parts) parts and \(points) points do not fit in \(length) bytes")
        }
        let pointBase = o + 44 + 4 * parts
        var starts = (0..<parts).map { r.int32LE(o + 44 + 4 * $0) }
        starts.append(points)
        // Every start is checked before any ring is read, so that no part reaches past the record's points.
        for k in 0..<parts where starts[k] < 0 || starts[k] >= starts[k + 1] {
            throw GeometryReadError.badHeader(file: r.file, detail: "record \(record) part \(k) has bad start \(starts[k])")
        }
        var rings: [[PlanarPoint]] = []
        for k in 0..<parts {
            let ring = (starts[k]..<starts[k + 1]).map {
                PlanarPoint(x: r.doubleLE(pointBase + 16 * $0), y: r.doubleLE(pointBase + 16 * $0 + 8))
            }
            guard ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
                throw GeometryReadError.nonFiniteVertex(file: r.file, record: record, ring: k)
            }
            let open = Ring.opened(ring)
            guard Set(open).count >= 3 else { throw GeometryReadError.degenerateRing(file: r.file, feature: record, ring: k) }
            rings.append(open)
        }
        return Ring.groupShapefileRings(rings)
    }

    /// Checks that the `.shx` is whole and indexes as many records as the `.shp` holds.
    private static func checkIndex(path: String, shapes: Int) throws {
        let r = try BinaryReader(path: path)
        try r.need(0, 100, record: nil, what: "the 100-byte header")
        guard r.uint32BE(0) == 9994 else { throw GeometryReadError.badHeader(file: path, detail: "file code is not 9994") }
        let declared = Int(r.uint32BE(24)) * 2
        guard declared <= r.bytes.count, (declared - 100) % 8 == 0 else {
            throw GeometryReadError.truncated(file: path, record: nil,
                                              detail: "header declares \(declared) bytes, file has \(r.bytes.count)")
        }
        let indexed = (declared - 100) / 8
        guard indexed == shapes else {
            throw GeometryReadError.badHeader(file: path, detail: "indexes \(indexed) records but the .shp has \(shapes)")
        }
    }
}
