import CrimeCore

/// Scores of forecasts against observations, with scikit-learn's definitions.
public enum Metrics {
    /// Mean absolute error. Empty or mismatched inputs give NaN.
    public static func meanAbsoluteError(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty, truth.count == predicted.count else { return .nan }
        var sum = 0.0
        for i in truth.indices { sum += abs(truth[i] - predicted[i]) }
        return sum / Double(truth.count)
    }

    /// Mean squared error. Empty or mismatched inputs give NaN.
    public static func meanSquaredError(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty, truth.count == predicted.count else { return .nan }
        var sum = 0.0
        for i in truth.indices { sum += (truth[i] - predicted[i]) * (truth[i] - predicted[i]) }
        return sum / Double(truth.count)
    }

    /// Root mean squared error.
    public static func rootMeanSquaredError(_ truth: [Double], _ predicted: [Double]) -> Double {
        meanSquaredError(truth, predicted).squareRoot()
    }

    /// Coefficient of determination, 1 − SSres/SStot. As in scikit-learn, a constant truth gives 1
    /// for a perfect forecast and 0 otherwise. Empty or mismatched inputs give NaN.
    public static func r2(_ truth: [Double], _ predicted: [Double]) -> Double {
        guard !truth.isEmpty, truth.count == predicted.count else { return .nan }
        let mean = truth.reduce(0, +) / Double(truth.count)
        var ssRes = 0.0
        var ssTot = 0.0
        for i in truth.indices {
            ssRes += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            ssTot += (truth[i] - mean) * (truth[i] - mean)
        }
        if ssTot == 0 { return ssRes == 0 ? 1 : 0 }
        return 1 - ssRes / ssTot
    }
}
