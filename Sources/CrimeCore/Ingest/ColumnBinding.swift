import Foundation

/// A schema resolved against one file's header: the field index of every column the schema reads.
struct ColumnBinding: Sendable {
    let fieldCount: Int
    let time: Int
    let timeOfDay: Int?
    let id: Int?
    /// Latitude/longitude field pairs present in the header, in the schema's order of preference.
    let locationPairs: [(latitude: Int, longitude: Int)]
    let category: Int
    /// One entry per schema extra; nil when the column is absent.
    let extras: [Int?]
    /// Names of the columns used (time, time of day, latitude/longitude per pair, category, extras).
    let names: ColumnNames

    /// Resolves the schema against the header; throws when a required column is absent, or when more than
    /// one candidate time column is present (``IngestError/ambiguousTime(file:columns:)``).
    init(header: [String], schema: IngestSchema, file: String) throws {
        let trimmed = header.map { $0.trimmingCharacters(in: .whitespaces) }
        func find(_ candidates: [String]) -> (Int, String)? {
            for name in candidates { if let k = trimmed.firstIndex(of: name) { return (k, name) } }
            return nil
        }
        func require(_ candidates: [String]) throws -> (Int, String) {
            guard let hit = find(candidates) else {
                throw IngestError.missingColumn(file: file, column: candidates.joined(separator: "' or '"), present: header)
            }
            return hit
        }
        fieldCount = header.count
        let presentTimes = schema.timeColumns.filter { trimmed.contains($0) }
        if presentTimes.count > 1 { throw IngestError.ambiguousTime(file: file, columns: presentTimes) }
        let t = try require(schema.timeColumns)
        time = t.0
        var tod: (Int, String)?
        if !schema.timeOfDayColumns.isEmpty { tod = try require(schema.timeOfDayColumns) }
        timeOfDay = tod?.0
        id = schema.idColumns.isEmpty ? nil : try require(schema.idColumns).0
        var pairs: [(Int, Int)] = []
        var pairNames: [(String, String)] = []
        for (lat, lon) in zip(schema.latitudeColumns, schema.longitudeColumns) {
            if let a = trimmed.firstIndex(of: lat), let b = trimmed.firstIndex(of: lon) {
                pairs.append((a, b))
                pairNames.append((lat, lon))
            }
        }
        guard !pairs.isEmpty else {
            let missing = zip(schema.latitudeColumns, schema.longitudeColumns)
                .map { trimmed.contains($0.0) ? $0.1 : $0.0 }
            throw IngestError.missingColumn(file: file, column: missing.joined(separator: "' or '"), present: header)
        }
        locationPairs = pairs.map { (latitude: $0.0, longitude: $0.1) }
        let c = try require(schema.categoryColumns)
        category = c.0
        extras = schema.extraColumns.map { trimmed.firstIndex(of: $0) }
        names = ColumnNames(time: t.1, timeOfDay: tod?.1, locationPairs: pairNames, category: c.1,
                            extras: schema.extraColumns)
    }

    /// The extras the header does not have.
    var absentExtras: [String] {
        zip(names.extras, extras).compactMap { $0.1 == nil ? $0.0 : nil }
    }
}

/// Column names used in row issues.
struct ColumnNames: Sendable {
    var time: String
    var timeOfDay: String?
    var locationPairs: [(String, String)]
    var category: String
    var extras: [String]
}
