import Testing
import CrimeCore
@testable import CrimeGeo

@Suite("H3 latLngToCell and geometry against h3-py 4.5.0")
struct H3CellTests {
    @Test("latLngToCell is bit-exact for ~21,000 points over resolutions 0–15 and the special places")
    func pointsBitExact() throws {
        let rows = try H3Fixture.rows("points.csv")
        #expect(rows.count > 20_000)
        var mismatches: [String] = []
        var resolutions = Set<Int>()
        for f in rows {
            let expected = try H3Index(String(f[2]))
            resolutions.insert(expected.resolution)
            let got = try H3.latLngToCell(latitude: Double(f[0])!, longitude: Double(f[1])!,
                                          resolution: expected.resolution)
            if got != expected { mismatches.append("\(f[0]),\(f[1]) → \(got) expected \(expected)") }
        }
        #expect(resolutions.count == 16)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test("cellToLatLng within 1e-9° and cellToBoundary with h3-py's vertex count, within 1e-9°")
    func centersAndBoundaries() throws {
        var bad: [String] = []
        for row in try H3Fixture.cells() {
            let cell = try H3Index(row.cell)
            let c = try H3.cellToLatLng(cell)
            if abs(c.latitude - row.lat) > 1e-9 || abs(c.longitude - row.lng) > 1e-9 {
                bad.append("centre \(row.cell): \(c) vs \(row.lat),\(row.lng)")
            }
            let b = try H3.cellToBoundary(cell)
            if b.count != row.boundary.count {
                bad.append("boundary count \(row.cell): \(b.count) vs \(row.boundary.count)")
                continue
            }
            for (p, q) in zip(b, row.boundary) where abs(p.latitude - q.0) > 1e-9 || abs(p.longitude - q.1) > 1e-9 {
                bad.append("vertex \(row.cell): \(p) vs \(q)")
            }
        }
        #expect(bad.isEmpty, "\(bad.count) problems, first: \(bad.prefix(5))")
    }
}
