import CrimeCore
import CrimeStudies
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeStudies, thrown by public API and caught as `any Error`, prints
/// its own sentence through `localizedDescription`.
@Suite struct StudiesLocalizedErrorTests {
    @Test func hotspotError() throws {
        let zone = try ZoneClock(identifier: "America/Los_Angeles")
        expectLocalizedDescription(HotspotError.self) { _ = try HotspotPipeline().run(IncidentTable(zone: zone)) }
    }

    /// Too short a table for the periods: the sentence names the pipeline's `weeks`, not a flag.
    @Test func notEnoughDataNamesTheParameter() throws {
        let zone = try ZoneClock(identifier: "America/Los_Angeles")
        let incidents = [0, 86_400].map { t in
            Incident(id: "\(t)", time: 1_704_067_200 + Int64(t), location: GeoPoint(latitude: 36.17, longitude: -115.14),
                     category: .theft, offense: "THEFT")
        }
        let table = IncidentTable(zone: zone, incidents: incidents)
        #expect(throws: HotspotError.self) { try HotspotPipeline().run(table) }
        let sentence = HotspotError.notEnoughData(needed: "2024-01-01…2025-12-29", available: "2024-01-01…2024-01-02")
            .localizedDescription
        #expect(sentence.contains("weeks") && !sentence.contains("--weeks"))
    }

    @Test func weeklyDistrictError() {
        expectLocalizedDescription(WeeklyDistrictError.self) {
            _ = try WeeklyDistrictStudy.score(model: "m", truth: [1, 2], predicted: [1], districts: 1)
        }
    }

    @Test func deploymentTableError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deploy-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "name,sightings,group\nLoop,12,A\n".write(to: url, atomically: true, encoding: .utf8)
        expectLocalizedDescription(DeploymentTableError.self) { _ = try DeploymentTable.read(url) }
    }

    @Test func panelError() {
        expectLocalizedDescription(PanelError.self) { _ = try Panel(units: [], periods: [], target: [], predictors: []) }
    }

    @Test func mobilityError() {
        expectLocalizedDescription(MobilityError.self) { _ = try MobilityLayers(rows: 0, columns: 1, windows: 1, crime: []) }
    }

    @Test func covariateFileError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("weekly-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "week_start,t\n2024-01-02,1\n".write(to: url, atomically: true, encoding: .utf8)
        let weeks = try WindowSpan(.sequential(.weekly, zone: try ZoneClock(identifier: "America/Chicago")),
                                   from: try LocalDay("2024-01-01"), until: try LocalDay("2024-01-08"))
        expectLocalizedDescription(CovariateFileError.self) { _ = try WeeklyCovariates.read(url, weeks: weeks) }
    }
}
