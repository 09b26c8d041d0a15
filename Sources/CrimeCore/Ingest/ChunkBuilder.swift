/// Bytes of one field, borrowed from a block (or a scratch copy) for the duration of a row.
typealias FieldBytes = UnsafeBufferPointer<UInt8>

/// What the rows of one file share: the schema, its compiled formats and the names used in row issues.
struct IngestContext: Sendable {
    let file: String
    let schema: IngestSchema
    let zone: ZoneClock
    let format: TimestampFormat
    let timeOfDayFormat: TimestampFormat?
    let names: ColumnNames
}

/// Builds the part of the table read from one chunk of a file, with the chunk's account of dropped rows.
///
/// Record numbers given to it are local to the chunk (0 = the chunk's first record); the reader shifts
/// the samples to file record numbers when chunks are joined. A row is checked completely (time,
/// location, text encoding) before anything of it is stored, so a dropped row leaves no trace.
struct ChunkBuilder {
    /// Where a row's time comes from.
    enum TimeSource {
        /// Text in the time column and, for schemas with one, the time-of-day column.
        case text(FieldBytes, timeOfDay: FieldBytes?)
        /// An absolute instant (GeoJSON epoch milliseconds), in seconds.
        case instant(Int64)
        /// No value.
        case missing
    }

    /// Where a row's location comes from.
    enum LocationSource {
        /// Latitude and longitude text from the location column pair `pair`.
        case text(FieldBytes, FieldBytes, pair: Int)
        /// Numbers from a geometry.
        case point(Double, Double)
        /// A value that cannot be a location (a geometry that is not a point), described.
        case invalid(String)
        /// No value.
        case missing
    }

    let context: IngestContext
    var table: IncidentTable
    var report = CleaningReport()
    /// Number of records seen (data records, blank lines excluded).
    var records = 0
    /// The records (numbered as given) that gave no row, blank lines included.
    var skipped = SourceRecords(first: 0)
    private var offenseCache = ByteCodeCache()
    private var categoryOfCode: [CrimeCategory] = []
    private var extraCaches: [ByteCodeCache]
    private var pendingCodes: [UInt32?]
    private var cachedDay = Int.min
    private var cachedDayOffset: Int64?

    init(context: IngestContext) {
        self.context = context
        table = IncidentTable(zone: context.zone, extraColumns: context.schema.extraColumns)
        extraCaches = Array(repeating: ByteCodeCache(), count: context.schema.extraColumns.count)
        pendingCodes = Array(repeating: nil, count: context.schema.extraColumns.count + 1)
    }

    /// Counts a record whose field count differs from the header's.
    mutating func dropMalformed(record: Int, fields: Int, expected: Int) {
        records += 1
        report.rowsRead += 1
        drop(record, nil, .malformedRow, "\(fields) fields, header has \(expected)")
    }

    /// Counts a record whose quoted field runs to the end of the file; `lines` is how many lines that is.
    mutating func dropUnterminated(record: Int, lines: Int) {
        records += 1
        report.rowsRead += 1
        drop(record, nil, .unterminatedQuote, "a quoted field opened in this record is never closed; the rest of the file (\(lines) line\(lines == 1 ? "" : "s")) is read as this record")
    }

    /// Notes a blank line, which is skipped without being counted but keeps its record number.
    mutating func skipBlank(record: Int) {
        skipped.skip(record)
    }

    /// Adds one data record, or counts it under the first reason it fails.
    /// `extras` holds one field per schema extra (empty for absent columns).
    mutating func add(record: Int, id: FieldBytes?, time: TimeSource, location: LocationSource,
                      offense: FieldBytes, extras: UnsafeBufferPointer<FieldBytes>) {
        records += 1
        report.rowsRead += 1
        guard let instant = readTime(record: record, time) else { return }
        guard let (latitude, longitude) = readLocation(record: record, location) else { return }
        // Text fields: look codes up, and check the encoding of everything not seen before.
        if let id, !UTF8Validation.isValid(id) {
            return dropEncoding(record: record, column: context.schema.idColumns.first ?? "id", id)
        }
        pendingCodes[0] = offenseCache.lookup(offense)
        if pendingCodes[0] == nil && !UTF8Validation.isValid(offense) {
            return dropEncoding(record: record, column: context.names.category, offense)
        }
        for k in 0..<extras.count {
            pendingCodes[k + 1] = extraCaches[k].lookup(extras[k])
            if pendingCodes[k + 1] == nil && !UTF8Validation.isValid(extras[k]) {
                return dropEncoding(record: record, column: context.names.extras[k], extras[k])
            }
        }
        // The row is good: store it.
        let offenseCode: UInt32
        if let code = pendingCodes[0] {
            offenseCode = code
        } else {
            let text = String(decoding: offense, as: UTF8.self).trimmingSpaces()
            offenseCode = table.offenses.code(for: text)
            if Int(offenseCode) == categoryOfCode.count { categoryOfCode.append(context.schema.categoryMapping.category(for: text)) }
            offenseCache.insert(offense, code: offenseCode)
        }
        for k in 0..<extras.count {
            if let code = pendingCodes[k + 1] {
                table.extras[k].values.append(code: code)
            } else {
                let code = table.extras[k].values.code(for: String(decoding: extras[k], as: UTF8.self).trimmingSpaces())
                extraCaches[k].insert(extras[k], code: code)
                table.extras[k].values.append(code: code)
            }
        }
        if let id { table.ids.append(utf8: id) } else { table.ids.append(utf8: FieldBytes(start: nil, count: 0)) }
        table.times.append(instant)
        table.latitudes.append(latitude)
        table.longitudes.append(longitude)
        table.offenses.append(code: offenseCode)
        table.categories.append(categoryOfCode[Int(offenseCode)])
        table.flags.append([])
        report.rowsKept += 1
    }

