import CrimeCore
import Dispatch

/// A group's pooled deployment rate.
public struct GroupRate: Sendable, Equatable {
    /// The group.
    public var group: String
    /// Areas in the group.
    public var areas: Int
    /// Total sightings.
    public var sightings: Double
    /// Total coverage.
    public var coverage: Double
    /// Sightings per unit of coverage, pooled over the group's areas.
    public var rate: Double
}

/// A group's rate against the reference group's, with bootstrap intervals.
public struct GroupComparison: Sendable, Equatable {
    /// The group.
    public var group: String
    /// Its pooled rate.
    public var rate: Double
    /// Rate divided by the reference group's rate, and its interval.
    public var ratio: Double, ratioLow: Double, ratioHigh: Double
    /// Rate minus the reference group's rate, and its interval.
    public var difference: Double, differenceLow: Double, differenceHigh: Double
}

/// The deployment-disparity audit: pooled observation rates per group and how they compare, with
/// confidence intervals from a cluster bootstrap over areas (areas are resampled with replacement
/// within each group, so every replicate keeps every group).
public struct DisparityAudit: Sendable {
    /// The areas audited.
    public let areas: [DeploymentArea]

    /// Checks the areas: finite, non-negative sightings and coverage, at least two groups.
    public init(areas: [DeploymentArea]) throws {
        for a in areas {
            guard a.sightings.isFinite, a.sightings >= 0 else { throw DisparityError.invalidValue(what: "sightings in \(a.name)", value: a.sightings) }
            guard a.coverage.isFinite, a.coverage >= 0 else { throw DisparityError.invalidValue(what: "coverage in \(a.name)", value: a.coverage) }
        }
        let groups = Set(areas.map(\.group))
        guard groups.count >= 2 else { throw DisparityError.tooFewGroups(groups.count) }
        self.areas = areas
    }

    /// The groups in sorted order.
    public var groups: [String] { Array(Set(areas.map(\.group))).sorted() }

    /// Pooled rate per group, in sorted group order.
    public func groupRates() throws -> [GroupRate] {
        try groups.map { g in
            let members = areas.filter { $0.group == g }
            let s = members.reduce(0) { $0 + $1.sightings }, c = members.reduce(0) { $0 + $1.coverage }
            guard c > 0 else { throw DisparityError.noCoverage(group: g) }
            return GroupRate(group: g, areas: members.count, sightings: s, coverage: c, rate: s / c)
        }
    }

    /// Every other group against `reference`: rate ratio and difference with percentile intervals
    /// from `replicates` cluster-bootstrap replicates. Seeded; the same seed gives the same intervals
    /// on any number of threads (replicate r draws from the generator split off at r).
    public func compare(to reference: String, replicates: Int = 2000, confidence: Double = 0.95,
                        seed: UInt64 = 1) throws -> [GroupComparison] {
        let names = groups
        guard let ref = names.firstIndex(of: reference) else { throw DisparityError.unknownGroup(reference) }
        guard replicates >= 10 else { throw DisparityError.invalidValue(what: "bootstrap replicates", value: Double(replicates)) }
        guard confidence > 0, confidence < 1 else { throw DisparityError.invalidValue(what: "confidence", value: confidence) }
        let point = try groupRates().map(\.rate)
        let members = names.map { g in areas.indices.filter { areas[$0].group == g } }
        let sightings = areas.map(\.sightings), coverage = areas.map(\.coverage)
        let g = names.count
        // rates[r * g + k]: group k's pooled rate in replicate r (NaN when the draw has no coverage).
        var rates = [Double](repeating: .nan, count: replicates * g)
        let root = SeededGenerator(seed: seed)
        rates.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let base = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: replicates) { r in
                var rng = root.split(r)
                for k in 0..<g {
                    let pool = members[k]
                    var s = 0.0, c = 0.0
                    for _ in pool.indices {
                        let i = pool[Int(rng.nextUniform() * Double(pool.count))]
                        s += sightings[i]
                        c += coverage[i]
                    }
                    base[r * g + k] = c > 0 ? s / c : .nan
                }
            }
        }
        func interval(_ values: [Double]) -> (Double, Double) {
            guard let ci = try? BootstrapInterval.percentile(replicates: values, level: confidence) else { return (.nan, .nan) }
            return (ci.lower, ci.upper)
        }
        return names.indices.filter { $0 != ref }.map { k in
            var ratios: [Double] = [], differences: [Double] = []
            for r in 0..<replicates {
                let a = rates[r * g + k], b = rates[r * g + ref]
                guard a.isFinite, b.isFinite else { continue }
                differences.append(a - b)
                if b > 0 { ratios.append(a / b) }
            }
            let ratio = point[ref] > 0 ? point[k] / point[ref] : .nan
            let (ratioLow, ratioHigh) = interval(ratios), (differenceLow, differenceHigh) = interval(differences)
            return GroupComparison(group: names[k], rate: point[k], ratio: ratio, ratioLow: ratioLow, ratioHigh: ratioHigh,
                                   difference: point[k] - point[ref],
                                   differenceLow: differenceLow, differenceHigh: differenceHigh)
        }
    }
}
