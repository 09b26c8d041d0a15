import CrimeCore
import CrimeModels
import Dispatch
import Foundation

/// Times a random forest on a Friedman #1-style problem: 60,000 training and 20,000 test rows of
/// 8 uniform features, y = 10 sin(π x₀x₁) + 20 (x₂ − ½)² + 10 x₃ + 5 x₄ + N(0, 1) (x₅…x₇ are noise);
/// 100 trees, min_samples_leaf 2, max_features 1/3. Writes the split as CSV files into `directory`
/// for Benchmarks/compare/forest_peer.py, and the fitted forest as `forest.ckm`.
enum ForestBenchmark {
    static let trainRows = 60_000
    static let testRows = 20_000
    static let features = 8

    static func run(directory: String, histogram: Bool) throws -> [String: Double] {
        let (x, y) = friedman(rows: trainRows + testRows, seed: 2024)
        let train = Matrix(rows: trainRows, columns: features, values: Array(x.values.prefix(trainRows * features)))
        let test = Matrix(rows: testRows, columns: features, values: Array(x.values.suffix(testRows * features)))
        let yTrain = Array(y.prefix(trainRows)), yTest = Array(y.suffix(testRows))
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try writeCSV(train, yTrain, to: dir.appendingPathComponent("forest_train.csv"))
        try writeCSV(test, yTest, to: dir.appendingPathComponent("forest_test.csv"))

        var forest = RandomForestRegressor(trees: 100, minSamplesLeaf: 2, maxFeatures: .fraction(1.0 / 3),
                                           splitSearch: histogram ? .histogram(bins: 255) : .exact, seed: 1)
        var start = DispatchTime.now().uptimeNanoseconds
        try forest.fit(train, targets: yTrain)
        let fitSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var predictSeconds = Double.infinity
        var predictions: [Double] = []
        for _ in 0..<3 {
            start = DispatchTime.now().uptimeNanoseconds
            predictions = try forest.predict(test)
            predictSeconds = min(predictSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let file = dir.appendingPathComponent(histogram ? "forest_hist.ckm" : "forest.ckm")
        try forest.save(to: file)
        let bytes = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        let reloaded = try RandomForestRegressor.load(from: file)
        let identical = try reloaded.predict(test) == predictions
        return [
            "forest_r2": r2(yTest, predictions),
            "forest_fit_seconds": fitSeconds,
            "forest_predict_seconds": predictSeconds,
            "forest_file_bytes": Double(bytes),
            "forest_nodes": Double(forest.nodeCount),
            "forest_reload_identical": identical ? 1 : 0,
        ]
    }

    static func friedman(rows: Int, seed: UInt64) -> (Matrix, [Double]) {
        var rng = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: rows * features)
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            for f in 0..<features { values[i * features + f] = rng.nextUniform() }
            let u1 = max(rng.nextUniform(), 1e-300), u2 = rng.nextUniform()
            let noise = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            let r = values[(i * features)..<(i * features + 5)].map { $0 }
            y[i] = 10 * sin(Double.pi * r[0] * r[1]) + 20 * (r[2] - 0.5) * (r[2] - 0.5) + 10 * r[3] + 5 * r[4] + noise
        }
        return (Matrix(rows: rows, columns: features, values: values), y)
    }

    static func writeCSV(_ x: Matrix, _ y: [Double], to url: URL, columns: Int = features) throws {
        var text = (0..<columns).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        for i in 0..<x.rows {
            text += x.row(i).map { "\($0)" }.joined(separator: ",") + ",\(y[i])\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func r2(_ truth: [Double], _ predicted: [Double]) -> Double {
        let mean = truth.reduce(0, +) / Double(truth.count)
        var ssRes = 0.0, ssTot = 0.0
        for i in truth.indices {
            ssRes += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            ssTot += (truth[i] - mean) * (truth[i] - mean)
        }
        return 1 - ssRes / ssTot
    }
}
