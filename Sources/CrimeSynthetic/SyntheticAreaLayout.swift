import CrimeCore
import Foundation
/// Synthetic neighbourhoods or boroughs: a grid of quadrilaterals whose inner corners are jittered,
/// so the areas look irregular yet tile the box exactly (neighbours share their edges).
public struct SyntheticAreaLayout: Sendable, Equatable {
    /// Area names, row by row from the south-west.
    public let names: [String]
    /// Each area's ring in latitude/longitude, counter-clockwise, not closed.
    public let rings: [[GeoPoint]]
    /// Rows and columns of the layout.
    public let rows: Int, columns: Int

    /// Lays out `rows × columns` areas over `bounds`; inner corners move by up to `jitter` × half a
    /// cell in each direction (0 gives a regular grid, values up to 0.9 keep every area convex
    /// enough to be valid). Names are made up from the seed unless given.
    public init(rows: Int, columns: Int, bounds: BoundingBox, jitter: Double = 0.5, seed: UInt64,
                names: [String]? = nil) throws {
        guard rows >= 1, columns >= 1, rows * columns <= 10_000 else {
            throw SyntheticLayoutError.badShape(rows: rows, columns: columns)
        }
        guard jitter >= 0, jitter <= 0.9 else { throw SyntheticLayoutError.badJitter(jitter) }
        guard bounds.maxLatitude > bounds.minLatitude, bounds.maxLongitude > bounds.minLongitude else {
            throw SyntheticLayoutError.emptyBounds
        }
        if let names, names.count != rows * columns {
            throw SyntheticLayoutError.nameCount(expected: rows * columns, got: names.count)
        }
        var rng = SeededGenerator(seed: seed)
        let dLat = (bounds.maxLatitude - bounds.minLatitude) / Double(rows)
        let dLon = (bounds.maxLongitude - bounds.minLongitude) / Double(columns)
        var corners = [GeoPoint]()
        for r in 0...rows {
            for c in 0...columns {
                var lat = bounds.minLatitude + Double(r) * dLat, lon = bounds.minLongitude + Double(c) * dLon
                let u = rng.nextUniform() * 2 - 1, v = rng.nextUniform() * 2 - 1
                if r > 0, r < rows { lat += u * jitter * dLat / 2 }
                if c > 0, c < columns { lon += v * jitter * dLon / 2 }
                corners.append(GeoPoint(latitude: lat, longitude: lon))
            }
        }
        let w = columns + 1
        var rings = [[GeoPoint]]()
        for r in 0..<rows {
            for c in 0..<columns {
                rings.append([corners[r * w + c], corners[r * w + c + 1], corners[(r + 1) * w + c + 1], corners[(r + 1) * w + c]])
            }
        }
        self.rings = rings
        self.rows = rows
        self.columns = columns
        self.names = names ?? Self.madeUpNames(count: rows * columns, rng: &rng)
    }

    /// Distinct place names from two syllable lists, shuffled by the seed.
    private static func madeUpNames(count: Int, rng: inout SeededGenerator) -> [String] {
        let heads = ["North", "South", "East", "West", "Old", "New", "Upper", "Lower", "Kings", "Queens", "Mill",
                     "Church", "Bridge", "Marsh", "Oak", "Elm", "Ash", "Stone", "Brook", "Hill"]
        let tails = ["field", "ton", "bury", "wick", "ham", "gate", "ford", "ley", "worth", "mead"]
        var all = heads.flatMap { h in tails.map { h + $0 } }
        for i in stride(from: all.count - 1, to: 0, by: -1) {
            all.swapAt(i, Int(rng.nextUniform() * Double(i + 1)))
        }
        return (0..<count).map { i in i < all.count ? all[i] : "\(all[i % all.count]) \(i / all.count + 1)" }
    }
}

/// Errors from laying out synthetic areas.
public enum SyntheticLayoutError: Error, Equatable, CustomStringConvertible {
    case badShape(rows: Int, columns: Int)
    case badJitter(Double)
    case emptyBounds
    case nameCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .badShape(rows, columns): return "a layout of \(rows) × \(columns) areas is not allowed (1 to 10,000 areas)"
        case let .badJitter(j): return "jitter \(j) must be in [0, 0.9]"
        case .emptyBounds: return "the bounding box is empty"
        case let .nameCount(expected, got): return "expected \(expected) names, got \(got)"
        }
    }
}

extension SyntheticLayoutError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
