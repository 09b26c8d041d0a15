import CrimeCore
import Foundation

/// Which coefficient covariance inference uses (statsmodels' `cov_type`).
public enum CovarianceType: String, Sendable, CaseIterable {
    /// The classical `s² (XᵀX)⁻¹`; inference from Student's t.
    case nonrobust
    /// White's HC0; inference from the normal distribution, as statsmodels does for robust covariances.
    case hc0 = "HC0"
    /// HC1 (HC0 · n / (n − p)).
    case hc1 = "HC1"
    /// HC2 (leverage-adjusted).
    case hc2 = "HC2"
    /// HC3 (jackknife-like).
    case hc3 = "HC3"
    /// Cluster-robust by the groups given at fit time.
    case cluster
}

/// Coefficient inference under one covariance type.
public struct CoefficientInference: Sendable, Equatable {
    /// The covariance used.
    public let type: CovarianceType
    /// Coefficients.
    public let params: [Double]
    /// Standard errors.
    public let bse: [Double]
    /// `params / bse` (t statistics, or z statistics under a robust covariance).
    public let statistics: [Double]
    /// Two-sided p-values (Student t for nonrobust, standard normal for robust covariances).
    public let pvalues: [Double]
    /// Degrees of freedom of the t distribution, nil when the normal distribution is used.
    public let degreesOfFreedom: Double?

    /// Confidence intervals at level 1 − α.
    public func confInt(alpha: Double = 0.05) -> [CoefficientInterval] {
        let q = degreesOfFreedom.map { StudentT(degreesOfFreedom: $0).quantile(1 - alpha / 2) }
            ?? StandardNormal.quantile(1 - alpha / 2)
        return zip(params, bse).map { CoefficientInterval(low: $0 - q * $1, high: $0 + q * $1) }
    }
}

extension OLSResult {
    /// The covariance matrix of a type; throws for `.cluster` when the fit had no groups.
    public func covariance(_ type: CovarianceType) throws -> Matrix {
        switch type {
        case .nonrobust: return covParams
        case .hc0: return covHC0
        case .hc1: return covHC1
        case .hc2: return covHC2
        case .hc3: return covHC3
        case .cluster:
            guard let covCluster else { throw LinearModelError.covarianceUnavailable("cluster-robust (fit without groups)") }
            return covCluster
        }
    }

    /// Standard errors, statistics and p-values under a covariance type (statsmodels' `fit(cov_type=…)`).
    public func inference(_ type: CovarianceType) throws -> CoefficientInference {
        let cov = try covariance(type)
        let se = (0..<params.count).map { cov[$0, $0].squareRoot() }
        let stats = zip(params, se).map { $0 / $1 }
        let robust = type != .nonrobust
        let t = StudentT(degreesOfFreedom: dfResid)
        let p = stats.map { robust ? StandardNormal.twoSidedPValue($0) : t.twoSidedPValue($0) }
        return CoefficientInference(type: type, params: params, bse: se, statistics: stats, pvalues: p,
                                    degreesOfFreedom: robust ? nil : dfResid)
    }
}
