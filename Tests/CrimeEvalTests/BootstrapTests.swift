import CrimeTestSupport
import Foundation
import Testing
import CrimeCore
import CrimeEval

private struct BootstrapFixture: Decodable {
    struct Case: Decodable {
        let statistic: String, level: Double
        let data: [Double], replicates: [Double]
        let acceleration: Double, bca: [Double], percentile: [Double]
    }
    let cases: [Case]
}

private func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
private func populationSD(_ x: [Double]) -> Double {
    let m = mean(x)
    return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count)).squareRoot()
}

@Suite struct BootstrapTests {
    /// Same replicate values as scipy, our own jackknife: the bounds must agree with scipy's BCa code.
    @Test func intervalsMatchScipy() throws {
        let fixture = try Fixtures.json(BootstrapFixture.self, "metrics", "bootstrap_fixture.json")
        for c in fixture.cases {
            let f: ([Double]) -> Double = c.statistic == "mean" ? { mean($0) } : { populationSD($0) }
            var jackknife = [Double]()
            for i in c.data.indices {
                var rest = c.data
                rest.remove(at: i)
                jackknife.append(f(rest))
            }
            let bca = try BootstrapInterval.bca(estimate: f(c.data), replicates: c.replicates, jackknife: jackknife, level: c.level)
            let pct = try BootstrapInterval.percentile(replicates: c.replicates, level: c.level)
            #expect(abs(bca.lower - c.bca[0]) <= 1e-9 && abs(bca.upper - c.bca[1]) <= 1e-9)
            #expect(abs(pct.lower - c.percentile[0]) <= 1e-12 && abs(pct.upper - c.percentile[1]) <= 1e-12)
        }
    }

    @Test func normalQuantileInvertsCDF() {
        for p in [1e-300, 1e-12, 0.001, 0.02425, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999999] {
            let x = NormalDistribution.quantile(p)
            #expect(abs(NormalDistribution.cdf(x) / p - 1) < 1e-13)
        }
        // scipy.special.ndtri(0.975) = 1.959963984540054
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-14)
    }

    @Test func sameResultOnOneOrManyThreadsAndIndicesAreExported() throws {
        let data = (0..<200).map { sin(Double($0)) * 3 + Double($0 % 7) }
        let statistic: @Sendable ([Int]) -> Double = { idx in idx.reduce(0) { $0 + data[$1] } / Double(idx.count) }
        for scheme in [ResamplingScheme.independent, .movingBlock(length: 10), .cluster(groups: data.indices.map { $0 % 13 })] {
            let one = try Bootstrap(replicates: 300, seed: 42, scheme: scheme, workers: 1).run(count: data.count, statistic: statistic)
            let many = try Bootstrap(replicates: 300, seed: 42, scheme: scheme, workers: 4).run(count: data.count, statistic: statistic)
            #expect(one == many)
            let other = try Bootstrap(replicates: 300, seed: 43, scheme: scheme).run(count: data.count, statistic: statistic)
            #expect(other.replicates != one.replicates)
            let idx = try Bootstrap(replicates: 300, seed: 42, scheme: scheme).resampleIndices(count: data.count, replicate: 17)
            #expect(statistic(idx) == one.replicates[17])
            let ci = try one.bcaInterval()
            #expect(ci.lower < one.estimate && one.estimate < ci.upper)
        }
    }

    @Test func schemesDrawWholeBlocksAndGroups() throws {
        let blocks = try Bootstrap(seed: 3, scheme: .movingBlock(length: 5)).resampleIndices(count: 23, replicate: 0)
        #expect(blocks.count == 23)
        for start in stride(from: 0, to: 20, by: 5) {   // each block of 5 is consecutive
            for k in 1..<5 { #expect(blocks[start + k] == blocks[start] + k) }
        }
        let groups = (0..<30).map { $0 / 3 }               // ten groups of three
        let drawn = try Bootstrap(seed: 3, scheme: .cluster(groups: groups)).resampleIndices(count: 30, replicate: 4)
        #expect(drawn.count == 30)
        for k in stride(from: 0, to: 30, by: 3) { #expect(drawn[k] % 3 == 0 && drawn[k + 1] == drawn[k] + 1 && drawn[k + 2] == drawn[k] + 2) }
        // Cluster jackknife leaves out whole groups: ten values.
        let r = try Bootstrap(replicates: 50, scheme: .cluster(groups: groups)).run(count: 30) { Double($0.count) }
        #expect(r.jackknife == Array(repeating: 27, count: 10))
    }

    /// The percentile interval of a mean of 400 N(0,1)-like values is about ±1.96/20 wide.
    @Test func percentileWidthIsPlausible() throws {
        var g = SeededGenerator(seed: 9)
        let data = (0..<400).map { _ in NormalDistribution.quantile(g.nextUniform()) }
        let r = try Bootstrap(replicates: 2000, seed: 1).run(count: 400) { idx in idx.reduce(0) { $0 + data[$1] } / Double(idx.count) }
        let ci = try r.percentileInterval()
        #expect(abs((ci.upper - ci.lower) / 2 - 1.96 / 20) < 0.02)
    }

    @Test func badInputs() {
        #expect(throws: MetricsError.self) { try BootstrapInterval.percentile(replicates: [1, 2], level: 1) }
        #expect(throws: MetricsError.self) { try BootstrapInterval.bca(estimate: 1, replicates: [1, 2, 3], jackknife: [2, 2, 2], level: 0.9) }
        #expect(throws: MetricsError.self) { try Bootstrap(scheme: .movingBlock(length: 0)).run(count: 5) { _ in 0 } }
        #expect(throws: MetricsError.self) { try Bootstrap(scheme: .cluster(groups: [1, 2])).run(count: 5) { _ in 0 } }
        #expect(throws: MetricsError.self) { try Bootstrap(replicates: 1).run(count: 5) { _ in 0 } }
        #expect(throws: MetricsError.self) { try Bootstrap().run(count: 0) { _ in 0 } }
    }
}
