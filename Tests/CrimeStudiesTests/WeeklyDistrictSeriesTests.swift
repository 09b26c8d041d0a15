import Foundation
import Testing
import CrimeCore
import CrimeEval
import CrimeGeo
import CrimeTestSupport
import CrimeStudies

/// Building the weekly series over Chicago's real community areas.
@Suite struct WeeklyDistrictSeriesTests {
    @Test func countsPerCommunityAreaKeepEmptyAreas() throws {
        let areas = try PolygonIndex(contentsOf: Fixtures.url("areas", "Chicago77.shp"), labelProperty: "COMMUNITY", crs: .illinoisEastFeet)
        let zone = try ZoneClock(identifier: "America/Chicago")
        let weeks = try WindowSpan(.sequential(.weekly, zone: zone), from: LocalDay("2024-01-01"), until: LocalDay("2024-01-15"))
        let monday = try LocalDay("2024-01-01").start(in: zone)
        var table = IncidentTable(zone: zone)
        // Two incidents in the Loop in week 0, one in Hyde Park in week 1, one in Lake Michigan (no area).
        for (k, (lat, lng, day)) in [(41.8818, -87.6278, 1), (41.8790, -87.6300, 2), (41.7943, -87.5907, 9), (41.90, -87.45, 3)].enumerated() {
            table.append(id: "\(k)", time: monday + Int64(day) * 86_400 + 3600, location: GeoPoint(latitude: lat, longitude: lng),
                         category: .theft, offense: "THEFT")
        }
        let box = BoundingBox(minLatitude: 41.64, minLongitude: -87.94, maxLatitude: 42.03, maxLongitude: -87.52)
        let series = try WeeklyDistrictSeries(table: table, index: areas, cells: areas.allCells, windows: weeks, imageBounds: box,
                                              imageSize: 4, featureNames: ["t"], features: [0, 1])
        #expect(series.weekCount == 2 && series.districtCount == 77)
        let loop = try #require(series.districtLabels.firstIndex(of: "LOOP"))
        let hydePark = try #require(series.districtLabels.firstIndex(of: "HYDE PARK"))
        #expect(series.counts[loop] == 2)
        #expect(series.counts[77 + hydePark] == 1)
        #expect(series.counts.reduce(0, +) == 3)
        // The image counts every incident inside the box: the lake point lies east of it.
        #expect(series.images.count == 2 * 16)
        #expect(series.images[0..<16].reduce(0, +) == log1p(2))
        #expect(series.images[16...].reduce(0, +) == log1p(1))
    }
}
