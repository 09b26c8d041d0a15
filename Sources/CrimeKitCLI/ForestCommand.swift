import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeModels
import Dispatch
import Foundation

/// `crimekit forest`: fits a random forest on one CSV table and scores it on another.
struct ForestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forest",
        abstract: "Fit a random forest on a training CSV and score it on a test CSV."
    )

    @OptionGroup var data: TrainTestOptions

    @Flag(name: .long, help: "Fit a classifier (labels are numbers) instead of a regressor.")
    var classify = false

    @Option(name: .long, help: "Number of trees (1 to 100000).")
    var trees: Int = 100

    @Option(name: .customLong("min-leaf"), help: "Minimum samples per leaf.")
    var minLeaf: Int = 1

    @Option(name: .customLong("max-depth"), help: "Maximum tree depth (default: unlimited).")
    var maxDepth: Int?

    @Option(name: .customLong("max-features"),
            help: "Features per split: sqrt, log2, all, a fraction in (0, 1] or a count (default: all for regression, sqrt for classification).")
    var maxFeatures: String?

    @Option(name: .customLong("histogram-bins"), help: "Use histogram split search with this many bins (2–256).")
    var histogramBins: Int?

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Save the fitted forest to this file.")
    var save: String?

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        guard (1...ForestSettings.maximumTrees).contains(trees) else {
            throw ValidationError("--trees must be between 1 and \(ForestSettings.maximumTrees), got \(trees)")
        }
        guard minLeaf >= 1 else { throw ValidationError("--min-leaf must be at least 1, got \(minLeaf)") }
        if let maxDepth, maxDepth < 1 { throw ValidationError("--max-depth must be at least 1, got \(maxDepth)") }
        if let histogramBins, !(2...256).contains(histogramBins) {
            throw ValidationError("--histogram-bins must be between 2 and 256, got \(histogramBins)")
        }
        if let maxFeatures { _ = try Self.parseMaxFeatures(maxFeatures) }
    }

    /// Parses `--max-features`.
    static func parseMaxFeatures(_ text: String) throws -> MaxFeatures {
        switch text.lowercased() {
        case "sqrt": return .sqrt
        case "log2": return .log2
        case "all", "none": return .all
        default:
            if let k = Int(text), k >= 1 { return .count(k) }
            if let f = Double(text), f > 0, f <= 1 { return .fraction(f) }
            throw ValidationError("--max-features must be sqrt, log2, all, a fraction in (0, 1] or a positive count, got \"\(text)\"")
        }
    }

    func run() throws {
        let loaded = try data.load()
        let features = loaded.features
        let (xTrain, yTrain, xTest, yTest) = (loaded.xTrain, loaded.yTrain, loaded.xTest, loaded.yTest)
        let parsed = try maxFeatures.map(Self.parseMaxFeatures) ?? (classify ? .sqrt : .all)
        if case let .count(k) = parsed, k > features.count {
            throw ValidationError("--max-features \(k) exceeds the \(features.count) feature columns of \(data.train)")
        }
        let settings = ForestSettings(trees: trees, maxDepth: maxDepth, minSamplesLeaf: minLeaf, maxFeatures: parsed,
                                      splitSearch: histogramBins.map { .histogram(bins: $0) } ?? .exact, seed: seed)
        let line = progress.line()
        defer { line.finish() }
        var report = ForestReport()
        let predictions: [Double]
        if classify {
            try Self.requireSeenLabels(test: yTest, train: yTrain, file: data.test)
            var forest = RandomForestClassifier(settings: settings)
            forest.progress = line.handler
            report.fitSeconds = try Self.seconds { try forest.fit(xTrain, targets: yTrain) }
            var probabilities = Matrix(rows: 0, columns: 0)
            report.predictSeconds = try Self.seconds { probabilities = try forest.predictProbability(xTest) }
            predictions = (0..<xTest.rows).map { i in
                let row = probabilities.row(i)
                return forest.classes[row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0]
            }
            let scores = ForestScoring.classification(truth: yTest, predicted: predictions,
                                                      probabilities: probabilities.values, classes: forest.classes)
            report.accuracy = scores.accuracy
            report.precision = scores.precision
            report.recall = scores.recall
            report.f1 = scores.f1
            report.rocAUC = scores.rocAUC
            if let save { try forest.save(to: URL(fileURLWithPath: save)) }
        } else {
            var forest = RandomForestRegressor(settings: settings)
            forest.progress = line.handler
            report.fitSeconds = try Self.seconds { try forest.fit(xTrain, targets: yTrain) }
            var out: [Double] = []
            report.predictSeconds = try Self.seconds { out = try forest.predict(xTest) }
            predictions = out
            if let save { try forest.save(to: URL(fileURLWithPath: save)) }
        }
        report.r2 = Metrics.r2(yTest, predictions)
        report.mae = Metrics.meanAbsoluteError(yTest, predictions)
        report.rmse = Metrics.rootMeanSquaredError(yTest, predictions)
        report.trainRows = xTrain.rows
        report.testRows = xTest.rows
        report.missingDroppedTrain = loaded.dropped?.train
        report.missingDroppedTest = loaded.dropped?.test
        report.trees = trees
        if json {
            try JSONOutput.print(report)
        } else {
            print("key,value")
            for (key, value) in report.pairs { print("\(key),\(value)") }
        }
    }

    /// Test labels that never occur in training cannot be predicted, so scoring them would report a
    /// meaningless accuracy and ROC AUC: an error listing them.
    static func requireSeenLabels(test: [Double], train: [Double], file: String) throws {
        let seen = Set(train)
        let unseen = Set(test).subtracting(seen).sorted()
        guard unseen.isEmpty else {
            func list(_ labels: [Double]) -> String {
                labels.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : "\($0)" }.joined(separator: ", ")
            }
            let rows = test.filter { !seen.contains($0) }.count
            throw TableInputError.unscorable(file: file == "-" ? "standard input" : file,
                                             reason: "the test labels \(list(unseen)) (\(rows) rows) never occur in training "
                                                 + "(labels \(list(seen.sorted()))); a classifier cannot predict them")
        }
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

