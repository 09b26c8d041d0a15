/// A histogram's bins: `edges` has one more entry than `counts` (numpy's `histogram` convention:
/// bin `k` is `[edges[k], edges[k + 1])`, and the last bin includes its upper edge).
public struct HistogramBins: Sendable, Hashable {
    /// The bin edges, ascending.
    public let edges: [Double]
    /// The number of values in each bin.
    public let counts: [Int]

    /// Bins from their edges and counts.
    public init(edges: [Double], counts: [Int]) {
        self.edges = edges
        self.counts = counts
    }
}
