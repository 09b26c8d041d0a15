import CrimeCore
import CrimeGeo

/// Quadrature points and weights over polygons in a plane (metres), for integrating a density over
/// cells: ``KernelDensity/cellMasses(_:evaluation:)`` reads a density at the points and adds it up
/// with the weights per cell.
///
/// Each polygon (one ring, even-odd rule) is cut into horizontal strips no taller than `spacing`; each
/// strip is sampled on the two Gauss–Legendre lines y = centre ± height/(2√3), where the ring's exact
/// crossings give the intervals inside; each interval is cut into pieces no longer than `spacing` and
/// sampled at the two Gauss–Legendre points of each piece. That is the 2 × 2 product Gauss rule on every
/// piece, exact for cubics, and exact in area for polygons apart from the strips that hold a vertex.
/// ``KernelDensity/quadratureSpacing`` gives the spacing for a kernel and the accuracy it reaches (the
/// tests check squares against the closed form and squares and a hexagon against scipy's dblquad). A
/// polygon gets at most 2048 strips and each interval at most 2048 pieces.
public struct CellQuadrature: Sendable {
    /// The largest strip height and piece length, metres.
    public let spacing: Double
    /// Cell `k`'s points are `starts[k]..<starts[k + 1]`.
    public let starts: [Int]
    /// Point positions, metres east.
    public let x: [Double]
    /// Point positions, metres north.
    public let y: [Double]
    /// Point weights, square metres.
    public let weights: [Double]

    /// Points over each ring (vertices in metres; open or closed). Throws
    /// ``ForecastError/badParameter(name:reason:)`` naming `spacing` when it is not a finite number above 0.
    public init(rings: [[PlanarPoint]], spacing: Double) throws {
        guard spacing.isFinite, spacing > 0 else {
            throw ForecastError.badParameter(name: "spacing", reason: "must be a finite number of metres above 0, got \(spacing)")
        }
        var starts = [0], xs = [Double](), ys = [Double](), ws = [Double]()
        for ring in rings {
            Self.sample(ring, spacing: spacing, into: &xs, &ys, &ws)
            starts.append(xs.count)
        }
        self.spacing = spacing
        self.starts = starts
        x = xs
        y = ys
        weights = ws
    }

    /// Points over the cells' outlines, projected into their local frame (``ForecastCells/projection``).
    public init(cells: ForecastCells, spacing: Double) throws {
        let rings = cells.boundaries.map { ring in ring.map { cells.projection.project($0) } }
        try self.init(rings: rings, spacing: spacing)
    }

    /// Number of cells.
    public var count: Int { starts.count - 1 }

    /// Σ weight × value over each cell's points, for `values` given at every point.
    public func integrate(_ values: [Double]) -> [Double] {
        (0..<count).map { k in
            var sum = 0.0
            for i in starts[k]..<starts[k + 1] { sum += weights[i] * values[i] }
            return sum
        }
    }

    /// Offsets of the two Gauss–Legendre nodes from the middle of a unit interval.
    private static let nodes = [-0.5 / 3.0.squareRoot(), 0.5 / 3.0.squareRoot()]
    private static let maximumDivisions = 2048

    private static func sample(_ ring: [PlanarPoint], spacing: Double,
                               into xs: inout [Double], _ ys: inout [Double], _ ws: inout [Double]) {
        var ring = ring
        if ring.count > 1, let first = ring.first, let last = ring.last, first == last { ring.removeLast() }
        guard ring.count >= 3, ring.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return }
        let y0 = ring.map(\.y).min() ?? 0, y1 = ring.map(\.y).max() ?? 0
        guard y1 > y0 else { return }
        let strips = min(max(Int(((y1 - y0) / spacing).rounded(.up)), 1), maximumDivisions)
        let height = (y1 - y0) / Double(strips)
        var crossings = [Double]()
        for s in 0..<strips {
            for g in nodes {
                let yc = y0 + (Double(s) + 0.5 + g) * height
                crossings.removeAll(keepingCapacity: true)
                var j = ring.count - 1
                for i in ring.indices {
                    let a = ring[j], b = ring[i]
                    if (a.y > yc) != (b.y > yc) { crossings.append(a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y)) }
                    j = i
                }
                crossings.sort()
                for k in stride(from: 0, to: crossings.count - 1, by: 2) {
                    let lo = crossings[k], length = crossings[k + 1] - lo
                    guard length > 0 else { continue }
                    let pieces = min(max(Int((length / spacing).rounded(.up)), 1), maximumDivisions)
                    let width = length / Double(pieces)
                    for p in 0..<pieces {
                        for h in nodes {
                            xs.append(lo + (Double(p) + 0.5 + h) * width)
                            ys.append(yc)
                            ws.append(width * height / 4)
                        }
                    }
                }
            }
        }
    }
}
