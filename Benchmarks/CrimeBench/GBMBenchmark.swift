import CrimeCore
import CrimeEval
import CrimeModels
import Dispatch
import Foundation

/// Times Poisson gradient boosting on count data: 200,000 training and 50,000 test rows of 10
/// features (6 uniform, 4 Poisson "lag counts"), y ~ Poisson(exp(−0.5 + sin(3x₀) + x₁x₂ + 0.1 lag₀ +
/// 0.05 lag₁)); 100 iterations, 255 bins, early stopping off, other settings scikit-learn's defaults.
/// Writes the split as CSV files into `directory` for Benchmarks/compare/gbm_peer.py. `threads` nil: every
/// core.
enum GBMBenchmark {
    static let trainRows = 200_000
    static let testRows = 50_000
    static let features = 10

    static func run(directory: String, threads: Int? = nil) throws -> [String: Double] {
        let (x, y) = counts(rows: trainRows + testRows, seed: 16)
        let train = Matrix(rows: trainRows, columns: features, values: Array(x.values.prefix(trainRows * features)))
        let test = Matrix(rows: testRows, columns: features, values: Array(x.values.suffix(testRows * features)))
        let yTrain = Array(y.prefix(trainRows)), yTest = Array(y.suffix(testRows))
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try ForestBenchmark.writeCSV(train, yTrain, to: dir.appendingPathComponent("gbm_train.csv"), columns: features)
        try ForestBenchmark.writeCSV(test, yTest, to: dir.appendingPathComponent("gbm_test.csv"), columns: features)

        var model = GradientBoostingRegressor(loss: .poisson, maxIterations: 100, earlyStopping: .off, threads: threads)
        var start = DispatchTime.now().uptimeNanoseconds
        try model.fit(train, targets: yTrain)
        let fitSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var predictSeconds = Double.infinity
        var predictions: [Double] = []
        for _ in 0..<3 {
            start = DispatchTime.now().uptimeNanoseconds
            predictions = try model.predict(test)
            predictSeconds = min(predictSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return [
            "gbm_fit_seconds": fitSeconds,
            "gbm_predict_seconds": predictSeconds,
            "gbm_deviance": try Metrics.poissonDeviance(yTest, predictions),
            "gbm_iterations": Double(model.iterationCount),
        ]
    }

    static func counts(rows: Int, seed: UInt64) -> (Matrix, [Double]) {
        var rng = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: rows * features)
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            let row = i * features
            for f in 0..<6 { values[row + f] = rng.nextUniform() }
            for f in 6..<features { values[row + f] = Double(rng.nextPoisson(mean: Double(2 * (f - 5)))) }
            let eta = -0.5 + sin(3 * values[row]) + values[row + 1] * values[row + 2] + 0.1 * values[row + 6] + 0.05 * values[row + 7]
            y[i] = Double(rng.nextPoisson(mean: exp(eta)))
        }
        return (Matrix(rows: rows, columns: features, values: values), y)
    }
}
