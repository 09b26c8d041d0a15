import CrimeCore
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeCore, thrown by public API and caught as `any Error`, prints its
/// own sentence through `localizedDescription`.
@Suite struct CoreLocalizedErrorTests {
    @Test func matrixError() {
        expectLocalizedDescription(MatrixError.self) { _ = try Matrix(rowVectors: [[1, 2], [3]]) }
    }

    @Test func incidentTableError() throws {
        var a = IncidentTable(zone: try ZoneClock(identifier: "UTC"))
        let b = IncidentTable(zone: try ZoneClock(identifier: "UTC"), extraColumns: ["Beat"])
        expectLocalizedDescription(IncidentTableError.self) { try a.append(contentsOf: b) }
    }

    @Test func ingestError() {
        expectLocalizedDescription(IngestError.self) {
            _ = try IncidentReader.read(URL(fileURLWithPath: "/nonexistent/crimekit/crimes.csv"), schema: .chicago)
        }
    }

    @Test func zoneError() {
        expectLocalizedDescription(ZoneError.self) { _ = try ZoneClock(identifier: "Mars/Olympus") }
    }

    @Test func cubeError() throws {
        let zone = try ZoneClock(identifier: "UTC")
        let days = try WindowSpan(TimeWindowing.sequential(.daily, zone: zone), from: try LocalDay("2024-01-01"),
                                  until: try LocalDay("2024-01-08"))
        expectLocalizedDescription(CubeError.self) {
            _ = try SpaceTimeCube(incidentCells: [], times: [], cells: [CellID(3), CellID(3)], windows: days)
        }
    }

    @Test func windowError() {
        expectLocalizedDescription(WindowError.self) { _ = try ShiftScheme([Shift]()) }
    }

    @Test func outputFileError() throws {
        let folder = FileManager.default.temporaryDirectory
        expectLocalizedDescription(OutputFileError.self) { try OutputFile.write("x", to: folder) }
    }

    @Test func inputFileError() {
        expectLocalizedDescription(InputFileError.self) { _ = try InputFile.read(FileManager.default.temporaryDirectory) }
    }

    @Test func temporalSplitError() {
        expectLocalizedDescription(TemporalSplitError.self) { _ = try TemporalSplit(windows: [1, 2], testCount: 5) }
    }
}
