import Foundation
import Testing
import CrimeCore
import CrimeStudies

/// The weekly covariate CSV reader on three ISO weeks in America/Chicago (2024-01-01 was a Monday).
@Suite struct WeeklyCovariatesTests {
    static func weeks() throws -> WindowSpan {
        let zone = try ZoneClock(identifier: "America/Chicago")
        return try WindowSpan(.sequential(.weekly, zone: zone), from: try LocalDay("2024-01-01"), until: try LocalDay("2024-01-22"))
    }

    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("weekly-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func rowsLandOnTheirWeeksInAnyOrder() throws {
        let url = try Self.write("temperature_c,week_start,unemployment_rate\n-1.5,2024-01-08,4.1\n2.0,2023-12-25,4.0\n-3.25,2024-01-01,4.2\n0.5, 2024-01-15 ,4.3\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let weeks = try Self.weeks()
        #expect(weeks.count == 3)
        let covariates = try WeeklyCovariates.read(url, weeks: weeks)
        #expect(covariates.names == ["temperature_c", "unemployment_rate"])
        #expect(covariates.values == [-3.25, 4.2, -1.5, 4.1, 0.5, 4.3])
        #expect(covariates.rowsOutside == 1)
        #expect(covariates.span.count == 3)
    }

    /// Each malformed file throws the error naming its line, column or week.
    @Test(arguments: [
        ("week_start,t\n2024-01-01,1\n2024-01-15,3\n", "missing week"),
        ("week_start,t\n2024-01-01,1\n2024-01-09,2\n2024-01-15,3\n", "not a Monday"),
        ("week_start,t\n2024-01-01,1\n2024-01-08,2\n2024-01-08,2\n2024-01-15,3\n", "duplicate"),
        ("week_start,t\n2024-01-01,1\n2024-01-08,NaN\n2024-01-15,3\n", "NaN"),
        ("week_start,t\n2024-01-01,1\n2024-01-08,\n2024-01-15,3\n", "empty"),
        ("week_start,t\n2024-01-01,1\n01/08/2024,2\n2024-01-15,3\n", "date"),
        ("week_start\n2024-01-01\n", "no series"),
        ("week,t\n2024-01-01,1\n", "no week_start"),
    ])
    func badInputThrowsNamingTheRow(text: String, kind: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        let file = url.path
        let expected: CovariateFileError = switch kind {
        case "missing week": .missingWeek(file: file, week: "2024-01-08")
        case "not a Monday": .notWeekStart(file: file, line: 3, date: "2024-01-09")
        case "duplicate": .duplicateWeek(file: file, line: 4, week: "2024-01-08")
        case "NaN": .notANumber(file: file, line: 3, column: "t", text: "NaN")
        case "empty": .notANumber(file: file, line: 3, column: "t", text: "")
        case "date": .badTime(file: file, line: 3, column: "week_start", text: "01/08/2024", expected: "YYYY-MM-DD")
        case "no series": .missingColumn(file: file, column: "<a series after week_start>", present: ["week_start"])
        default: .missingColumn(file: file, column: "week_start", present: ["week", "t"])
        }
        #expect(throws: expected) { try WeeklyCovariates.read(url, weeks: try Self.weeks()) }
    }
}
