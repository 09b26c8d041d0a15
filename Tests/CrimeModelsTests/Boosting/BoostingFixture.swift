import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation

/// The count tables and scikit-learn scores of Tests/Fixtures/gbm (see make_gbm.py).
struct BoostingFixture {
    struct Params: Decodable {
        let loss: String
        let learning_rate: Double?
        let max_iter: Int?
        let max_leaf_nodes: Int?
        let max_depth: Int?
        let min_samples_leaf: Int?
        let l2_regularization: Double?
        let max_bins: Int?

        /// The same hyperparameters, scikit-learn's defaults for the rest.
        var settings: BoostingSettings {
            BoostingSettings(loss: BoostingLoss(rawValue: loss) ?? .squaredError, learningRate: learning_rate ?? 0.1,
                             maxIterations: max_iter ?? 100, maxLeafNodes: max_leaf_nodes ?? 31, maxDepth: max_depth,
                             minSamplesLeaf: min_samples_leaf ?? 20, l2Regularization: l2_regularization ?? 0,
                             maxBins: max_bins ?? 255)
        }
    }
    struct Case: Decodable {
        let params: Params
        let n_iter: Int
        let mean_poisson_deviance: Double
        let mae: Double
        let rmse: Double
        let first_predictions: [Double]
    }
    struct Reference: Decodable {
        let sklearn_version: String
        let cases: [String: Case]
    }

    let xTrain: Matrix, yTrain: [Double], xTest: Matrix, yTest: [Double]
    let reference: Reference

    init() throws {
        (xTrain, yTrain) = try Self.table("train.csv")
        (xTest, yTest) = try Self.table("test.csv")
        reference = try Fixtures.json(Reference.self, "gbm", "reference.json")
    }

    /// Features and the last column (`count`) of a fixture CSV.
    static func table(_ file: String) throws -> (Matrix, [Double]) {
        let text = try String(contentsOf: Fixtures.url("gbm", file), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").compactMap { Double($0) } }
        let width = rows[0].count - 1
        return (Matrix(rows: rows.count, columns: width, values: rows.flatMap { $0.prefix(width) }), rows.map { $0[width] })
    }

    /// scikit-learn's `mean_poisson_deviance` (predictions floored at 1e-12 as make_gbm.py does).
    static func poissonDeviance(_ y: [Double], _ mu: [Double]) -> Double {
        zip(y, mu).map { y, m in
            let m = max(m, 1e-12)
            return 2 * ((y > 0 ? y * log(y / m) : 0) - y + m)
        }.reduce(0, +) / Double(y.count)
    }

    /// Mean absolute error.
    static func mae(_ y: [Double], _ p: [Double]) -> Double { zip(y, p).map { abs($0 - $1) }.reduce(0, +) / Double(y.count) }

    /// Root mean squared error.
    static func rmse(_ y: [Double], _ p: [Double]) -> Double {
        (zip(y, p).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / Double(y.count)).squareRoot()
    }
}
