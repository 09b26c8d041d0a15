import CrimeCore
import CrimeSynthetic
import Foundation

/// Weekly socio-economic and weather series over the weeks a study uses, one row per week.
///
/// ``read(_:weeks:)`` takes a CSV with a header `week_start,<series…>`: `week_start` is the first local
/// day (a Monday, `YYYY-MM-DD`) of an ISO week in the crime data's zone, and every further column is one
/// series (for example `temperature_c,precipitation_mm,unemployment_rate`) whose fields must all be
/// finite numbers. Every week of the study needs exactly one row; rows for other weeks are allowed,
/// not used and counted (``rowsOutside``).
public struct WeeklyCovariates: Sendable {
    /// The weekly windows the series cover.
    public let span: WindowSpan
    /// The series' names, in column order.
    public let names: [String]
    /// Values, row-major `[week, series]`.
    public let values: [Double]
    /// Rows of the file for weeks outside ``span`` (not used); 0 for series not read from a file.
    public let rowsOutside: Int

    /// The series of a synthetic city, unchanged.
    init(_ synthetic: SyntheticWeeklyCovariates) {
        (span, names, values, rowsOutside) = (synthetic.span, synthetic.names, synthetic.values, 0)
    }

    /// Reads the series in `url` for each week of `weeks` (weekly windows).
    ///
    /// - Throws: ``CovariateFileError`` naming the file, line and column for a missing `week_start` or
    ///   series column, a date not of the form `YYYY-MM-DD` or not a week's first day, a week given
    ///   twice, a field that is not a finite number, or a week of `weeks` without a row (naming it).
    public static func read(_ url: URL, weeks: WindowSpan) throws -> WeeklyCovariates {
        let csv = try CovariateCSV(contentsOf: url)
        let dateColumn = try csv.column("week_start")
        let seriesColumns = csv.header.indices.filter { $0 != dateColumn }
        guard !seriesColumns.isEmpty else { throw CovariateFileError.missingColumn(file: csv.file, column: "<a series after week_start>", present: csv.header) }
        let weekly = weeks.windowing, zone = weekly.zone
        var rows = [[Double]?](repeating: nil, count: weeks.count), outside = 0
        for record in csv.records {
            let text = csv.text(record, dateColumn)
            guard let day = try? LocalDay(text) else {
                throw CovariateFileError.badTime(file: csv.file, line: record.line, column: "week_start", text: text, expected: "YYYY-MM-DD")
            }
            let start = day.start(in: zone)
            guard weekly.interval(ofIndex: weekly.index(utc: start))?.lowerBound == start else {
                throw CovariateFileError.notWeekStart(file: csv.file, line: record.line, date: text)
            }
            let row = try seriesColumns.map { try csv.number(record, $0) }
            guard let w = weeks.ordinal(utc: start) else { outside += 1; continue }
            guard rows[w] == nil else { throw CovariateFileError.duplicateWeek(file: csv.file, line: record.line, week: text) }
            rows[w] = row
        }
        if let missing = rows.firstIndex(where: { $0 == nil }) {
            throw CovariateFileError.missingWeek(file: csv.file, week: LocalDay(utc: weeks.boundaries[missing], in: zone).description)
        }
        return WeeklyCovariates(span: weeks, names: seriesColumns.map { csv.header[$0] }, values: rows.flatMap { $0 ?? [] }, rowsOutside: outside)
    }

    private init(span: WindowSpan, names: [String], values: [Double], rowsOutside: Int) {
        (self.span, self.names, self.values, self.rowsOutside) = (span, names, values, rowsOutside)
    }
}
