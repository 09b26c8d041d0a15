import Testing
import CrimeCore
@testable import CrimeGeo

@Suite("H3 batch latLngToCells and the fast-path pieces")
struct H3BatchTests {
    @Test("latLngToCells matches h3-py's fixture cells on 1, 2 and 3 threads")
    func batchMatchesFixture() throws {
        let rows = try H3Fixture.rows("points.csv")
        let lats = rows.map { Double($0[0])! }, lngs = rows.map { Double($0[1])! }
        let expected = try rows.map { try H3Index(String($0[2])) }
        // One resolution per call: the fixture's rows at resolution 9.
        let nine = expected.indices.filter { expected[$0].resolution == 9 }
        #expect(nine.count > 1000)
        for threads in [1, 2, 3] {
            var out = [UInt64](repeating: 0, count: nine.count)
            let la = nine.map { lats[$0] }, lo = nine.map { lngs[$0] }
            try la.withUnsafeBufferPointer { a in
                try lo.withUnsafeBufferPointer { b in
                    try out.withUnsafeMutableBufferPointer { o in
                        try H3.latLngToCells(latitudes: a, longitudes: b, resolution: 9, into: o, threads: threads)
                    }
                }
            }
            #expect(out == nine.map { expected[$0].rawValue })
        }
    }

    @Test("latLngToCells on 40,000 seeded points agrees with latLngToCell whatever the thread count")
    func batchAgreesWithSingle() throws {
        var rng = SeededGenerator(seed: 4)
        let n = 40_000
        let lats = (0..<n).map { _ in -90 + 180 * rng.nextUniform() }
        let lngs = (0..<n).map { _ in -180 + 360 * rng.nextUniform() }
        let single = try (0..<n).map {
            try H3.latLngToCell(latitude: lats[$0], longitude: lngs[$0], resolution: 15).rawValue
        }
        for threads in [1, 4] {
            var out = [UInt64](repeating: 0, count: n)
            try lats.withUnsafeBufferPointer { a in
                try lngs.withUnsafeBufferPointer { b in
                    try out.withUnsafeMutableBufferPointer { o in
                        try H3.latLngToCells(latitudes: a, longitudes: b, resolution: 15, into: o, threads: threads)
                    }
                }
            }
            #expect(out == single)
        }
    }

    @Test("a bad point anywhere in the batch throws and leaves the output untouched")
    func batchRejectsBadPoint() throws {
        let lats = [10.0, 20.0, 95.0], lngs = [0.0, 0.0, 0.0]
        var out = [UInt64](repeating: 0, count: 3)
        #expect(throws: H3Error.latitudeOutOfRange(95)) {
            try lats.withUnsafeBufferPointer { a in
                try lngs.withUnsafeBufferPointer { b in
                    try out.withUnsafeMutableBufferPointer { o in
                        try H3.latLngToCells(latitudes: a, longitudes: b, resolution: 5, into: o)
                    }
                }
            }
        }
        #expect(out == [0, 0, 0])
    }

    @Test("rotating all digits n times at once equals n single 60° turns")
    func bitParallelRotation() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let res = 1 + Int(rng.next() % 15)
            var h = H3Index.header(resolution: res, baseCell: Int(rng.next() % 122))
            for r in 1...res { h.setDigit(r, Int(rng.next() % 7)) }
            var turned = h
            for n in 0...5 {
                #expect(h.rotated60ccw(times: n) == turned)
                turned = turned.rotated60ccw()
            }
        }
    }

    @Test("the branch-free rounding of n/7 equals rounding half away from zero")
    func divideBy7() {
        for n in -5_000...5_000 {
            #expect(H3AxialStep.divideBy7Rounded(n) == Int((Double(n) / 7).rounded(.toNearestOrAwayFromZero)))
        }
        #expect(H3AxialStep.divideBy7Rounded(70_000_003) == 10_000_000)
        #expect(H3AxialStep.divideBy7Rounded(-70_000_004) == -10_000_001)
    }
}
