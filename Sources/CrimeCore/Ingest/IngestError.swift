import Foundation

/// Problems that stop an ingest: the file cannot be read as a whole, or the schema does not fit it.
///
/// Problems with single rows are not errors; they are counted in the ``CleaningReport``.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file has no bytes at all (not even a header).
    case emptyFile(file: String)
    /// A quoted field opened in the header (`record` 1) is still open at the end of the file. (In a data
    /// record the same is counted as the drop reason `unterminated_quote`.)
    case unterminatedQuote(file: String, record: Int)
    /// A column the schema needs is not in the header.
    case missingColumn(file: String, column: String, present: [String])
    /// More than one of the schema's candidate time columns is in the header: candidates are alternatives
    /// (the first present is read), so a date and an hour listed together would lose the hour.
    case ambiguousTime(file: String, columns: [String])
    /// The header itself is not valid UTF-8.
    case invalidHeader(file: String)
    /// No preset has this name.
    case unknownSchema(name: String, known: [String])
    /// A timestamp pattern uses a letter the pattern language does not know.
    case badTimeFormat(pattern: String, reason: String)
    /// A column-mapping file could not be decoded.
    case badMapping(file: String, reason: String)
    /// The GeoJSON file is not a FeatureCollection.
    case notFeatureCollection(file: String)
    /// The file is not valid JSON (`reason` gives the position, or says where it ends early).
    case invalidJSON(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read '\(file)': \(reason)"
        case let .emptyFile(file):
            return "'\(file)' is empty: expected a header row and data"
        case let .unterminatedQuote(file, record):
            return "'\(file)', record \(record): a quoted field opened here is never closed before the end of the file"
        case let .missingColumn(file, column, present):
            return "'\(file)', record 1 (header): required column '\(column)' is missing; columns present: "
                + present.map { "'\($0)'" }.joined(separator: ", ")
        case let .ambiguousTime(file, columns):
            return "'\(file)', record 1 (header): the time candidates " + columns.map { "'\($0)'" }.joined(separator: " and ")
                + " are all present, but a list under \"time\" names alternatives of which only the first present is read;"
                + " name one column under \"time\", and an hour or time column under \"time_of_day\""
                + " (e.g. \"time\": \"\(columns[0])\", \"time_of_day\": \"\(columns.count > 1 ? columns[1] : "HOUR")\")"
        case let .invalidHeader(file):
            return "'\(file)', record 1 (header): the header is not valid UTF-8"
        case let .unknownSchema(name, known):
            return "unknown schema '\(name)'; known schemas: \(known.joined(separator: ", ")), or a path to a column-mapping JSON file"
        case let .badTimeFormat(pattern, reason):
            return "time format '\(pattern)': \(reason)"
        case let .badMapping(file, reason):
            return "column mapping '\(file)': \(reason)"
        case let .notFeatureCollection(file):
            return "'\(file)' is not a GeoJSON FeatureCollection"
        case let .invalidJSON(file, reason):
            return "'\(file)' is not valid JSON: \(reason)"
        }
    }
}

extension IngestError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
