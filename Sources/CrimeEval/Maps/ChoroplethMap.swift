import CrimeCore
import Foundation

/// An SVG choropleth of cells or polygons: each area shaded by a value, with a title, a colour
/// legend, a scale bar, a tooltip per area and optional outlined (highlighted) areas.
///
/// Every area is a `<path class="area">` carrying `data-label` and `data-value` attributes, which
/// ``HTMLReport`` uses to show an area's values on hover.
public struct ChoroplethMap: Sendable {
    /// One shaded area.
    public struct Area: Sendable {
        /// The name shown in tooltips.
        public var label: String
        /// Outer ring first, then holes, in latitude/longitude.
        public var rings: [[GeoPoint]]
        /// The shaded value; nil areas are drawn grey.
        public var value: Double?
        /// Further lines for the tooltip, as name/value pairs.
        public var details: [(String, String)]
        /// Drawn with a heavy outline (patrol zones, the worst-predicted cells).
        public var highlighted: Bool

        /// Creates an area.
        public init(label: String, rings: [[GeoPoint]], value: Double?,
                    details: [(String, String)] = [], highlighted: Bool = false) {
            self.label = label
            self.rings = rings
            self.value = value
            self.details = details
            self.highlighted = highlighted
        }
    }

    /// The map's heading.
    public var title: String
    /// What the colours measure ("expected incidents", "residual").
    public var legendTitle: String
    /// How values become colours.
    public var ramp: ColorRamp
    /// The areas, drawn in order.
    public var areas: [Area]
    /// The width of the map itself in pixels (the legend is added to the right).
    public var width: Double

    /// Creates a map from areas.
    public init(title: String, legendTitle: String, ramp: ColorRamp = .sequential,
                areas: [Area], width: Double = 640) {
        self.title = title
        self.legendTitle = legendTitle
        self.ramp = ramp
        self.areas = areas
        self.width = width
    }

    /// A map of `values[i]` over `cells[i]` of a spatial index; `highlighted` cells get an outline.
    public init(index: some SpatialIndex, cells: [CellID], values: [Double], title: String,
                legendTitle: String, ramp: ColorRamp = .sequential, highlighted: Set<CellID> = [],
                width: Double = 640) throws {
        guard cells.count == values.count else {
            throw ReportError.lengthMismatch(what: "map values", expected: cells.count, got: values.count)
        }
        let areas = try cells.enumerated().map { i, cell in
            Area(label: index.label(of: cell), rings: [try index.boundary(of: cell)],
                 value: values[i].isFinite ? values[i] : nil, highlighted: highlighted.contains(cell))
        }
        self.init(title: title, legendTitle: legendTitle, ramp: ramp, areas: areas, width: width)
    }

    /// The map as a standalone SVG document.
    public func svg() -> String {
        let frame = MapFrame(points: areas.flatMap { $0.rings.flatMap { $0 } }, width: width)
        let values = areas.compactMap(\.value)
        let (low, high) = ramp.legendRange(low: values.min() ?? 0, high: values.max() ?? 1)
        var body = ""
        for area in areas {
            let fill = area.value.map { ramp.color($0, low: low, high: high) } ?? "#d9d9d9"
            let valueText = area.value.map(displayNumber) ?? "no data"
            var tooltip = "\(area.label): \(valueText)"
            for (name, value) in area.details { tooltip += "\n\(name): \(value)" }
            let details = area.details.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
            body += "<path class=\"area\" d=\"\(frame.path(area.rings))\" fill=\"\(fill)\" fill-rule=\"evenodd\""
                + " stroke=\"#ffffff\" stroke-width=\"0.5\" data-label=\"\(xmlEscaped(area.label))\""
                + " data-value=\"\(xmlEscaped(valueText))\" data-details=\"\(xmlEscaped(details))\">"
                + "<title>\(xmlEscaped(tooltip))</title></path>\n"
        }
        for area in areas where area.highlighted {
            body += "<path d=\"\(frame.path(area.rings))\" fill=\"none\" stroke=\"#111111\" stroke-width=\"2\" pointer-events=\"none\"/>\n"
        }
        let top = 36.0
        let legendX = frame.width + 24
        var legend = "<text x=\"\(svgNumber(legendX))\" y=\"\(svgNumber(top + 12))\" font-size=\"12\">\(xmlEscaped(legendTitle))</text>\n"
        for k in 0...4 {
            let v = low + (high - low) * Double(4 - k) / 4
            let y = top + 22 + Double(k) * 22
            legend += "<rect x=\"\(svgNumber(legendX))\" y=\"\(svgNumber(y))\" width=\"16\" height=\"16\" fill=\"\(ramp.color(v, low: low, high: high))\" stroke=\"#999999\"/>"
                + "<text x=\"\(svgNumber(legendX + 22))\" y=\"\(svgNumber(y + 12))\" font-size=\"11\">\(displayNumber(v))</text>\n"
        }
        let bar = frame.scaleBar()
        let barLabel = bar.metres >= 1000 ? "\(displayNumber(bar.metres / 1000)) km" : "\(displayNumber(bar.metres)) m"
        let barY = top + frame.height + 22
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(svgNumber(frame.width + 150))" height="\(svgNumber(barY + 16))" font-family="sans-serif">
        <text x="0" y="20" font-size="15" font-weight="bold">\(xmlEscaped(title))</text>
        <g transform="translate(0,\(svgNumber(top)))">
        \(body)</g>
        \(legend)<line x1="0" y1="\(svgNumber(barY))" x2="\(svgNumber(bar.pixels))" y2="\(svgNumber(barY))" stroke="#000000" stroke-width="3"/>
        <text x="\(svgNumber(bar.pixels + 6))" y="\(svgNumber(barY + 4))" font-size="12">\(barLabel)</text>
        </svg>

        """
    }
}
