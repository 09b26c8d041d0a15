import CrimeCore
import CrimeGeo
import Foundation

/// An SVG map of a regular grid, each cell shaded by its total count over the cube's windows,
/// with a title, a legend and a 1 km scale bar.
struct GridHeatMap {
    let cube: SpaceTimeCube
    let grid: RegularGrid
    let title: String

    var svg: String {
        let cellPixels = max(2.0, min(8.0, 800.0 / Double(max(grid.rows, grid.columns))))
        let width = Double(grid.columns) * cellPixels, height = Double(grid.rows) * cellPixels
        let totals = cube.cellTotals()
        let top = max(1, totals.max() ?? 1)
        var body = ""
        for (cell, total) in zip(cube.cells, totals) where total > 0 {
            let x = Double(cell.column) * cellPixels, y = height - Double(cell.row + 1) * cellPixels
            body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellPixels)\" height=\"\(cellPixels)\" fill=\"\(color(Double(total) / Double(top)))\"><title>\(grid.label(of: cell)): \(total)</title></rect>\n"
        }
        let barPixels = 1000 / grid.side * cellPixels
        let legend = (0...4).map { k -> String in
            let f = Double(k) / 4
            return "<rect x=\"\(width + 20)\" y=\"\(60 + Double(4 - k) * 24)\" width=\"18\" height=\"18\" fill=\"\(color(f))\"/>"
                + "<text x=\"\(width + 44)\" y=\"\(74 + Double(4 - k) * 24)\" font-size=\"12\">\(Int((f * Double(top)).rounded()))</text>"
        }.joined(separator: "\n")
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width + 140)" height="\(height + 70)" font-family="sans-serif">
        <text x="0" y="20" font-size="15">\(title)</text>
        <g transform="translate(0,40)">
        <rect x="0" y="0" width="\(width)" height="\(height)" fill="#f7f7f7" stroke="#999"/>
        \(body)</g>
        <text x="\(width + 20)" y="50" font-size="12">incidents</text>
        \(legend)
        <line x1="0" y1="\(height + 58)" x2="\(barPixels)" y2="\(height + 58)" stroke="#000" stroke-width="3"/>
        <text x="\(barPixels + 6)" y="\(height + 62)" font-size="12">1 km</text>
        </svg>

        """
    }

    /// A sequential yellow-to-red ramp for a share in [0, 1].
    private func color(_ f: Double) -> String {
        let t = min(max(f, 0), 1).squareRoot()
        let r = 255, g = Int(237 - 200 * t), b = Int(160 - 140 * t)
        return String(format: "#%02x%02x%02x", r, max(g, 0), max(b, 0))
    }
}