    private mutating func readTime(record: Int, _ source: TimeSource) -> Int64? {
        switch source {
        case let .instant(t):
            return t
        case .missing:
            drop(record, context.names.time, .missingTime, nil)
            return nil
        case let .text(dateField, timeOfDayField):
            if dateField.isBlank {
                drop(record, context.names.time, .missingTime, nil)
                return nil
            }
            guard let date = context.format.read(dateField), let dateDay = date.dayNumber else {
                drop(record, context.names.time, .badTime, String(decoding: dateField, as: UTF8.self))
                return nil
            }
            var day = dateDay
            var secondOfDay = date.secondOfDay
            var offset = date.offsetSeconds
            if let todFormat = context.timeOfDayFormat, let todName = context.names.timeOfDay {
                // A date written as an instant with an offset (local midnight in UTC: `2014/03/02 05:00:00+00`)
                // names the local calendar day it falls on in the data's zone; the separate time of day is
                // then local wall-clock time on that day, not shifted by the date's offset.
                if let dateOffset = date.offsetSeconds {
                    let instant = Int64(day) * 86_400 + Int64(date.secondOfDay) - Int64(dateOffset)
                    day = LocalDay(utc: instant, in: context.zone).dayNumber
                    offset = nil
                }
                guard let todField = timeOfDayField, !todField.isBlank else {
                    drop(record, todName, .missingTime, nil)
                    return nil
                }
                guard let tod = todFormat.read(todField), tod.dayNumber == nil else {
                    drop(record, todName, .badTime, String(decoding: todField, as: UTF8.self))
                    return nil
                }
                secondOfDay = tod.secondOfDay
                offset = tod.offsetSeconds ?? offset
            }
            let wall = Int64(day) * 86_400 + Int64(secondOfDay)
            if let offset { return wall - Int64(offset) }
            return utc(day: day, wall: wall)
        }
    }

    /// Wall-clock time to UTC, with the offset remembered per day when it is the same all day long.
    private mutating func utc(day: Int, wall: Int64) -> Int64 {
        if day != cachedDay {
            cachedDay = day
            let start = Int64(day) * 86_400
            let atStart = start - context.zone.utc(wallSeconds: start)
            let atEnd = start + 86_399 - context.zone.utc(wallSeconds: start + 86_399)
            cachedDayOffset = atStart == atEnd ? atStart : nil
        }
        if let offset = cachedDayOffset { return wall - offset }
        return context.zone.utc(wallSeconds: wall)
    }

    private mutating func readLocation(record: Int, _ source: LocationSource) -> (Double, Double)? {
        let latitude: Double
        let longitude: Double
        var column = context.names.locationPairs.first?.0 ?? "geometry"
        switch source {
        case .missing:
            drop(record, column, .missingLocation, nil)
            return nil
        case let .invalid(description):
            drop(record, column, .badLocation, description)
            return nil
        case let .point(a, b):
            latitude = a
            longitude = b
        case let .text(latField, lonField, pair):
            let names = context.names.locationPairs[pair]
            column = names.0
            if latField.isBlank || lonField.isBlank {
                drop(record, latField.isBlank ? names.0 : names.1, .missingLocation, nil)
                return nil
            }
            guard let a = DecimalParser.parse(latField) else {
                drop(record, names.0, .badLocation, String(decoding: latField, as: UTF8.self))
                return nil
            }
            guard let b = DecimalParser.parse(lonField) else {
                drop(record, names.1, .badLocation, String(decoding: lonField, as: UTF8.self))
                return nil
            }
            latitude = a
            longitude = b
        }
        guard latitude.isFinite, longitude.isFinite, abs(latitude) <= 90, abs(longitude) <= 180 else {
            drop(record, column, .badLocation, "\(latitude), \(longitude)")
            return nil
        }
        if context.schema.isPlaceholder(latitude: latitude, longitude: longitude) {
            drop(record, column, .placeholderLocation, "\(latitude), \(longitude)")
            return nil
        }
        return (latitude, longitude)
    }

    private mutating func dropEncoding(record: Int, column: String, _ field: FieldBytes) {
        drop(record, column, .invalidEncoding, String(decoding: field, as: UTF8.self))
    }

    private mutating func drop(_ record: Int, _ column: String?, _ reason: DropReason, _ value: String?) {
        skipped.skip(record)
        report.drop(RowIssue(file: context.file, row: record, column: column, reason: reason, value: value))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when empty or only spaces.
    var isBlank: Bool {
        for b in self where b != 0x20 { return false }
        return true
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        guard first == " " || last == " " else { return self }
        return String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
