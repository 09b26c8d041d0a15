import CrimeEval
import Testing

@Suite("Feedback-loop simulation (Ensign et al., 2018)")
struct FeedbackLoopTests {
    /// Winner-take-all patrols: area 0 starts favoured although area 1 has more crime. When patrols
    /// discover the crime that is recorded, area 0 keeps every patrol; counting resident reports
    /// only, the patrols move to area 1, where the crime is.
    @Test func hottestPolicyLocksOntoTheFavouredArea() throws {
        var sim = FeedbackLoopSimulation(trueRates: [4, 5], initialCounts: [12, 10], patrolUnits: 1,
                                         discoveryPerUnit: 1, reportingRate: 0.1, policy: .hottest)
        let loop = try sim.run(rounds: 400, seed: 7)
        #expect(loop.meanAllocation(lastRounds: 100) == [1, 0])
        #expect(abs(loop.drift(lastRounds: 100) - 5.0 / 9) < 1e-12)
        sim.evidence = .reportsOnly
        let broken = try sim.run(rounds: 400, seed: 7)
        #expect(broken.meanAllocation(lastRounds: 100) == [0, 1])
    }

    /// The urn model: equal true rates, a 3 : 1 head start. Allocation is a martingale that keeps
    /// the head start on average instead of moving to the true 1 : 1; counting reports only, the
    /// head start washes out.
    @Test func proportionalPolicyKeepsTheHeadStart() throws {
        var loopShare = 0.0, reportShare = 0.0
        let seeds: [UInt64] = Array(1...40)
        for seed in seeds {
            var sim = FeedbackLoopSimulation(trueRates: [5, 5], initialCounts: [30, 10], patrolUnits: 4,
                                             discoveryPerUnit: 0.25, reportingRate: 0, policy: .proportional)
            loopShare += try sim.run(rounds: 300, seed: seed).meanAllocation(lastRounds: 50)[0]
            sim.reportingRate = 0.5
            sim.evidence = .reportsOnly
            reportShare += try sim.run(rounds: 300, seed: seed).meanAllocation(lastRounds: 50)[0]
        }
        loopShare /= Double(seeds.count)
        reportShare /= Double(seeds.count)
        #expect(abs(loopShare - 0.75) < 0.08, "mean share of the favoured area with the loop: \(loopShare)")
        #expect(abs(reportShare - 0.5) < 0.05, "mean share counting reports only: \(reportShare)")
    }

    @Test func sameSeedSameHistory() throws {
        let sim = FeedbackLoopSimulation(trueRates: [1, 2, 3], initialCounts: [1, 1, 1], patrolUnits: 3,
                                         discoveryPerUnit: 0.3, reportingRate: 0.2)
        #expect(try sim.run(rounds: 50, seed: 3) == sim.run(rounds: 50, seed: 3))
        #expect(try sim.run(rounds: 50, seed: 3) != sim.run(rounds: 50, seed: 4))
    }

    @Test func badInputIsTyped() {
        #expect(throws: DisparityError.tooFewGroups(1)) {
            try FeedbackLoopSimulation(trueRates: [1], initialCounts: [1], patrolUnits: 1, discoveryPerUnit: 1,
                                       reportingRate: 0).run(rounds: 1, seed: 1)
        }
        #expect(throws: DisparityError.lengthMismatch(what: "initial counts", expected: 2, got: 3)) {
            try FeedbackLoopSimulation(trueRates: [1, 2], initialCounts: [1, 1, 1], patrolUnits: 1,
                                       discoveryPerUnit: 1, reportingRate: 0).run(rounds: 1, seed: 1)
        }
        #expect(throws: DisparityError.self) {
            try FeedbackLoopSimulation(trueRates: [1, .nan], initialCounts: [1, 1], patrolUnits: 1,
                                       discoveryPerUnit: 1, reportingRate: 0).run(rounds: 1, seed: 1)
        }
    }
}
