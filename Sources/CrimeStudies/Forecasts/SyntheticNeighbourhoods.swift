import CrimeCore
import CrimeGeo
import CrimeSynthetic

/// Neighbourhoods with a majority group laid over a synthetic city, so that a patrol plan can be audited
/// for whom it sends police to: a jittered grid of areas (`SyntheticAreaLayout`) whose groups come
/// from the deployment generator (`SyntheticDeploymentArea`; its planted income gradient makes group B
/// the poorer one).
public struct SyntheticNeighbourhoods: Sendable {
    /// The neighbourhoods as polygons, labelled by name.
    public let index: PolygonIndex
    /// Each neighbourhood's majority group, by name.
    public let groups: [String: String]

    /// `rows × columns` neighbourhoods over `bounds`.
    public init(bounds: BoundingBox, rows: Int = 6, columns: Int = 8, seed: UInt64) throws {
        let layout = try SyntheticAreaLayout(rows: rows, columns: columns, bounds: bounds, jitter: 0.6, seed: seed)
        var config = SyntheticDeploymentConfig()
        config.seed = seed
        let areas = SyntheticDeploymentArea.generate(names: layout.names, config: config)
        groups = Dictionary(uniqueKeysWithValues: areas.map { ($0.name, $0.majority) })
        let features = zip(layout.names, layout.rings).map { name, ring in
            AreaFeature(polygons: [PlanarPolygon(exterior: ring.map { PlanarPoint(x: $0.longitude, y: $0.latitude) })],
                        properties: ["name": .text(name)])
        }
        index = try PolygonIndex(layer: AreaLayer(features: features, crs: .wgs84, source: "synthetic neighbourhoods"),
                                 labelProperty: "name")
    }

    /// The neighbourhood holding a point, or nil outside them all.
    public func neighbourhood(of point: GeoPoint) -> String? {
        index.cell(containing: point).map { index.label(of: $0) }
    }

    /// A neighbourhood's majority group (`unknown` for a name it does not know).
    public func group(of neighbourhood: String) -> String { groups[neighbourhood] ?? "unknown" }
}
