import CrimeTestSupport
import Testing
import CrimeCore
import CrimeGeo

private struct TMFixture: Decodable {
    let points: [[Double]]
    let utm16n: [[Double]]
    let local: [[Double]]
}

@Suite struct TransverseMercatorTests {
    @Test func matchesPyprojToAMillimetre() throws {
        let f = try Fixtures.json(TMFixture.self, "geo", "tmerc_fixture.json")
        let utm = TransverseMercator(centralMeridian: -87, scaleFactor: 0.9996, falseEasting: 500_000)
        let local = LocalProjection(origin: GeoPoint(latitude: 41.88, longitude: -87.63))
        for (i, p) in f.points.enumerated() {
            let point = GeoPoint(latitude: p[0], longitude: p[1])
            let u = utm.project(point)
            #expect(abs(u.x - f.utm16n[i][0]) < 1e-3 && abs(u.y - f.utm16n[i][1]) < 1e-3, "UTM point \(i)")
            let l = local.project(point)
            #expect(abs(l.x - f.local[i][0]) < 1e-3 && abs(l.y - f.local[i][1]) < 1e-3, "local point \(i)")
            let back = utm.unproject(x: f.utm16n[i][0], y: f.utm16n[i][1])
            #expect(abs(back.latitude - p[0]) < 1e-9 && abs(back.longitude - p[1]) < 1e-9, "inverse \(i)")
        }
    }
}
