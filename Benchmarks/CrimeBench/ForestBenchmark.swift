import CrimeCore
import CrimeModels
import Foundation

/// Times a 100-tree random forest regressor (min_samples_leaf 2, max_features 1/3) on 60,000 × 8
/// training rows of Friedman #1 (5 informative features, 3 noise, Gaussian noise σ = 1) and predicts
/// 20,000 test rows; writes both sets as CSV so that Benchmarks/compare/forest_peer.py fits
/// scikit-learn on the same split.
enum ForestBenchmark {
    static func run(directory: String) throws -> [String: Double] {
        let dir = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var rng = SeededGenerator(seed: 2024)
        let (x, y) = friedman(rows: 60_000, generator: &rng)
        let (xt, yt) = friedman(rows: 20_000, generator: &rng)
        try write(x, y, to: dir.appendingPathComponent("train.csv"))
        try write(xt, yt, to: dir.appendingPathComponent("test.csv"))

        var forest = RandomForestRegressor(trees: 100, minSamplesLeaf: 2, maxFeatures: .fraction(1.0 / 3.0), seed: 1)
        let clock = ContinuousClock()
        let fit = try clock.measure { try forest.fit(x, targets: y) }
        var predicted: [Double] = []
        let predict = try clock.measure { predicted = try forest.predict(xt) }
        let model = dir.appendingPathComponent("forest.ckmodel")
        try forest.save(to: model)
        let bytes = (try FileManager.default.attributesOfItem(atPath: model.path)[.size] as? Int) ?? 0
        let mean = yt.reduce(0, +) / Double(yt.count)
        let residual = zip(yt, predicted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = yt.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return ["forest_r2": 1 - residual / total, "forest_fit_seconds": seconds(fit), "forest_predict_seconds": seconds(predict),
                "forest_file_bytes": Double(bytes), "forest_nodes": Double(forest.nodeCount)]
    }

    private static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }

    /// y = 10 sin(π x0 x1) + 20 (x2 − ½)² + 10 x3 + 5 x4 + N(0, 1), features uniform on [0, 1).
    private static func friedman(rows: Int, generator: inout SeededGenerator) -> (Matrix, [Double]) {
        var values = [Double](repeating: 0, count: rows * 8)
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            for j in 0..<8 { values[i * 8 + j] = (generator.nextUniform() * 1e6).rounded() / 1e6 }
            let u1 = max(generator.nextUniform(), 1e-300), u2 = generator.nextUniform()
            let noise = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
            let v = values[(i * 8)..<(i * 8 + 5)].map { $0 }
            y[i] = ((10 * Foundation.sin(Double.pi * v[0] * v[1]) + 20 * (v[2] - 0.5) * (v[2] - 0.5) + 10 * v[3] + 5 * v[4] + noise) * 1e6).rounded() / 1e6
        }
        return (Matrix(rows: rows, columns: 8, values: values), y)
    }

    private static func write(_ x: Matrix, _ y: [Double], to url: URL) throws {
        var text = "x0,x1,x2,x3,x4,x5,x6,x7,y\n"
        for i in 0..<x.rows {
            text += (0..<8).map { String(x[i, $0]) }.joined(separator: ",") + "," + String(y[i]) + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
