import CrimeTestSupport
import Testing
@testable import CrimeCore

private struct ZoneFixture: Decodable {
    struct Zone: Decodable {
        let zone: String
        let offsets: [[Int64]]
        let wall_to_utc: [[Int64]]
    }
    let zones: [Zone]
}

@Suite struct ZoneClockTests {
    @Test func offsetsAndWallTimesMatchZoneinfo() throws {
        let fixture = try Fixtures.json(ZoneFixture.self, "core", "zone_fixture.json")
        #expect(fixture.zones.count == 7)
        for zone in fixture.zones {
            let clock = try ZoneClock(identifier: zone.zone)
            for pair in zone.offsets {
                #expect(clock.offset(atUTC: pair[0]) == Int(pair[1]), "\(zone.zone) at \(pair[0])")
            }
            for pair in zone.wall_to_utc {
                #expect(clock.utc(wallSeconds: pair[0]) == pair[1], "\(zone.zone) wall \(pair[0])")
            }
        }
    }

    @Test func unknownZoneIsATypedError() {
        #expect(throws: ZoneError.unknownZone("Mars/Olympus")) { try ZoneClock(identifier: "Mars/Olympus") }
    }

    @Test func iso8601CarriesTheOffset() throws {
        let chicago = try ZoneClock(identifier: "America/Chicago")
        // 2024-07-04T17:00:00Z is noon daylight time in Chicago (hand-checked).
        #expect(chicago.iso8601(utc: 1_720_112_400) == "2024-07-04T12:00:00-05:00")
        #expect(ZoneClock.utc.iso8601(utc: 0) == "1970-01-01T00:00:00Z")
    }
}
