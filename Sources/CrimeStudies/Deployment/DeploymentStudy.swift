import CrimeCore
import CrimeEval
import Foundation

/// The police-deployment disparity study: where police are observed (dashcam sightings per frame)
/// against neighbourhood demographics and income.
///
/// Rates by majority group and by income tertile with cluster-bootstrap intervals over neighbourhoods
/// (CrimeEval's `DisparityAudit`), and an OLS of the log rate with every shared covariate as a control
/// (``DeploymentRegression``). Income tertiles read the covariate `income` (areas without it form no
/// tertile of their own: the audit rejects a missing value).
public struct DeploymentStudy: Sendable {
    /// The reference group of the group comparison and the regression.
    public var reference: String
    /// Bootstrap replicates per comparison.
    public var replicates: Int
    /// Seed of the bootstrap.
    public var seed: UInt64

    /// A study with the given reference group, replicates and seed.
    public init(reference: String = "A", replicates: Int = 4000, seed: UInt64 = 1) {
        self.reference = reference
        self.replicates = replicates
        self.seed = seed
    }

    /// Runs the three analyses on per-neighbourhood areas.
    public func run(_ areas: [DeploymentArea]) throws -> DeploymentStudyResult {
        let byGroup = try DisparityAudit(areas: areas)
        let groupTable = try comparisonTable(byGroup, reference: reference)
        let tertiles = try DeploymentArea.quantileGroups(areas.map { $0.covariates["income"] ?? .nan }, count: 3)
        let byIncome = try DisparityAudit(areas: zip(areas, tertiles).map { area, q in
            var a = area
            a.group = "income \(q)"
            return a
        })
        let incomeTable = try comparisonTable(byIncome, reference: "income Q3")
        let model = try DeploymentRegression.fit(areas, reference: reference)
        return DeploymentStudyResult(areas: areas, reference: reference, replicates: replicates,
                                     byGroup: groupTable, byIncome: incomeTable, regression: model)
    }

    /// Rate per 1,000 units of coverage, ratio to the reference and its interval, one row per group.
    private func comparisonTable(_ audit: DisparityAudit, reference: String) throws -> ReportTable {
        let rates = try audit.groupRates()
        let comparisons = try audit.compare(to: reference, replicates: replicates, seed: seed)
        return ReportTable(columns: ["group", "areas", "rate per 1000", "ratio", "95% interval"], rows: rates.map { r in
            guard let c = comparisons.first(where: { $0.group == r.group }) else {
                return [r.group, String(r.areas), String(format: "%.3f", 1000 * r.rate), "1 (reference)", ""]
            }
            return [r.group, String(r.areas), String(format: "%.3f", 1000 * r.rate), String(format: "%.3f", c.ratio),
                    String(format: "%.3f – %.3f", c.ratioLow, c.ratioHigh)]
        })
    }
}

/// What ``DeploymentStudy/run(_:)`` found.
public struct DeploymentStudyResult: Sendable {
    /// The areas studied.
    public let areas: [DeploymentArea]
    /// The reference group.
    public let reference: String
    /// Bootstrap replicates per comparison.
    public let replicates: Int
    /// Rates and ratios by majority group.
    public let byGroup: ReportTable
    /// Rates and ratios by income tertile (Q1 poorest; reference Q3).
    public let byIncome: ReportTable
    /// The regression of the log rate with controls.
    public let regression: DeploymentRegression
}
