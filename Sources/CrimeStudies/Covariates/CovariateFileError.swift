import Foundation

/// A covariate file (footfall CSV, sociodemographic polygons, weekly series CSV) the studies cannot
/// use; every case names the file and, where there is one, the line, column, feature or week.
public enum CovariateFileError: Error, Equatable, CustomStringConvertible {
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file has no header line, or no data rows.
    case empty(file: String)
    /// A quoted field is never closed; `line` is where its record starts.
    case unterminatedQuote(file: String, line: Int)
    /// A required column is missing from the header.
    case missingColumn(file: String, column: String, present: [String])
    /// A column name appears twice in the header.
    case duplicateColumn(file: String, column: String)
    /// A row has a different number of fields than the header.
    case raggedRow(file: String, line: Int, expected: Int, got: Int)
    /// A field that must hold a number does not (empty, text, NaN or infinite).
    case notANumber(file: String, line: Int, column: String, text: String)
    /// A count or layer value is negative.
    case negative(file: String, line: Int, column: String, value: Double)
    /// A latitude or longitude outside its range.
    case badCoordinate(file: String, line: Int, latitude: Double, longitude: Double)
    /// A timestamp or date that does not follow the documented format.
    case badTime(file: String, line: Int, column: String, text: String, expected: String)
    /// A date that is not the first day of a week.
    case notWeekStart(file: String, line: Int, date: String)
    /// Two rows for the same week.
    case duplicateWeek(file: String, line: Int, week: String)
    /// A week of the crime data has no row.
    case missingWeek(file: String, week: String)
    /// A polygon feature lacks a requested numeric property.
    case missingProperty(file: String, feature: Int, property: String)
    /// A polygon feature's property is not a finite, non-negative number.
    case badProperty(file: String, feature: Int, property: String, value: String)
    /// No property names were given for a polygon layer, or one was given twice.
    case badPropertyList(file: String, reason: String)
    /// No cell of the grid has its centre in any polygon.
    case noCellCovered(file: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read (\(reason))"
        case let .empty(file): return "\(file): no header line or no data rows"
        case let .unterminatedQuote(file, line): return "\(file), line \(line): a quoted field is never closed"
        case let .missingColumn(file, column, present):
            return "\(file): no column '\(column)' (the header has \(present.map { "'\($0)'" }.joined(separator: ", ")))"
        case let .duplicateColumn(file, column): return "\(file): column '\(column)' appears twice in the header"
        case let .raggedRow(file, line, expected, got): return "\(file), line \(line): \(got) fields, but the header has \(expected)"
        case let .notANumber(file, line, column, text): return "\(file), line \(line), column '\(column)': '\(text)' is not a finite number"
        case let .negative(file, line, column, value): return "\(file), line \(line), column '\(column)': \(value) is negative"
        case let .badCoordinate(file, line, latitude, longitude):
            return "\(file), line \(line): (\(latitude), \(longitude)) is not a valid latitude and longitude"
        case let .badTime(file, line, column, text, expected):
            return "\(file), line \(line), column '\(column)': '\(text)' is not a time of the form \(expected)"
        case let .notWeekStart(file, line, date): return "\(file), line \(line): \(date) is not the first day (Monday) of a week"
        case let .duplicateWeek(file, line, week): return "\(file), line \(line): week \(week) already has a row"
        case let .missingWeek(file, week): return "\(file): no row for the week starting \(week), which the crime data cover"
        case let .missingProperty(file, feature, property): return "\(file), feature \(feature): no property '\(property)'"
        case let .badProperty(file, feature, property, value):
            return "\(file), feature \(feature), property '\(property)': '\(value)' is not a finite, non-negative number"
        case let .badPropertyList(file, reason): return "\(file): \(reason)"
        case let .noCellCovered(file): return "\(file): no grid cell has its centre inside any polygon; do the polygons cover the crime data's area?"
        }
    }
}

extension CovariateFileError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
