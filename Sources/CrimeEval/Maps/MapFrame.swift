import CrimeCore
import CrimeGeo
import Foundation

/// Fits latitude/longitude geometry into a pixel rectangle through Web Mercator, north up.
struct MapFrame {
    let minX: Double, maxY: Double, scale: Double
    let width: Double, height: Double
    /// Ground metres per Web Mercator metre at the map's middle latitude.
    let groundFactor: Double

    /// A frame `width` pixels wide holding every point; the height follows the aspect ratio.
    init(points: [GeoPoint], width: Double) {
        let projected = points.map(WebMercator.project)
        let xs = projected.map(\.x), ys = projected.map(\.y)
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 1
        let minY = ys.min() ?? 0, maxY = ys.max() ?? 1
        let spanX = max(maxX - minX, 1e-9), spanY = max(maxY - minY, 1e-9)
        self.minX = minX
        self.maxY = maxY
        self.width = width
        scale = width / spanX
        height = min(max(spanY * scale, 40), width * 3)
        let latitudes = points.map(\.latitude)
        let middle = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
        groundFactor = cos(middle * .pi / 180)
    }

    /// Pixel position of a point.
    func pixel(_ p: GeoPoint) -> (x: Double, y: Double) {
        let m = WebMercator.project(p)
        return ((m.x - minX) * scale, (maxY - m.y) * scale)
    }

    /// An SVG path for rings (outer ring and holes; even-odd fill).
    func path(_ rings: [[GeoPoint]]) -> String {
        var d = ""
        for ring in rings where ring.count >= 3 {
            for (i, p) in ring.enumerated() {
                let q = pixel(p)
                d += (i == 0 ? "M" : "L") + svgNumber(q.x) + "," + svgNumber(q.y)
            }
            d += "Z"
        }
        return d
    }

    /// A round scale-bar length in metres (1, 2 or 5 × 10ⁿ) near a fifth of the map's width, and its
    /// length in pixels.
    func scaleBar() -> (metres: Double, pixels: Double) {
        let metresPerPixel = groundFactor / scale
        let target = width / 5 * metresPerPixel
        let power = pow(10, floor(log10(max(target, 1e-9))))
        let metres = [1.0, 2, 5, 10].map { $0 * power }.last { $0 <= target } ?? power
        return (metres, metres / metresPerPixel)
    }
}
