import CrimeCore
import Foundation

extension Metrics {
    /// Mean Poisson deviance, `2 · mean(y·log(y/μ) − y + μ)` with `y·log(y/μ) = 0` when y = 0, as
    /// scikit-learn's `mean_poisson_deviance`. Needs counts y ≥ 0 and forecasts μ > 0.
    public static func poissonDeviance(_ truth: [Double], _ predicted: [Double]) throws -> Double {
        try MetricsCheck.pair(truth, "truth", predicted, "predictions")
        var sum = 0.0
        for i in truth.indices {
            let y = truth[i], mu = predicted[i]
            guard y >= 0 else {
                throw MetricsError.outOfDomain(what: "truth", index: i, value: y, requirement: "Poisson deviance needs y ≥ 0")
            }
            guard mu > 0 else {
                throw MetricsError.outOfDomain(what: "predictions", index: i, value: mu,
                                               requirement: "Poisson deviance needs forecasts > 0")
            }
            sum += (y > 0 ? y * log(y / mu) : 0) - y + mu
        }
        return 2 * sum / Double(truth.count)
    }

    /// MAE, MSE, RMSE and R² in one pass over checked inputs: throws for empty, mismatched or
    /// non-finite inputs where the unchecked functions return NaN.
    public static func regressionSummary(_ truth: [Double], _ predicted: [Double]) throws -> RegressionSummary {
        try MetricsCheck.pair(truth, "truth", predicted, "predictions")
        return RegressionSummary(unchecked: truth, predicted)
    }
}

/// The four usual regression scores.
public struct RegressionSummary: Sendable, Equatable, Codable {
    /// Mean absolute error.
    public var mae: Double
    /// Mean squared error.
    public var mse: Double
    /// Root mean squared error.
    public var rmse: Double
    /// Coefficient of determination.
    public var r2: Double
}

extension RegressionSummary {
    /// The four scores with the unchecked ``Metrics`` functions: NaN for empty or mismatched inputs
    /// and wherever a value is NaN.
    init(unchecked truth: [Double], _ predicted: [Double]) {
        let mse = Metrics.meanSquaredError(truth, predicted)
        self.init(mae: Metrics.meanAbsoluteError(truth, predicted), mse: mse, rmse: mse.squareRoot(), r2: Metrics.r2(truth, predicted))
    }
}
