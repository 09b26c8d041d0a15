import CrimeCore
import CrimeModels
import CrimeTestSupport

/// The scikit-learn reference fixtures of Tests/Fixtures/forest (see make_forest_fixtures.py).
struct SingleTreeFixture: Decodable {
    /// The scikit-learn parameters of a case.
    struct Params: Decodable {
        let max_depth: Int?
        let min_samples_leaf: Int?
        let min_samples_split: Int?

        /// One tree without bootstrap over every feature, with these limits.
        func settings(seed: UInt64) -> ForestSettings {
            ForestSettings(trees: 1, maxDepth: max_depth, minSamplesSplit: min_samples_split ?? 2,
                           minSamplesLeaf: min_samples_leaf ?? 1, maxFeatures: .all, bootstrap: false, seed: seed)
        }
    }
    struct RegressionCase: Decodable {
        let name: String
        let criterion: String
        let params: Params
        let y_train: [Double]
        let prediction: [Double]
        let importances: [Double]
    }
    struct ClassificationCase: Decodable {
        let name: String
        let criterion: String
        let params: Params
        let y_train: [Double]
        let prediction: [Double]
        let probability: [[Double]]
        let importances: [Double]
    }
    let x_train: [[Double]]
    let x_test: [[Double]]
    let regression: [RegressionCase]
    let classification: [ClassificationCase]

    static func load() throws -> SingleTreeFixture {
        try Fixtures.json(SingleTreeFixture.self, "forest", "single_tree.json")
    }
}

struct ForestAccuracyFixture: Decodable {
    struct Friedman: Decodable {
        let x_train: [[Double]]
        let y_train: [Double]
        let x_test: [[Double]]
        let y_test: [Double]
        let sklearn_r2_mean: Double
    }
    struct Classes: Decodable {
        let x_train: [[Double]]
        let y_train: [Double]
        let x_test: [[Double]]
        let y_test: [Double]
        let sklearn_accuracy_mean: Double
    }
    let friedman: Friedman
    let classification: Classes

    static func load() throws -> ForestAccuracyFixture {
        try Fixtures.json(ForestAccuracyFixture.self, "forest", "forest_accuracy.json")
    }
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

enum ForestTestMath {
    /// scikit-learn's r2_score.
    static func r2(_ truth: [Double], _ predicted: [Double]) -> Double {
        let mean = truth.reduce(0, +) / Double(truth.count)
        let ssRes = zip(truth, predicted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let ssTot = truth.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return 1 - ssRes / ssTot
    }
}
