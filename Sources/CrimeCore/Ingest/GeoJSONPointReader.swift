import Foundation

/// Reads a GeoJSON FeatureCollection of Point features into an incident table.
///
/// The location is the point geometry (`[longitude, latitude]`); the schema's time, id, category and
/// extra columns name feature properties. A time property holding a number is read as epoch
/// milliseconds (what ArcGIS exports); text is read with the schema's format. A feature without
/// coordinates counts as `missing_location`; a geometry that is not a Point, or has coordinates that
/// are not numbers, counts as `bad_location`. Record numbers count features from 1.
enum GeoJSONPointReader {
    static func read(path: String, schema: IngestSchema) throws -> IngestResult {
        let data: Data
        do throws(InputFileError) { data = try InputFile.read(URL(fileURLWithPath: path)) } catch {
            throw IngestError.unreadable(file: path, reason: error.reason)
        }
        guard !data.isEmpty else { throw IngestError.emptyFile(file: path) }
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw IngestError.invalidJSON(file: path, reason: JSONProblem.describe(error, in: data))
        }
        guard let root = json as? [String: Any], root["type"] as? String == "FeatureCollection",
              let features = root["features"] as? [Any] else {
            throw IngestError.notFeatureCollection(file: path)
        }
        let keys = Set(features.lazy.compactMap { ($0 as? [String: Any])?["properties"] as? [String: Any] }.flatMap(\.keys))
        func find(_ candidates: [String], required: Bool) throws -> String? {
            if let hit = candidates.first(where: keys.contains) { return hit }
            if required && !features.isEmpty {
                throw IngestError.missingColumn(file: path, column: candidates.joined(separator: "' or '"),
                                                present: keys.sorted())
            }
            return candidates.first
        }
        let timeKey = try find(schema.timeColumns, required: true) ?? "time"
        let todKey = schema.timeOfDayColumns.isEmpty ? nil : try find(schema.timeOfDayColumns, required: true)
        let idKey = schema.idColumns.isEmpty ? nil : try find(schema.idColumns, required: true)
        let categoryKey = try find(schema.categoryColumns, required: true) ?? "category"
        let names = ColumnNames(time: timeKey, timeOfDay: todKey, locationPairs: [("geometry", "geometry")],
                                category: categoryKey, extras: schema.extraColumns)
        var builder = ChunkBuilder(context: try IncidentReader.makeContext(file: path, schema: schema, names: names))
        for (index, item) in features.enumerated() {
            let feature = item as? [String: Any] ?? [:]
            let properties = feature["properties"] as? [String: Any] ?? [:]
            var pool: [UInt8] = []
            var ranges: [Range<Int>] = []
            func add(_ key: String?) -> Int {
                let text = key.flatMap { GeoJSONPointReader.text(properties[$0]) } ?? ""
                let start = pool.count
                pool.append(contentsOf: text.utf8)
                ranges.append(start..<pool.count)
                return ranges.count - 1
            }
            let timeIndex = add(timeKey), todIndex = add(todKey), idIndex = add(idKey), offenseIndex = add(categoryKey)
            let extraIndices = schema.extraColumns.map { add($0) }
            let location = GeoJSONPointReader.location(feature["geometry"])
            let instant = properties[timeKey] is String ? nil : (properties[timeKey] as? NSNumber).flatMap(Self.instant)
            pool.withUnsafeBufferPointer { buffer in
                func field(_ k: Int) -> FieldBytes { FieldBytes(rebasing: buffer[ranges[k]]) }
                let time: ChunkBuilder.TimeSource
                if let instant {
                    time = .instant(instant)
                } else {
                    time = .text(field(timeIndex), timeOfDay: todKey == nil ? nil : field(todIndex))
                }
                let extras = extraIndices.map(field)
                extras.withUnsafeBufferPointer { extraFields in
                    builder.add(record: index + 1, id: idKey == nil ? nil : field(idIndex), time: time,
                                location: location, offense: field(offenseIndex), extras: extraFields)
                }
            }
        }
        var records = builder.skipped
        records.first = 1
        return IngestResult(table: builder.table, report: builder.report,
                            absentColumns: schema.extraColumns.filter { !keys.contains($0) }, bytesRead: data.count,
                            sourceRecords: records)
    }

    /// Epoch milliseconds from 1900-01-01 to 9999-12-31 UTC, the years ingest reads from text.
    static let plausibleMilliseconds = -2_208_988_800_000.0...253_402_300_799_999.0

    /// A number property as an instant in seconds: nil for a boolean or a number outside
    /// `plausibleMilliseconds` (NaN included), which then reach the time parser as text and count as `bad_time`.
    private static func instant(_ n: NSNumber) -> Int64? {
        guard !isBoolean(n), plausibleMilliseconds.contains(n.doubleValue) else { return nil }
        return Int64((n.doubleValue / 1000).rounded(.down))
    }

    /// Whether JSON gave `true` or `false` (Foundation bridges them to NSNumber, typed `c`).
    private static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// A property value as text: strings as they are, booleans as `true`/`false`, numbers without a
    /// trailing `.0`, null as empty.
    private static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber where isBoolean(n): return n.boolValue ? "true" : "false"
        case let n as NSNumber:
            let d = n.doubleValue
            if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        default: return nil
        }
    }

    private static func location(_ geometry: Any?) -> ChunkBuilder.LocationSource {
        guard let g = geometry as? [String: Any] else { return .missing }
        let type = g["type"] as? String ?? "none"
        guard type == "Point" else { return .invalid("geometry type \(type)") }
        guard let coordinates = g["coordinates"] as? [Any], !coordinates.isEmpty else { return .missing }
        guard coordinates.count >= 2, let lon = coordinates[0] as? NSNumber, let lat = coordinates[1] as? NSNumber,
              !(coordinates[0] is String), !(coordinates[1] is String) else {
            return .invalid("coordinates \(coordinates)")
        }
        return .point(lat.doubleValue, lon.doubleValue)
    }
}
