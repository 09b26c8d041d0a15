import Testing
import CrimeCore
@testable import CrimeGeo

@Suite("H3 longitudes outside ±180 wrap as h3-py")
struct H3WrapTests {
    /// wrap.csv as (lat, lng, res, expected cell).
    private func points() throws -> [(lat: Double, lng: Double, res: Int, cell: H3Index)] {
        try H3Fixture.rows("wrap.csv").map { f in
            (Double(f[0])!, Double(f[1])!, Int(f[2])!, try H3Index(String(f[3])))
        }
    }

    @Test("latLngToCell is bit-exact for 3,550 points with longitudes in [-1000, 1000] at resolutions 0, 5, 8, 9, 15")
    func wrapBitExact() throws {
        let rows = try points()
        #expect(rows.count > 3_000)
        #expect(rows.filter { abs($0.lng) > 180 }.count > 2_500)
        #expect(Set(rows.map(\.res)) == [0, 5, 8, 9, 15])
        var mismatches: [String] = []
        for r in rows {
            let got = try H3.latLngToCell(latitude: r.lat, longitude: r.lng, resolution: r.res)
            if got != r.cell { mismatches.append("\(r.lat),\(r.lng),\(r.res) → \(got) expected \(r.cell)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test("latLngToCells and H3Grid.cell(containing:) give the same wrapped cells")
    func batchAndGrid() throws {
        let nine = try points().filter { $0.res == 9 }
        var out = [UInt64](repeating: 0, count: nine.count)
        let lats = nine.map(\.lat), lngs = nine.map(\.lng)
        try lats.withUnsafeBufferPointer { a in
            try lngs.withUnsafeBufferPointer { b in
                try out.withUnsafeMutableBufferPointer { o in
                    try H3.latLngToCells(latitudes: a, longitudes: b, resolution: 9, into: o, threads: 2)
                }
            }
        }
        #expect(out == nine.map(\.cell.rawValue))
        let grid = try H3Grid(resolution: 9)
        #expect(nine.map { grid.cell(containing: GeoPoint(latitude: $0.lat, longitude: $0.lng))?.rawValue }
                == nine.map(\.cell.rawValue))
    }

    @Test("Non-finite longitudes stay errors")
    func nonFinite() {
        #expect(throws: H3Error.longitudeOutOfRange(.infinity)) {
            try H3.latLngToCell(latitude: 0, longitude: .infinity, resolution: 5)
        }
        #expect(throws: H3Error.self) { try H3.latLngToCell(latitude: 0, longitude: .nan, resolution: 5) }
        let grid = try? H3Grid(resolution: 5)
        #expect(grid?.cell(containing: GeoPoint(latitude: 0, longitude: -.infinity)) == nil)
    }
}
