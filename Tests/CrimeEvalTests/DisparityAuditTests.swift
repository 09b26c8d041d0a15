import CrimeCore
import Foundation
import CrimeEval
import Testing

@Suite("Deployment disparity audit")
struct DisparityAuditTests {
    @Test func pooledRatesByHand() throws {
        let audit = try DisparityAudit(areas: [
            DeploymentArea(name: "a", sightings: 2, coverage: 100, group: "low"),
            DeploymentArea(name: "b", sightings: 6, coverage: 100, group: "low"),
            DeploymentArea(name: "c", sightings: 3, coverage: 300, group: "high"),
        ])
        let rates = try audit.groupRates()
        #expect(rates.map(\.group) == ["high", "low"])
        #expect(rates.map(\.rate) == [0.01, 0.04])
        #expect(rates.map(\.areas) == [1, 2])
        let comparison = try #require(try audit.compare(to: "high", replicates: 200, seed: 3).first)
        #expect(comparison.group == "low")
        #expect(abs(comparison.ratio - 4) < 1e-12)
        #expect(abs(comparison.difference - 0.03) < 1e-12)
        // "high" has one area, so its replicates are all 0.01; "low" resamples {2/100, 6/100}: the
        // replicate rates lie in [0.02, 0.06].
        #expect(comparison.ratioLow >= 2 - 1e-12 && comparison.ratioHigh <= 6 + 1e-12)
    }

    /// 80 areas, group B policed at 1.5× group A's rate per unit of coverage: the interval holds 1.5
    /// and excludes 1.
    @Test func recoversAPlantedDisparity() throws {
        var rng = SeededGenerator(seed: 11)
        let areas = (0..<80).map { i -> DeploymentArea in
            let group = i % 2 == 0 ? "A" : "B"
            let coverage = 200 + 800 * rng.nextUniform()
            let rate = group == "A" ? 0.02 : 0.03
            return DeploymentArea(name: "area \(i)", sightings: Double(rng.nextPoisson(mean: rate * coverage)),
                                  coverage: coverage, group: group)
        }
        let audit = try DisparityAudit(areas: areas)
        let b = try #require(try audit.compare(to: "A", replicates: 1000, seed: 5).first)
        #expect(b.ratioLow < 1.5 && 1.5 < b.ratioHigh, "interval \(b.ratioLow)…\(b.ratioHigh)")
        #expect(b.ratioLow > 1)
        #expect(b.differenceLow > 0)
        #expect(try audit.compare(to: "A", replicates: 1000, seed: 5) == audit.compare(to: "A", replicates: 1000, seed: 5))
    }

    @Test func quantileGroupsKeepTiesTogether() throws {
        #expect(try DeploymentArea.quantileGroups([5, 1, 3, 3, 9, 7], count: 3) == ["Q2", "Q1", "Q1", "Q1", "Q3", "Q3"])
        #expect(throws: DisparityError.self) { try DeploymentArea.quantileGroups([1, .nan, 2], count: 2) }
    }

    @Test func badInputIsTyped() throws {
        #expect(throws: DisparityError.tooFewGroups(1)) {
            try DisparityAudit(areas: [DeploymentArea(name: "a", sightings: 1, coverage: 1, group: "x")])
        }
        #expect(throws: DisparityError.invalidValue(what: "coverage in b", value: -1)) {
            try DisparityAudit(areas: [DeploymentArea(name: "a", sightings: 1, coverage: 1, group: "x"),
                                       DeploymentArea(name: "b", sightings: 1, coverage: -1, group: "y")])
        }
        let audit = try DisparityAudit(areas: [DeploymentArea(name: "a", sightings: 1, coverage: 1, group: "x"),
                                               DeploymentArea(name: "b", sightings: 1, coverage: 0, group: "y")])
        #expect(throws: DisparityError.noCoverage(group: "y")) { try audit.groupRates() }
        #expect(throws: DisparityError.unknownGroup("z")) { try audit.compare(to: "z") }
    }
}

@Suite("Patrol plan exposure")
struct PatrolExposureTests {
    /// Six cells in two neighbourhoods; the plan takes the three busiest, two of them in "north".
    @Test func planBecomesDeploymentRates() throws {
        let expected: [Double] = [9, 8, 1, 7, 2, 3]
        let candidates = expected.enumerated().map { i, e in
            PatrolCandidate(cell: CellID(row: 0, column: i), label: "c\(i)",
                            center: GeoPoint(latitude: 41.8 + 0.01 * Double(i), longitude: -87.6), expected: e)
        }
        let plan = try PatrolPlanner().plan(candidates, budget: .cells(3))
        let areas = DeploymentArea.patrolExposure(plan: plan, candidates: candidates,
                                                  neighbourhood: { $0.column < 3 ? "north" : "south" },
                                                  group: { $0 == "north" ? "A" : "B" })
        #expect(areas.map(\.name) == ["north", "south"])
        #expect(areas.map(\.sightings) == [2, 1])
        #expect(areas.map(\.coverage) == [3, 3])
        let rates = try DisparityAudit(areas: areas).groupRates().map(\.rate)
        #expect(abs(rates[0] - 2.0 / 3) < 1e-12 && abs(rates[1] - 1.0 / 3) < 1e-12)
    }
}
