import Foundation

/// Reads a GeoJSON FeatureCollection of Point features into an incident table.
///
/// The location is the point geometry (`[longitude, latitude]`); the schema's time, id, category and
/// extra columns name feature properties. A time property holding a number is read as epoch
/// milliseconds (what ArcGIS exports); text is read with the schema's format. A feature without
/// coordinates counts as `missing_location`; a geometry that is not a Point, or has coordinates that
/// are not numbers, counts as `bad_location`. Record numbers count features from 1.
///
/// The file is streamed (``GeoJSONPointFeatures``): memory is the kept values and the table, not the
/// document.
enum GeoJSONPointReader {
    static func read(path: String, schema: IngestSchema) throws -> IngestResult {
        let parser: JSONPullParser
        do { parser = try JSONPullParser(path: path) } catch let error as InputFileError {
            throw IngestError.unreadable(file: path, reason: error.reason)
        }
        var candidates: [String] = []
        for name in schema.timeColumns + schema.timeOfDayColumns + schema.idColumns + schema.categoryColumns
            + schema.extraColumns where !candidates.contains(name) { candidates.append(name) }
        let collection: GeoJSONPointFeatures
        do { collection = try GeoJSONPointFeatures(parser: parser, candidates: candidates) } catch let error as JSONSyntaxError {
            if error.endedEarly && error.offset == 0 { throw IngestError.emptyFile(file: path) }
            throw IngestError.invalidJSON(file: path, reason: error.description)
        } catch let error as InputFileError {
            throw IngestError.unreadable(file: path, reason: error.reason)
        }
        guard collection.rootType == "FeatureCollection", collection.hasFeatureArray else {
            throw IngestError.notFeatureCollection(file: path)
        }
        let keys = collection.keys
        func find(_ candidates: [String], required: Bool) throws -> String? {
            if let hit = candidates.first(where: keys.contains) { return hit }
            if required && collection.count > 0 {
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
        for index in 0..<collection.count {
            func property(_ key: String?) -> GeoJSONPointFeatures.Value {
                guard let key, let slot = candidates.firstIndex(of: key) else { return .none }
                return collection.value(feature: index, slot: slot)
            }
            var pool: [UInt8] = []
            var ranges: [Range<Int>] = []
            func add(_ key: String?) -> Int {
                let text = GeoJSONPointReader.text(property(key)) ?? ""
                let start = pool.count
                pool.append(contentsOf: text.utf8)
                ranges.append(start..<pool.count)
                return ranges.count - 1
            }
            let timeIndex = add(timeKey), todIndex = add(todKey), idIndex = add(idKey), offenseIndex = add(categoryKey)
            let extraIndices = schema.extraColumns.map { add($0) }
            let location = collection.locations[index]
            var instant: Int64?
            if case .number(let milliseconds) = property(timeKey) { instant = Self.instant(milliseconds) }
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
                            absentColumns: schema.extraColumns.filter { !keys.contains($0) }, bytesRead: parser.offset,
                            sourceRecords: records)
    }

    /// Epoch milliseconds from 1900-01-01 to 9999-12-31 UTC, the years ingest reads from text.
    static let plausibleMilliseconds = -2_208_988_800_000.0...253_402_300_799_999.0

    /// A number property as an instant in seconds: nil for a number outside `plausibleMilliseconds`,
    /// which then reaches the time parser as text and counts as `bad_time`.
    private static func instant(_ milliseconds: Double) -> Int64? {
        guard plausibleMilliseconds.contains(milliseconds) else { return nil }
        return Int64((milliseconds / 1000).rounded(.down))
    }

    /// A property value as text: strings as they are, booleans as `true`/`false`, numbers without a
    /// trailing `.0`, anything else nil.
    private static func text(_ value: GeoJSONPointFeatures.Value) -> String? {
        switch value {
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .none: return nil
        }
    }
}
