import Foundation

/// A columnar table of incidents: times, coordinates and categories in flat arrays.
///
/// Rows are kept in the order they were read. Text columns are dictionary-encoded and ids share
/// one byte pool, so a row costs well under 80 bytes.
public struct IncidentTable: Sendable, Equatable {
    /// The time zone the data's wall-clock times belong to.
    public var zone: ZoneClock
    /// Portal identifiers.
    public internal(set) var ids = StringColumn()
    /// Seconds since 1970-01-01T00:00:00Z.
    public internal(set) var times: [Int64] = []
    /// Latitudes in degrees (WGS84).
    public internal(set) var latitudes: [Double] = []
    /// Longitudes in degrees (WGS84).
    public internal(set) var longitudes: [Double] = []
    /// Common categories.
    public internal(set) var categories: [CrimeCategory] = []
    /// The portal's own offence text.
    public internal(set) var offenses = CategoricalColumn()
    /// Cleaning marks.
    public var flags: [IncidentFlags] = []
    /// Extra columns kept from the extract, in the order they were asked for.
    public internal(set) var extras: [NamedColumn] = []

    /// An empty table in a zone, with the named extra columns (all text).
    public init(zone: ZoneClock, extraColumns: [String] = []) {
        self.zone = zone
        extras = extraColumns.map { NamedColumn(name: $0, values: CategoricalColumn()) }
    }

    /// A table holding the incidents, in a zone; their extras are kept under the given names.
    public init(zone: ZoneClock, incidents: [Incident], extraColumns: [String] = []) {
        self.init(zone: zone, extraColumns: extraColumns)
        for incident in incidents {
            append(id: incident.id, time: incident.time, location: incident.location,
                   category: incident.category, offense: incident.offense,
                   extras: extraColumns.map { incident.extras[$0] ?? "" }, flags: incident.flags)
        }
    }

    /// Number of rows.
    public var count: Int { times.count }

    /// True when there are no rows.
    public var isEmpty: Bool { times.isEmpty }

    /// Appends a row. `extras` holds one value per extra column, in order.
    public mutating func append(id: String, time: Int64, location: GeoPoint, category: CrimeCategory,
                                offense: String, extras extraValues: [String] = [], flags rowFlags: IncidentFlags = []) {
        ids.append(id)
        times.append(time)
        latitudes.append(location.latitude)
        longitudes.append(location.longitude)
        categories.append(category)
        offenses.append(offense)
        flags.append(rowFlags)
        for k in extras.indices { extras[k].values.append(k < extraValues.count ? extraValues[k] : "") }
    }

    /// Appends every row of another table with the same extra columns (their values are re-coded).
    public mutating func append(contentsOf other: IncidentTable) throws {
        guard other.extras.map(\.name) == extras.map(\.name) else {
            throw IncidentTableError.extraColumnsDiffer(extras.map(\.name), other.extras.map(\.name))
        }
        ids.append(contentsOf: other.ids)
        times.append(contentsOf: other.times)
        latitudes.append(contentsOf: other.latitudes)
        longitudes.append(contentsOf: other.longitudes)
        categories.append(contentsOf: other.categories)
        offenses.append(contentsOf: other.offenses)
        flags.append(contentsOf: other.flags)
        for k in extras.indices { extras[k].values.append(contentsOf: other.extras[k].values) }
    }

    /// The row as an ``Incident``.
    public subscript(row: Int) -> Incident {
        var extraValues: [String: String] = [:]
        for column in extras { extraValues[column.name] = column.values[row] }
        return Incident(id: ids[row], time: times[row],
                        location: GeoPoint(latitude: latitudes[row], longitude: longitudes[row]),
                        category: categories[row], offense: offenses[row], flags: flags[row], extras: extraValues)
    }

    /// The location of a row.
    public func location(_ row: Int) -> GeoPoint {
        GeoPoint(latitude: latitudes[row], longitude: longitudes[row])
    }

    /// The extra column with this name, if kept.
    public func extra(_ name: String) -> CategoricalColumn? {
        extras.first(where: { $0.name == name })?.values
    }

    /// A table of the given rows, in that order.
    public func selecting(rows: [Int]) -> IncidentTable {
        var out = IncidentTable(zone: zone)
        out.ids = ids.selecting(rows: rows)
        out.times = rows.map { times[$0] }
        out.latitudes = rows.map { latitudes[$0] }
        out.longitudes = rows.map { longitudes[$0] }
        out.categories = rows.map { categories[$0] }
        out.offenses = offenses.selecting(rows: rows)
        out.flags = rows.map { flags[$0] }
        out.extras = extras.map { NamedColumn(name: $0.name, values: $0.values.selecting(rows: rows)) }
        return out
    }

    /// Replaces the time of a row (used when cleaning spreads a midnight spike).
    public mutating func setTime(_ time: Int64, row: Int) {
        times[row] = time
    }

    /// Replaces the category of a row (used when a user overrides the category mapping).
    public mutating func setCategory(_ category: CrimeCategory, row: Int) {
        categories[row] = category
    }

    /// Approximate bytes held by the columns.
    public var byteCount: Int {
        var total = ids.byteCount + times.count * 8 + latitudes.count * 16 + categories.count + flags.count
        total += offenses.codes.count * 4 + offenses.dictionary.reduce(0) { $0 + $1.utf8.count + 16 }
        for column in extras {
            total += column.values.codes.count * 4 + column.values.dictionary.reduce(0) { $0 + $1.utf8.count + 16 }
        }
        return total
    }

    /// The earliest and latest times, or nil for an empty table.
    public var timeSpan: ClosedRange<Int64>? {
        guard let lo = times.min(), let hi = times.max() else { return nil }
        return lo...hi
    }
}

/// An extra text column kept from an extract.
public struct NamedColumn: Sendable, Equatable {
    /// The column's header in the extract.
    public var name: String
    /// Its values, dictionary-encoded.
    public var values: CategoricalColumn

    /// Creates a named column.
    public init(name: String, values: CategoricalColumn) {
        self.name = name
        self.values = values
    }
}

/// Errors of `IncidentTable` operations.
public enum IncidentTableError: Error, Equatable, CustomStringConvertible {
    /// Two tables to be joined keep different extra columns.
    case extraColumnsDiffer([String], [String])

    public var description: String {
        switch self {
        case let .extraColumnsDiffer(a, b): return "extra columns differ: \(a) vs \(b)"
        }
    }
}

extension IncidentTableError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
