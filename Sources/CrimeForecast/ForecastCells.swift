import CrimeCore
import CrimeGeo

/// The cells a forecaster scores, with the geometry forecasters need: centres, outlines and centres in a
/// local metric frame, true areas, and neighbours (as ordinals into these cells).
///
/// Ordinal `k` is `ids[k]`; every matrix of a forecast has one row per cell in this order.
public struct ForecastCells: Sendable {
    /// The cells, in ordinal order.
    public let ids: [CellID]
    /// Human labels (`882a100d25fffff`, `r07c12`, `ROGERS PARK`).
    public let labels: [String]
    /// Centres in latitude/longitude.
    public let centres: [GeoPoint]
    /// Outer rings in latitude/longitude.
    public let boundaries: [[GeoPoint]]
    /// The local metric frame (CrimeGeo's `LocalProjection`: a Transverse Mercator centred on the cells'
    /// mean centre) in which ``projectedCentres`` and forecasters' distances are measured.
    public let projection: LocalProjection
    /// Centres in the local frame, metres.
    public let projectedCentres: [PlanarPoint]
    /// True (ellipsoidal or spherical, as the index computes it) areas in square metres.
    public let areas: [Double]
    /// For each cell, the ordinals of the cells of this set that touch it.
    public let neighbours: [[Int]]

    /// Reads the geometry of `cells` from `index`. Throws ``ForecastError/noCells`` for an empty list and
    /// ``ForecastError/duplicateCell(_:)`` when a cell appears twice.
    public init(index: some SpatialIndex, cells: [CellID]) throws {
        guard !cells.isEmpty else { throw ForecastError.noCells }
        var ordinal: [CellID: Int] = [:]
        for (k, c) in cells.enumerated() {
            guard ordinal.updateValue(k, forKey: c) == nil else { throw ForecastError.duplicateCell(index.label(of: c)) }
        }
        ids = cells
        labels = cells.map { index.label(of: $0) }
        centres = try cells.map { try index.center(of: $0) }
        boundaries = try cells.map { try index.boundary(of: $0) }
        let mean = GeoPoint(latitude: centres.map(\.latitude).reduce(0, +) / Double(cells.count),
                            longitude: centres.map(\.longitude).reduce(0, +) / Double(cells.count))
        let projection = LocalProjection(origin: mean)
        self.projection = projection
        projectedCentres = centres.map { projection.project($0) }
        areas = boundaries.map { SphericalArea.squareMetres(ring: $0) }
        neighbours = try cells.map { cell in try index.neighbors(of: cell).compactMap { ordinal[$0] } }
    }

    /// Number of cells.
    public var count: Int { ids.count }
}
