import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeModels
import Foundation

/// `crimekit forest`: fits a random forest on a training CSV and scores it on a test CSV.
struct ForestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forest",
        abstract: "Fit a random forest (regression, or classification with --classify) and score it on a test set."
    )

    @Option(name: .long, help: "Training CSV: header row, numeric columns.")
    var train: String

    @Option(name: .long, help: "Test CSV with the same columns.")
    var test: String

    @Option(name: .long, help: "The target column.")
    var target: String

    @Flag(name: .long, help: "Classify (targets are class labels) instead of regress.")
    var classify = false

    @Option(name: .long, help: "Number of trees.")
    var trees: Int = 100

    @Option(name: .long, help: "Fewest rows in a leaf.")
    var minLeaf: Int = 1

    @Option(name: .long, help: "Features per split: sqrt, log2, all, a fraction in (0, 1] or a whole count.")
    var maxFeatures: String?

    @Option(name: .long, help: "Seed of every random choice.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Save the fitted forest to this file.")
    var save: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        let trainSet = try NumericCSV(path: train, target: target)
        let testSet = try NumericCSV(path: test, target: target)
        guard testSet.featureNames == trainSet.featureNames else {
            throw ValidationError("\(test): columns \(testSet.featureNames) differ from \(train)'s \(trainSet.featureNames)")
        }
        let features = try maxFeatures.map(Self.parseMaxFeatures)
        var report: [String: Double] = [:]
        let clock = ContinuousClock()
        if classify {
            var forest = RandomForestClassifier(trees: trees, minSamplesLeaf: minLeaf, maxFeatures: features ?? .sqrt, seed: seed)
            let fit = try clock.measure { try forest.fit(trainSet.features, targets: trainSet.target) }
            var probability = Matrix(rows: 0, columns: 0)
            let predict = try clock.measure { probability = try forest.predictProbability(testSet.features) }
            let predicted = (0..<probability.rows).map { i in
                forest.classes[(0..<probability.columns).max { probability[i, $0] < probability[i, $1] } ?? 0]
            }
            let scores = ClassificationScores(truth: testSet.target, predicted: predicted, probability: probability, classes: forest.classes)
            report = ["accuracy": scores.accuracy, "precision": scores.precision, "recall": scores.recall, "f1": scores.f1]
            if let auc = scores.roc_auc { report["roc_auc"] = auc }
            report["fit_seconds"] = fit.seconds
            report["predict_seconds"] = predict.seconds
            if let save { try forest.save(to: URL(fileURLWithPath: save)) }
        } else {
            var forest = RandomForestRegressor(trees: trees, minSamplesLeaf: minLeaf, maxFeatures: features ?? .all, seed: seed)
            let fit = try clock.measure { try forest.fit(trainSet.features, targets: trainSet.target) }
            var predicted: [Double] = []
            let predict = try clock.measure { predicted = try forest.predict(testSet.features) }
            report = ["r2": Metrics.r2(testSet.target, predicted), "mae": Metrics.meanAbsoluteError(testSet.target, predicted),
                      "rmse": Metrics.rootMeanSquaredError(testSet.target, predicted),
                      "fit_seconds": fit.seconds, "predict_seconds": predict.seconds]
            if let save { try forest.save(to: URL(fileURLWithPath: save)) }
        }
        if json {
            try JSONOutput.print(report)
        } else {
            for key in report.keys.sorted() { print("\(key): \(report[key] ?? 0)") }
        }
    }

    /// `sqrt`, `log2`, `all`, a fraction such as `0.33`, or a whole count such as `3`.
    static func parseMaxFeatures(_ text: String) throws -> MaxFeatures {
        switch text {
        case "sqrt": return .sqrt
        case "log2": return .log2
        case "all": return .all
        default:
            if let n = Int(text), n >= 1 { return .count(n) }
            if let f = Double(text), f > 0, f <= 1 { return .fraction(f) }
            throw ValidationError("--max-features \(text): expected sqrt, log2, all, a fraction in (0, 1] or a whole count")
        }
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
