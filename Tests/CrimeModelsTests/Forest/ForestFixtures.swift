import CrimeCore
import CrimeTestSupport

/// The scikit-learn reference fixtures of Tests/Fixtures/forest.
struct SingleTreeFixture: Decodable {
    struct Case: Decodable {
        let kind: String
        let columns: Int
        let name: String
        let criterion: String
        let min_samples_leaf: Int
        let max_depth: Int?
        let target: String
        let prediction: [Double]
        let train_prediction: [Double]
        let probability: [Double]?
        let importances: [Double]
        let node_count: Int
    }
    let columns: Int
    let targets: [String: [Double]]
    let x_train: [Double]
    let x_test: [Double]
    let cases: [Case]

    /// The first `width` columns of the training or test features.
    func features(test: Bool, width: Int) -> Matrix {
        let all = test ? x_test : x_train
        let rows = all.count / columns
        var values: [Double] = []
        for i in 0..<rows { values.append(contentsOf: all[(i * columns)..<(i * columns + width)]) }
        return Matrix(rows: rows, columns: width, values: values)
    }

    static func load() throws -> SingleTreeFixture { try Fixtures.json(SingleTreeFixture.self, "forest", "single_tree.json") }
}

struct ForestAccuracyFixture: Decodable {
    struct Split: Decodable {
        let x: [Double]
        let y: [Double]
        let test_r2: Double?
        let test_accuracy: Double?
    }
    let train_rows: Int
    let columns: Int
    let regression: Split
    let classification: Split

    /// Train and test matrices and targets of a split.
    func parts(_ split: Split) -> (Matrix, [Double], Matrix, [Double]) {
        let n = train_rows * columns
        return (Matrix(rows: train_rows, columns: columns, values: Array(split.x[..<n])), Array(split.y[..<train_rows]),
                Matrix(rows: split.y.count - train_rows, columns: columns, values: Array(split.x[n...])),
                Array(split.y[train_rows...]))
    }

    static func load() throws -> ForestAccuracyFixture { try Fixtures.json(ForestAccuracyFixture.self, "forest", "forest_accuracy.json") }
}
