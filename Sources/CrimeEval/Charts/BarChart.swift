/// An SVG bar chart of labelled values (metric bars: MAE per model, hit rate per method).
public struct BarChart: Sendable {
    /// Title, labels and size.
    public var frame: ChartFrame
    /// Bar labels, left to right.
    public var labels: [String]
    /// Bar heights, parallel to `labels`; negative values hang below 0.
    public var values: [Double]

    /// A chart of labelled values.
    public init(frame: ChartFrame, labels: [String], values: [Double]) {
        self.frame = frame
        self.labels = labels
        self.values = values
    }

    /// The SVG document; each bar carries a `<title>` tooltip with its label and value.
    public func svg() throws -> String {
        try frame.validate()
        guard !values.isEmpty else { throw ChartError.empty(what: "bar values") }
        guard labels.count == values.count else { throw ChartError.lengthMismatch(what: "labels", expected: values.count, got: labels.count) }
        if let bad = values.firstIndex(where: { !$0.isFinite }) { throw ChartError.nonFinite(what: "bar values", index: bad) }
        let yAxis = ChartAxis(minimum: min(0, values.min() ?? 0), maximum: max(0, values.max() ?? 0))
        var svg = SVGWriter(width: frame.width, height: frame.height)
        frame.drawFrame(&svg, yAxis: yAxis)
        let p = frame.plot
        let slot = (p.right - p.left) / Double(values.count)
        let zero = yAxis.scale(0, from: p.bottom, to: p.top)
        for (k, v) in values.enumerated() {
            let y = yAxis.scale(v, from: p.bottom, to: p.top)
            let x = p.left + Double(k) * slot + slot * 0.15
            svg.rect(x, min(y, zero), slot * 0.7, abs(zero - y), fill: chartPalette[k % chartPalette.count],
                     title: "\(labels[k]): \(ChartAxis.label(v))")
            svg.text(labels[k], x + slot * 0.35, p.bottom + 18, size: 11, cssClass: "tick")
        }
        return svg.document()
    }
}
