import CrimeCore
import CrimeEval
import CrimeSynthetic

/// Synthetic neighbourhoods for the deployment study, with their outlines.
public struct SyntheticDeploymentSample: Sendable {
    /// One area per neighbourhood, with `income` and `density` covariates.
    public let areas: [DeploymentArea]
    /// Each neighbourhood's outline, keyed by name.
    public let rings: [String: [GeoPoint]]
    /// The rate ratio of group B to group A at equal income planted in the data.
    public let plantedRatio: Double
}

extension DeploymentStudy {
    /// Neighbourhoods over New York's extent with a planted 1.5× disparity confounded with income:
    /// 8 × 10 of them with `quick`, else 14 × 16.
    public static func syntheticSample(quick: Bool, seed: UInt64) throws -> SyntheticDeploymentSample {
        let layout = try SyntheticAreaLayout(rows: quick ? 8 : 14, columns: quick ? 10 : 16,
                                             bounds: BoundingBox(minLatitude: 40.57, minLongitude: -74.04,
                                                                 maxLatitude: 40.88, maxLongitude: -73.75),
                                             jitter: 0.6, seed: seed)
        var config = SyntheticDeploymentConfig()
        config.seed = seed
        let areas = SyntheticDeploymentArea.generate(names: layout.names, config: config).map {
            DeploymentArea(name: $0.name, sightings: $0.sightings, coverage: $0.frames, group: $0.majority,
                           covariates: ["income": $0.medianIncome, "density": $0.density])
        }
        return SyntheticDeploymentSample(areas: areas, rings: Dictionary(uniqueKeysWithValues: zip(layout.names, layout.rings)),
                                         plantedRatio: config.plantedRatio)
    }
}
