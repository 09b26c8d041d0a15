/// The bounding box of points in a plane (metres), over their finite coordinates only.
struct PlaneBox: Sendable {
    var minX = Double.infinity, minY = Double.infinity
    var maxX = -Double.infinity, maxY = -Double.infinity

    /// The box around the points whose two coordinates are finite.
    init(x: [Double], y: [Double]) {
        for i in 0..<min(x.count, y.count) where x[i].isFinite && y[i].isFinite {
            minX = min(minX, x[i])
            maxX = max(maxX, x[i])
            minY = min(minY, y[i])
            maxY = max(maxY, y[i])
        }
    }

    /// True when no point had finite coordinates.
    var isEmpty: Bool { !(minX <= maxX && minY <= maxY) }

    /// The box grown by `margin` on every side.
    func padded(by margin: Double) -> PlaneBox {
        var box = self
        box.minX -= margin
        box.minY -= margin
        box.maxX += margin
        box.maxY += margin
        return box
    }

    /// Whether a point lies in the box (edges included).
    func contains(x: Double, y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }
}
