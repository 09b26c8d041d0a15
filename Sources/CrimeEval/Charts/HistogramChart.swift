/// An SVG histogram (residuals): equal-width bins over the data's range.
public struct HistogramChart: Sendable {
    /// Title, labels and size.
    public var frame: ChartFrame
    /// The values to count.
    public var values: [Double]
    /// Number of bins.
    public var bins: Int

    /// A histogram of `values` in `bins` bins.
    public init(frame: ChartFrame, values: [Double], bins: Int = 20) {
        self.frame = frame
        self.values = values
        self.bins = bins
    }

    /// The bin edges and the count in each bin.
    public func counts() throws -> HistogramBins {
        guard !values.isEmpty else { throw ChartError.empty(what: "histogram values") }
        guard bins >= 1 else { throw ChartError.badParameter(name: "bins", reason: "must be at least 1, got \(bins)") }
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw ChartError.nonFinite(what: "histogram values", index: bad) }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if lo == hi {
            lo -= 0.5
            hi += 0.5
        }
        let width = (hi - lo) / Double(bins)
        let edges = (0...bins).map { $0 == bins ? hi : lo + Double($0) * width }
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(Int((v - lo) / width), bins - 1)] += 1 }
        return HistogramBins(edges: edges, counts: counts)
    }

    /// The SVG document; each bar carries a `<title>` with its bin and count.
    public func svg() throws -> String {
        try frame.validate()
        let binned = try counts()
        let edges = binned.edges, counts = binned.counts
        let xAxis = ChartAxis(minimum: edges[0], maximum: edges[edges.count - 1])
        let yAxis = ChartAxis(minimum: 0, maximum: Double(counts.max() ?? 1))
        var svg = SVGWriter(width: frame.width, height: frame.height)
        frame.drawFrame(&svg, yAxis: yAxis)
        frame.drawXTicks(&svg, xAxis: xAxis)
        let p = frame.plot
        for (k, c) in counts.enumerated() {
            let x0 = xAxis.scale(edges[k], from: p.left, to: p.right), x1 = xAxis.scale(edges[k + 1], from: p.left, to: p.right)
            let y = yAxis.scale(Double(c), from: p.bottom, to: p.top)
            svg.rect(x0, y, x1 - x0 - 1, p.bottom - y, fill: chartPalette[0],
                     title: "[\(ChartAxis.label(edges[k])), \(ChartAxis.label(edges[k + 1]))): \(c)")
        }
        return svg.document()
    }
}
