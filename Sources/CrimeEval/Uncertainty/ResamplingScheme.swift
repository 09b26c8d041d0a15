import CrimeCore

/// How a bootstrap draws a resample of `n` observations, and which units its jackknife leaves out.
public enum ResamplingScheme: Sendable, Equatable {
    /// Observations drawn independently with replacement (Efron's bootstrap); the jackknife leaves
    /// out one observation at a time.
    case independent
    /// The moving-block bootstrap for observations in time order (Künsch, 1989): blocks of
    /// `length` consecutive observations start at a uniform position in 0…n−length, ⌈n/length⌉
    /// blocks are joined and the result cut to n. The jackknife leaves out one of the ⌈n/length⌉
    /// consecutive non-overlapping blocks at a time.
    case movingBlock(length: Int)
    /// The cluster bootstrap: `groups[i]` names observation i's group (an area, a beat); whole
    /// groups are drawn with replacement, as many as there are groups, and every observation of
    /// a drawn group enters, so a resample's size varies. The jackknife leaves out one group at a time.
    case cluster(groups: [Int])

    /// Throws unless the scheme fits `count` observations.
    func validate(count n: Int) throws {
        guard n >= 1 else { throw MetricsError.empty(what: "bootstrap sample") }
        switch self {
        case .independent: break
        case let .movingBlock(length):
            guard length >= 1, length <= n else {
                throw MetricsError.badParameter(name: "block length", reason: "must lie in 1…\(n), got \(length)")
            }
        case let .cluster(groups):
            guard groups.count == n else { throw MetricsError.lengthMismatch(what: "groups", expected: n, got: groups.count) }
        }
    }

    /// The jackknife units: the observation indices of each unit.
    func units(count n: Int) -> [[Int]] {
        switch self {
        case .independent: return (0..<n).map { [$0] }
        case let .movingBlock(length):
            return stride(from: 0, to: n, by: length).map { Array($0..<min($0 + length, n)) }
        case let .cluster(groups):
            var members = [Int: [Int]]()
            for (i, g) in groups.enumerated() { members[g, default: []].append(i) }
            return members.keys.sorted().map { members[$0] ?? [] }
        }
    }

    /// One resample's indices into the original observations.
    func draw(count n: Int, units: [[Int]], generator: inout SeededGenerator) -> [Int] {
        switch self {
        case .independent:
            return (0..<n).map { _ in Int.random(in: 0..<n, using: &generator) }
        case let .movingBlock(length):
            let starts = n - length + 1
            var indices = [Int]()
            indices.reserveCapacity(n + length)
            while indices.count < n {
                let s = Int.random(in: 0..<starts, using: &generator)
                indices.append(contentsOf: s..<(s + length))
            }
            return Array(indices.prefix(n))
        case .cluster:
            var indices = [Int]()
            indices.reserveCapacity(n)
            for _ in 0..<units.count { indices.append(contentsOf: units[Int.random(in: 0..<units.count, using: &generator)]) }
            return indices
        }
    }
}
