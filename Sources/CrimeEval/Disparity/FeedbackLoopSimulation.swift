import CrimeCore

/// The runaway feedback loop of predictive policing (Ensign et al., 2018, "Runaway Feedback Loops
/// in Predictive Policing"), as a seeded simulation.
///
/// Areas have true crime rates. Each round the police allocate patrol units by what has been
/// *recorded* so far; crime is recorded in two ways: discovered by patrols (more patrols in an area,
/// more of its crime discovered) and reported by residents (independent of patrols). The recorded
/// counts feed the next round's allocation. When discovery depends on patrols, allocation drifts
/// away from the true rates towards the area that was favoured at the start.
public struct FeedbackLoopSimulation: Sendable {
    /// How recorded history turns into patrols.
    public enum Policy: Sendable, Equatable {
        /// Each unit goes to an area drawn with probability proportional to its recorded count
        /// (the Pólya-urn model of the paper).
        case proportional
        /// Units go, one each, to the areas with the most recorded crime (ties: lower index).
        case hottest
    }

    /// What the forecast counts.
    public enum Evidence: Sendable, Equatable {
        /// Everything recorded: discoveries and reports (the loop).
        case allRecorded
        /// Resident reports only, which do not depend on where patrols were (the loop broken).
        case reportsOnly
    }

    /// True expected incidents per round in each area.
    public var trueRates: [Double]
    /// Recorded counts before the first round (the history that favours some areas).
    public var initialCounts: [Double]
    /// Patrol units per round.
    public var patrolUnits: Int
    /// Share of an area's incidents one patrol unit discovers (capped at all of them).
    public var discoveryPerUnit: Double
    /// Share of every area's incidents residents report, patrols or not.
    public var reportingRate: Double
    /// The allocation policy.
    public var policy: Policy
    /// What the allocation counts.
    public var evidence: Evidence

    /// Creates a simulation.
    public init(trueRates: [Double], initialCounts: [Double], patrolUnits: Int, discoveryPerUnit: Double,
                reportingRate: Double, policy: Policy = .proportional, evidence: Evidence = .allRecorded) {
        self.trueRates = trueRates
        self.initialCounts = initialCounts
        self.patrolUnits = patrolUnits
        self.discoveryPerUnit = discoveryPerUnit
        self.reportingRate = reportingRate
        self.policy = policy
        self.evidence = evidence
    }

    /// Runs `rounds` rounds with a seed; the same seed gives the same history.
    public func run(rounds: Int, seed: UInt64) throws -> FeedbackLoopHistory {
        let n = trueRates.count
        guard n >= 2 else { throw DisparityError.tooFewGroups(n) }
        guard initialCounts.count == n else {
            throw DisparityError.lengthMismatch(what: "initial counts", expected: n, got: initialCounts.count)
        }
        for (i, r) in trueRates.enumerated() where !(r.isFinite && r >= 0) {
            throw DisparityError.invalidValue(what: "true rate of area \(i)", value: r)
        }
        for (i, c) in initialCounts.enumerated() where !(c.isFinite && c >= 0) {
            throw DisparityError.invalidValue(what: "initial count of area \(i)", value: c)
        }
        guard patrolUnits > 0, rounds > 0 else {
            throw DisparityError.invalidValue(what: "patrol units and rounds", value: Double(min(patrolUnits, rounds)))
        }
        guard (0...1).contains(discoveryPerUnit), (0...1).contains(reportingRate) else {
            throw DisparityError.invalidValue(what: "discovery and reporting rates", value: max(discoveryPerUnit, reportingRate))
        }
        var rng = SeededGenerator(seed: seed)
        var evidenceCounts = initialCounts
        var recordedTotals = initialCounts
        var allocations: [[Double]] = []
        for _ in 0..<rounds {
            let units = allocate(evidenceCounts, &rng)
            allocations.append(units.map { Double($0) / Double(patrolUnits) })
            for i in 0..<n {
                let discovered = rng.nextPoisson(mean: trueRates[i] * min(1, discoveryPerUnit * Double(units[i])))
                let reported = rng.nextPoisson(mean: trueRates[i] * reportingRate)
                recordedTotals[i] += Double(discovered + reported)
                evidenceCounts[i] += Double(evidence == .allRecorded ? discovered + reported : reported)
            }
        }
        let total = trueRates.reduce(0, +)
        return FeedbackLoopHistory(trueShares: trueRates.map { total > 0 ? $0 / total : 1 / Double(n) },
                                   allocationShares: allocations, recorded: recordedTotals)
    }

    /// Patrol units per area for one round.
    private func allocate(_ counts: [Double], _ rng: inout SeededGenerator) -> [Int] {
        var units = [Int](repeating: 0, count: counts.count)
        switch policy {
        case .hottest:
            let order = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            for k in 0..<patrolUnits { units[order[k % order.count]] += 1 }
        case .proportional:
            let total = counts.reduce(0, +)
            for _ in 0..<patrolUnits {
                guard total > 0 else {
                    units[min(counts.count - 1, Int(rng.nextUniform() * Double(counts.count)))] += 1
                    continue
                }
                var target = rng.nextUniform() * total
                var chosen = counts.count - 1
                for (i, c) in counts.enumerated() {
                    if target < c { chosen = i; break }
                    target -= c
                }
                units[chosen] += 1
            }
        }
        return units
    }
}

/// What a feedback-loop simulation produced.
public struct FeedbackLoopHistory: Sendable, Equatable {
    /// Each area's share of the true rate.
    public var trueShares: [Double]
    /// Per round, each area's share of the patrol units.
    public var allocationShares: [[Double]]
    /// Recorded incidents per area at the end, initial counts included.
    public var recorded: [Double]

    /// Each area's mean allocation share over the last `rounds` rounds.
    public func meanAllocation(lastRounds rounds: Int) -> [Double] {
        let tail = allocationShares.suffix(max(1, rounds))
        return trueShares.indices.map { i in tail.reduce(0) { $0 + $1[i] } / Double(tail.count) }
    }

    /// Total variation distance between the mean allocation of the last rounds and the true shares:
    /// 0 when patrols follow the true rates, 1 when they go entirely where there is no crime.
    public func drift(lastRounds rounds: Int) -> Double {
        let mean = meanAllocation(lastRounds: rounds)
        return zip(mean, trueShares).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }
}
