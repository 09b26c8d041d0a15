/// Title, axis labels and size shared by the SVG charts.
public struct ChartFrame: Sendable, Equatable {
    /// Chart title, drawn above the plot.
    public var title: String
    /// Label under the x axis.
    public var xLabel: String
    /// Label beside the y axis.
    public var yLabel: String
    /// Width in pixels.
    public var width: Double
    /// Height in pixels.
    public var height: Double

    /// A frame; the defaults make a 640 × 400 chart.
    public init(title: String, xLabel: String = "", yLabel: String = "", width: Double = 640, height: Double = 400) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
    }

    /// The plot area inside the margins.
    var plot: (left: Double, top: Double, right: Double, bottom: Double) {
        (70, 44, width - 24, height - 56)
    }

    func validate() throws {
        guard width >= 200, height >= 150, width.isFinite, height.isFinite else {
            throw ChartError.badParameter(name: "size", reason: "must be at least 200 × 150 pixels, got \(width) × \(height)")
        }
    }

    /// Draws the title, axis lines, y ticks with grid lines, and the axis labels.
    func drawFrame(_ svg: inout SVGWriter, yAxis: ChartAxis) {
        let p = plot
        svg.text(title, width / 2, 26, size: 16, weight: "bold", cssClass: "title")
        for t in yAxis.ticks {
            let y = yAxis.scale(t, from: p.bottom, to: p.top)
            svg.line(p.left, y, p.right, y, stroke: "#e0e0e0")
            svg.line(p.left - 5, y, p.left, y, stroke: "#333")
            svg.text(ChartAxis.label(t), p.left - 8, y + 4, size: 11, anchor: "end", cssClass: "tick")
        }
        svg.line(p.left, p.bottom, p.right, p.bottom, stroke: "#333")
        svg.line(p.left, p.top, p.left, p.bottom, stroke: "#333")
        svg.text(xLabel, (p.left + p.right) / 2, height - 14, size: 12, cssClass: "axis-label")
        svg.text(yLabel, 18, (p.top + p.bottom) / 2, size: 12, rotate: -90, cssClass: "axis-label")
    }

    /// Draws numeric x ticks.
    func drawXTicks(_ svg: inout SVGWriter, xAxis: ChartAxis) {
        let p = plot
        for t in xAxis.ticks {
            let x = xAxis.scale(t, from: p.left, to: p.right)
            svg.line(x, p.bottom, x, p.bottom + 5, stroke: "#333")
            svg.text(ChartAxis.label(t), x, p.bottom + 18, size: 11, cssClass: "tick")
        }
    }
}

/// The colours series and bars are drawn in, in order (a colour-blind-safe palette, Okabe & Ito 2008).
let chartPalette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
