import CrimeCore
import Foundation

/// One neighbourhood of a synthetic dashcam deployment study.
public struct SyntheticDeploymentArea: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// Share of residents in group B (the group the planted disparity targets).
    public var shareGroupB: Double
    /// "B" when group B is the majority, else "A".
    public var majority: String
    /// Median household income in dollars.
    public var medianIncome: Double
    /// Residents per km².
    public var density: Double
    /// Dashcam frames captured in the area (the coverage).
    public var frames: Double
    /// Frames showing a police vehicle.
    public var sightings: Double
    /// The true police presence rate per frame the sightings were drawn from.
    public var trueRate: Double
}

/// Settings of a synthetic deployment study: a planted ratio between group-B-majority and
/// group-A-majority areas, confounded with income (group-B areas are poorer on average and police
/// presence also falls with income).
public struct SyntheticDeploymentConfig: Sendable, Equatable {
    /// Seed of every draw.
    public var seed: UInt64 = 1
    /// Police sightings per frame in a group-A-majority area of mean income.
    public var baseRate = 0.01
    /// The planted rate ratio of group-B-majority areas over group-A-majority areas at equal income.
    public var plantedRatio = 1.5
    /// Change of the log rate per standard deviation of log income (negative: poorer areas see more police).
    public var incomeEffect = -0.25
    /// Mean frames per area.
    public var meanFrames = 4_000.0

    /// The default study.
    public init() {}
}

extension SyntheticDeploymentArea {
    /// Draws one area per name from the settings.
    public static func generate(names: [String], config: SyntheticDeploymentConfig = SyntheticDeploymentConfig()) -> [SyntheticDeploymentArea] {
        var rng = SeededGenerator(seed: config.seed)
        return names.map { name in
            let share = min(max(rng.nextUniform() * 1.1 - 0.05, 0), 1)
            let (g1, g2) = rng.nextGaussianPair()
            let (g3, _) = rng.nextGaussianPair()
            // Standardised log income: lower where group B is the larger share.
            let incomeZ = -1.2 * (share - 0.5) + 0.7 * g1
            let majority = share > 0.5 ? "B" : "A"
            let rate = config.baseRate * (majority == "B" ? config.plantedRatio : 1) * exp(config.incomeEffect * incomeZ)
            let frames = (config.meanFrames * exp(0.5 * g2 - 0.125)).rounded()
            return SyntheticDeploymentArea(
                name: name, shareGroupB: share, majority: majority, medianIncome: (60_000 * exp(0.35 * incomeZ)).rounded(),
                density: (8_000 * exp(0.5 * g3)).rounded(), frames: frames,
                sightings: Double(rng.nextPoisson(mean: rate * frames)), trueRate: rate)
        }
    }
}
