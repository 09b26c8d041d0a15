import CrimeCore
import CrimeForecast
import CrimeTestSupport
import Foundation
import Testing
@testable import CrimeSynthetic

/// The pieces of the oracle's cascade against scipy (Tests/Fixtures/synthetic/make_oracle_fixture.py):
/// Erlang laws, the sub-cell displacement kernel, all-generation totals from the renewal equation, and
/// generation fields against normal box masses.
@Suite struct OracleCascadeTests {
    struct Fixture: Decodable {
        struct Erlang: Decodable { let n: Int; let x, cdf, integral: Double }
        struct Kernel: Decodable { let sigma, step: Double; let d: Int; let probability: Double }
        struct Past: Decodable { let alpha, tau, from, to, expected: Double }
        struct Immigrants: Decodable {
            let alpha, tau, source_from, source_to, from, to, expected: Double
        }
        struct Spread: Decodable { let sigma, x, y: Double; let generation: Int; let x0, x1, y0, y1, mass: Double }
        let erlang: [Erlang]
        let kernel: [Kernel]
        let past: [Past]
        let immigrants: [Immigrants]
        let spread: [Spread]
    }

    private let fixture: Fixture

    init() throws { fixture = try Fixtures.json(Fixture.self, "synthetic", "oracle_fixture.json") }

    @Test func erlangLawsMatchScipy() {
        for c in fixture.erlang {
            let sums = ErlangSums(x: c.x, generations: c.n + 2)
            #expect(abs(sums.cdf[c.n] - c.cdf) <= 1e-12 * c.cdf + 1e-300, "cdf n=\(c.n) x=\(c.x): \(sums.cdf[c.n]) vs \(c.cdf)")
            #expect(abs(sums.integral[c.n] - c.integral) <= 1e-11 * c.integral + 1e-300,
                    "integral n=\(c.n) x=\(c.x): \(sums.integral[c.n]) vs \(c.integral)")
        }
        let none = ErlangSums(x: -1, generations: 3)
        #expect(none.cdf.allSatisfy { $0 == 0 } && none.integral.allSatisfy { $0 == 0 })
    }

    @Test func displacementKernelMatchesScipy() {
        for c in fixture.kernel {
            let grid = OracleGrid(rasterSize: 10, cellSide: c.step, perCell: 1)
            let kernel = grid.displacementKernel(spread: c.sigma)
            let reach = kernel.count / 2
            guard abs(c.d) <= reach else { continue }
            let got = kernel[c.d + reach]
            #expect(abs(got - c.probability) <= 1e-10 * c.probability + 1e-16, "σ \(c.sigma), d \(c.d): \(got) vs \(c.probability)")
        }
    }

    @Test func allGenerationsMatchTheRenewalEquation() {
        for c in fixture.past {
            let timing = CascadeTiming(origin: 0, boundaries: [Int64(c.from), Int64(c.to)], end: .max, branching: c.alpha, tau: c.tau,
                                       generations: OracleForecaster.timeGenerations(c.alpha, delay: c.to / c.tau))
            let factors = timing.past()
            let total = weighted(factors, alpha: c.alpha)
            #expect(abs(total - c.expected) <= 1e-8 * c.expected, "past α \(c.alpha) [\(c.from), \(c.to)): \(total) vs \(c.expected)")
        }
        for c in fixture.immigrants {
            let timing = CascadeTiming(origin: 0, boundaries: [Int64(c.from), Int64(c.to)], end: .max, branching: c.alpha, tau: c.tau,
                                       generations: OracleForecaster.timeGenerations(c.alpha, delay: c.to / c.tau))
            let total = weighted(timing.immigrants(from: c.source_from, to: c.source_to), alpha: c.alpha)
            #expect(abs(total - c.expected) <= 1e-8 * c.expected, "immigrants α \(c.alpha): \(total) vs \(c.expected)")
        }
    }

    /// Σₙ αⁿ factorsₙ for a one-window table.
    private func weighted(_ factors: [Double], alpha: Double) -> Double {
        var power = 1.0, total = 0.0
        for f in factors {
            power *= alpha
            total += power * f
        }
        return total
    }

    /// One event's generations on the fine raster against the normal of n spreads²: generation 1 is
    /// exact; later ones carry each sub-cell's mass as if even over the sub-cell, with the kernel's
    /// variance narrowed to make up for it, which leaves a few parts in a million.
    @Test func generationFieldsMatchNormalBoxMasses() throws {
        var config = SyntheticCityConfig()
        config.rasterSize = 40
        config.cellSide = 200
        config.offspringSpread = fixture.spread[0].sigma
        config.days = 1
        let city = try SyntheticCity(config: config)
        let frame = SyntheticMetricFrame(city)
        let boxes = Set(fixture.spread.map { [$0.x0, $0.x1, $0.y0, $0.y1] }).sorted { $0.lexicographicallyPrecedes($1) }
        let grid = OracleGrid(city: city)
        // Boxes as cells: rings from the metric frame back to latitude/longitude.
        let rings = boxes.map { b in
            [(b[0], b[2]), (b[1], b[2]), (b[1], b[3]), (b[0], b[3])].map { (x, y) in
                GeoPoint(latitude: city.config.center.latitude + y / frame.metresPerDegreeNorth,
                         longitude: city.config.center.longitude + x / frame.metresPerDegreeEast)
            }
        }
        let cells = try ForecastCells(index: BoxIndex(rings: rings), cells: rings.indices.map { CellID(UInt64($0)) })
        let coverage = OracleCoverage(cells: cells, grid: grid, frame: frame)
        let fields = CascadeFields.events(x: [fixture.spread[0].x], y: [fixture.spread[0].y], weight: [1], spread: config.offspringSpread,
                                          grid: grid, coverage: coverage, kernel: grid.generationKernel(spread: config.offspringSpread),
                                          last: 5)
        for c in fixture.spread {
            let k = try #require(boxes.firstIndex(of: [c.x0, c.x1, c.y0, c.y1]))
            let got = fields.share(generation: c.generation)[k]
            let tolerance = c.generation == 1 ? 1e-9 : 2e-5
            #expect(abs(got - c.mass) <= tolerance * c.mass, "generation \(c.generation), box \(k): \(got) vs \(c.mass)")
        }
    }
}

/// Cells given as rings (latitude/longitude), for tests that need cells of a chosen shape.
struct BoxIndex: SpatialIndex {
    let rings: [[GeoPoint]]
    func cell(containing point: GeoPoint) -> CellID? { nil }
    func boundary(of cell: CellID) throws -> [GeoPoint] { rings[Int(cell.rawValue)] }
    func center(of cell: CellID) throws -> GeoPoint {
        let ring = rings[Int(cell.rawValue)]
        return GeoPoint(latitude: ring.map(\.latitude).reduce(0, +) / Double(ring.count),
                        longitude: ring.map(\.longitude).reduce(0, +) / Double(ring.count))
    }
    func label(of cell: CellID) -> String { "ring\(cell.rawValue)" }
    func cells(covering box: BoundingBox) throws -> [CellID] { rings.indices.map { CellID(UInt64($0)) } }
    func neighbors(of cell: CellID) throws -> [CellID] { [] }
}