/// What `crimekit forest` prints.
struct ForestReport: Encodable {
    var r2 = 0.0, mae = 0.0, rmse = 0.0, fitSeconds = 0.0, predictSeconds = 0.0
    var accuracy: Double?, precision: Double?, recall: Double?, f1: Double?, rocAUC: Double?
    var trainRows = 0, testRows = 0, trees = 0
    /// Rows `--missing drop` dropped from each table (nil without it).
    var missingDroppedTrain: Int?, missingDroppedTest: Int?

    enum CodingKeys: String, CodingKey {
        case r2, mae, rmse, accuracy, precision, recall, f1, trees
        case fitSeconds = "fit_seconds", predictSeconds = "predict_seconds", rocAUC = "roc_auc"
        case trainRows = "train_rows", testRows = "test_rows"
        case missingDroppedTrain = "missing_dropped_train", missingDroppedTest = "missing_dropped_test"
    }

    /// Key–value pairs for CSV output, in a fixed order.
    var pairs: [(String, String)] {
        var out: [(String, String)] = [("r2", "\(r2)"), ("mae", "\(mae)"), ("rmse", "\(rmse)")]
        if let accuracy, let precision, let recall, let f1, let rocAUC {
            out += [("accuracy", "\(accuracy)"), ("precision", "\(precision)"), ("recall", "\(recall)"),
                    ("f1", "\(f1)"), ("roc_auc", "\(rocAUC)")]
        }
        out += [("fit_seconds", "\(fitSeconds)"), ("predict_seconds", "\(predictSeconds)"),
                ("train_rows", "\(trainRows)"), ("test_rows", "\(testRows)"), ("trees", "\(trees)")]
        if let missingDroppedTrain, let missingDroppedTest {
            out += [("missing_dropped_train", "\(missingDroppedTrain)"), ("missing_dropped_test", "\(missingDroppedTest)")]
        }
        return out
    }
}
