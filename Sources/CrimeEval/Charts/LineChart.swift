/// An SVG line chart of one or more series (loss curves, hit-rate and PAI curves).
public struct LineChart: Sendable {
    /// One named line.
    public struct Series: Sendable, Equatable {
        /// Legend name.
        public var name: String
        /// x values.
        public var x: [Double]
        /// y values, parallel to `x`.
        public var y: [Double]

        /// A series from paired values.
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name
            self.x = x
            self.y = y
        }

        /// A series over 0, 1, 2, … (e.g. a loss per epoch).
        public init(name: String, y: [Double]) {
            self.init(name: name, x: y.indices.map(Double.init), y: y)
        }
    }

    /// Title, labels and size.
    public var frame: ChartFrame
    /// The lines, drawn in palette order.
    public var series: [Series]

    /// A chart of the series.
    public init(frame: ChartFrame, series: [Series]) {
        self.frame = frame
        self.series = series
    }

    /// The SVG document. Throws for no series, an empty or mismatched series, or non-finite values.
    public func svg() throws -> String {
        try frame.validate()
        guard !series.isEmpty else { throw ChartError.empty(what: "series list") }
        for s in series {
            guard !s.x.isEmpty else { throw ChartError.empty(what: "series \(s.name)") }
            guard s.y.count == s.x.count else { throw ChartError.lengthMismatch(what: "y of series \(s.name)", expected: s.x.count, got: s.y.count) }
            for (name, v) in [("x", s.x), ("y", s.y)] {
                if let bad = v.firstIndex(where: { !$0.isFinite }) { throw ChartError.nonFinite(what: "\(name) of series \(s.name)", index: bad) }
            }
        }
        let xs = series.flatMap(\.x), ys = series.flatMap(\.y)
        let xAxis = ChartAxis(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1)
        let yAxis = ChartAxis(minimum: ys.min() ?? 0, maximum: ys.max() ?? 1)
        var svg = SVGWriter(width: frame.width, height: frame.height)
        frame.drawFrame(&svg, yAxis: yAxis)
        frame.drawXTicks(&svg, xAxis: xAxis)
        let p = frame.plot
        for (k, s) in series.enumerated() {
            svg.polyline(zip(s.x, s.y).map { (xAxis.scale($0.0, from: p.left, to: p.right), yAxis.scale($0.1, from: p.bottom, to: p.top)) },
                         stroke: chartPalette[k % chartPalette.count])
        }
        svg.rect(p.right - 136, p.top - 6, 134, Double(series.count) * 16 + 6, fill: "white", opacity: 0.85)
        for (k, s) in series.enumerated() {
            let ly = p.top + 4 + Double(k) * 16
            svg.line(p.right - 130, ly, p.right - 110, ly, stroke: chartPalette[k % chartPalette.count], width: 3)
            svg.text(s.name, p.right - 104, ly + 4, size: 11, anchor: "start", cssClass: "legend")
        }
        return svg.document()
    }
}
