/// Picking a class from a row of probabilities.
enum ClassVote {
    /// The index of the largest value; the first one on ties (as numpy's `argmax`).
    static func argmax<C: Collection>(_ row: C) -> Int where C.Element == Double {
        var best = 0, bestValue = -Double.infinity
        for (k, v) in row.enumerated() where v > bestValue {
            best = k
            bestValue = v
        }
        return best
    }
}
