import CrimeCore
import CrimeGeo
import Foundation

/// A spatial weights matrix stored as neighbour lists, as PySAL's `libpysal.weights.W`.
///
/// Units are ordinals 0..<n (cells or areas in the caller's order). Weights are binary (1 per
/// neighbour) or row-standardised (each row sums to 1; a unit without neighbours keeps an empty row).
public struct SpatialWeights: Sendable, Equatable {
    /// How weights are scaled (PySAL's `transform` "b" and "r").
    public enum Transform: String, Sendable, Codable {
        /// Every neighbour weighs 1.
        case binary
        /// Every neighbour of i weighs 1 / (number of neighbours of i).
        case rowStandardised
    }

    /// The neighbours of each unit, sorted.
    public let neighbors: [[Int]]
    /// The weight of each neighbour, parallel to ``neighbors``.
    public let weights: [[Double]]
    /// The scaling applied.
    public let transform: Transform

    /// Weights from neighbour lists. Throws when a neighbour is out of range, repeated or the unit itself.
    public init(neighbors: [[Int]], transform: Transform = .rowStandardised) throws {
        guard !neighbors.isEmpty else { throw MetricsError.empty(what: "neighbour lists") }
        let n = neighbors.count
        var sorted = [[Int]]()
        sorted.reserveCapacity(n)
        for (i, list) in neighbors.enumerated() {
            let s = list.sorted()
            for (k, j) in s.enumerated() {
                guard j >= 0, j < n, j != i, k == 0 || s[k - 1] != j else {
                    throw MetricsError.badParameter(name: "neighbour list of unit \(i)",
                                                    reason: "neighbour \(j) is out of 0..<\(n), repeated or the unit itself")
                }
            }
            sorted.append(s)
        }
        self.neighbors = sorted
        self.transform = transform
        weights = sorted.map { list in
            Array(repeating: transform == .binary ? 1 : 1 / Double(list.count), count: list.count)
        }
    }

    /// Contiguity weights from a spatial index: the neighbours of `cells[i]` are the cells that
    /// `index.neighbors(of:)` returns and that appear in `cells` (queen contiguity for grids and
    /// polygons whose index reports vertex contacts; for H3 hexagons queen and rook coincide).
    public static func contiguity(index: some SpatialIndex, cells: [CellID], transform: Transform = .rowStandardised) throws -> SpatialWeights {
        var ordinal = [CellID: Int]()
        for (i, c) in cells.enumerated() { ordinal[c] = i }
        let lists = try cells.map { try index.neighbors(of: $0).compactMap { ordinal[$0] } }
        return try SpatialWeights(neighbors: lists, transform: transform)
    }

    /// k-nearest-neighbour weights from the cells' centres, by great-circle distance (ties: lower
    /// ordinal first).
    public static func kNearest(index: some SpatialIndex, cells: [CellID], k: Int, transform: Transform = .rowStandardised) throws -> SpatialWeights {
        let unit = try cells.map { cell -> [Double] in
            let p = try index.center(of: cell)
            let lat = p.latitude * .pi / 180, lng = p.longitude * .pi / 180
            return [cos(lat) * cos(lng), cos(lat) * sin(lng), sin(lat)]
        }
        // The chord between unit vectors grows with the great-circle distance, so it ranks alike.
        return try kNearest(coordinates: unit, k: k, transform: transform)
    }

    /// k-nearest-neighbour weights from planar coordinates (e.g. projected centroids), by Euclidean
    /// distance, as `libpysal.weights.KNN` (ties: lower ordinal first).
    public static func kNearest(points: [PlanarPoint], k: Int, transform: Transform = .rowStandardised) throws -> SpatialWeights {
        try kNearest(coordinates: points.map { [$0.x, $0.y] }, k: k, transform: transform)
    }

    private static func kNearest(coordinates: [[Double]], k: Int, transform: Transform) throws -> SpatialWeights {
        guard k >= 1, k < coordinates.count else {
            throw MetricsError.badParameter(name: "k", reason: "must lie in 1..<\(coordinates.count), got \(k)")
        }
        for (i, c) in coordinates.enumerated() where !c.allSatisfy(\.isFinite) {
            throw MetricsError.nonFinite(what: "coordinates", index: i)
        }
        let lists = coordinates.indices.map { i -> [Int] in
            let d = coordinates.map { c in zip(c, coordinates[i]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            let order = coordinates.indices.filter { $0 != i }.sorted { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }
            return Array(order.prefix(k))
        }
        return try SpatialWeights(neighbors: lists, transform: transform)
    }

    /// Number of units.
    public var count: Int { neighbors.count }

    /// S₀ = Σᵢⱼ wᵢⱼ.
    public var s0: Double { weights.reduce(0) { $0 + $1.reduce(0, +) } }

    /// S₁ = ½ Σᵢⱼ (wᵢⱼ + wⱼᵢ)².
    public var s1: Double {
        var sum = 0.0
        for i in neighbors.indices {
            for (k, j) in neighbors[i].enumerated() {
                let wji = weight(j, i)
                // Pairs present both ways are counted from both sides; one-way pairs once with wⱼᵢ = 0.
                sum += wji > 0 ? (weights[i][k] + wji) * (weights[i][k] + wji) / 2 : weights[i][k] * weights[i][k]
            }
        }
        return sum
    }

    /// S₂ = Σᵢ (wᵢ. + w.ᵢ)².
    public var s2: Double {
        var rowSums = weights.map { $0.reduce(0, +) }
        var columnSums = [Double](repeating: 0, count: count)
        for i in neighbors.indices { for (k, j) in neighbors[i].enumerated() { columnSums[j] += weights[i][k] } }
        for i in rowSums.indices { rowSums[i] += columnSums[i] }
        return rowSums.reduce(0) { $0 + $1 * $1 }
    }

    /// wᵢⱼ (0 when j is not a neighbour of i).
    public func weight(_ i: Int, _ j: Int) -> Double {
        var lo = 0, hi = neighbors[i].count
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbors[i][mid] < j { lo = mid + 1 } else { hi = mid }
        }
        return lo < neighbors[i].count && neighbors[i][lo] == j ? weights[i][lo] : 0
    }

    /// The spatial lag Σⱼ wᵢⱼ yⱼ of each unit.
    public func lag(_ y: [Double]) -> [Double] {
        neighbors.indices.map { i in zip(neighbors[i], weights[i]).reduce(0) { $0 + $1.1 * y[$1.0] } }
    }
}
