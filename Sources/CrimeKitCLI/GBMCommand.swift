import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeModels
import Foundation

/// `crimekit gbm`: fits histogram gradient-boosted trees on one CSV table and scores them on another.
struct GBMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gbm",
        abstract: "Fit gradient-boosted trees (scikit-learn's HistGradientBoostingRegressor) on a training CSV and score them on a test CSV.",
        discussion: """
        Defaults are scikit-learn's. Early stopping is on only for more than 10,000 training rows (its \
        early_stopping="auto"); --validation-fraction 0 turns it off.
        """
    )

    @OptionGroup var data: TrainTestOptions

    @Option(name: .long, help: "Loss: squared_error or poisson (counts, log link).")
    var loss: String = BoostingLoss.squaredError.rawValue

    @Option(name: .long, help: "Maximum boosting iterations (trees), 1 to 100000.")
    var iterations: Int = 100

    @Option(name: .customLong("learning-rate"), help: "Shrinkage of every leaf value.")
    var learningRate: Double = 0.1

    @Option(name: .customLong("max-leaf-nodes"), help: "Maximum leaves per tree.")
    var maxLeafNodes: Int = 31

    @Option(name: .customLong("max-depth"), help: "Maximum tree depth (default: unlimited).")
    var maxDepth: Int?

    @Option(name: .customLong("min-samples-leaf"), help: "Minimum training rows per leaf.")
    var minSamplesLeaf: Int = 20

    @Option(name: .customLong("l2"), help: "L2 regularisation of leaf values.")
    var l2: Double = 0

    @Option(name: .customLong("max-bins"), help: "Histogram bins per feature (2–255).")
    var maxBins: Int = 255

    @Option(name: .customLong("validation-fraction"), help: "Share of rows held out for early stopping; 0 turns it off.")
    var validationFraction: Double = 0.1

    @Option(name: .long, help: "Seed of the held-out rows.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Save the fitted model to this file.")
    var save: String?

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    @OptionGroup var progress: ProgressOptions

    /// The library settings these options describe.
    func settings() throws -> BoostingSettings {
        guard let parsed = BoostingLoss(rawValue: loss) else {
            throw ValidationError("--loss must be squared_error or poisson, got \"\(loss)\"")
        }
        guard (1...BoostingSettings.maximumIterationCount).contains(iterations) else {
            throw ValidationError("--iterations must be between 1 and \(BoostingSettings.maximumIterationCount), got \(iterations)")
        }
        guard (0..<1).contains(validationFraction) else {
            throw ValidationError("--validation-fraction must be in [0, 1), got \(validationFraction)")
        }
        let settings = BoostingSettings(loss: parsed, learningRate: learningRate, maxIterations: iterations,
                                        maxLeafNodes: maxLeafNodes, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf,
                                        l2Regularization: l2, maxBins: maxBins,
                                        earlyStopping: validationFraction == 0 ? .off : .auto,
                                        validationFraction: validationFraction == 0 ? 0.1 : validationFraction, seed: seed)
        do {
            try settings.validate()
        } catch {
            throw ValidationError(error.localizedDescription)
        }
        return settings
    }

    func validate() throws { _ = try settings() }

    func run() throws {
        let loaded = try data.load()
        let (xTrain, yTrain, xTest, yTest) = (loaded.xTrain, loaded.yTrain, loaded.xTest, loaded.yTest)
        let line = progress.line()
        defer { line.finish() }
        var model = GradientBoostingRegressor(settings: try settings())
        model.progress = line.handler
        var report = GBMReport()
        report.fitSeconds = try ForestCommand.seconds { try model.fit(xTrain, targets: yTrain) }
        var predictions: [Double] = []
        report.predictSeconds = try ForestCommand.seconds { predictions = try model.predict(xTest) }
        if let save { try model.save(to: URL(fileURLWithPath: save)) }
        report.mae = Metrics.meanAbsoluteError(yTest, predictions)
        report.rmse = Metrics.rootMeanSquaredError(yTest, predictions)
        report.r2 = Metrics.r2(yTest, predictions)
        if model.settings.loss == .poisson { report.deviance = try Metrics.poissonDeviance(yTest, predictions) }
        report.iterations = model.iterationCount
        report.trainRows = xTrain.rows
        report.testRows = xTest.rows
        report.missingDroppedTrain = loaded.dropped?.train
        report.missingDroppedTest = loaded.dropped?.test
        if json {
            try JSONOutput.print(report)
        } else {
            print("key,value")
            for (key, value) in report.pairs { print("\(key),\(value)") }
        }
    }
}

/// What `crimekit gbm` prints.
struct GBMReport: Encodable {
    var mae = 0.0, rmse = 0.0, r2 = 0.0, fitSeconds = 0.0, predictSeconds = 0.0
    var deviance: Double?
    var iterations = 0, trainRows = 0, testRows = 0
    /// Rows `--missing drop` dropped from each table (nil without it).
    var missingDroppedTrain: Int?, missingDroppedTest: Int?

    enum CodingKeys: String, CodingKey {
        case mae, rmse, r2, deviance, iterations
        case fitSeconds = "fit_seconds", predictSeconds = "predict_seconds"
        case trainRows = "train_rows", testRows = "test_rows"
        case missingDroppedTrain = "missing_dropped_train", missingDroppedTest = "missing_dropped_test"
    }

    /// Key–value pairs for CSV output, in a fixed order.
    var pairs: [(String, String)] {
        var out: [(String, String)] = [("mae", "\(mae)"), ("rmse", "\(rmse)"), ("r2", "\(r2)")]
        if let deviance { out.append(("deviance", "\(deviance)")) }
        out += [("fit_seconds", "\(fitSeconds)"), ("predict_seconds", "\(predictSeconds)"), ("iterations", "\(iterations)"),
                ("train_rows", "\(trainRows)"), ("test_rows", "\(testRows)")]
        if let missingDroppedTrain, let missingDroppedTest {
            out += [("missing_dropped_train", "\(missingDroppedTrain)"), ("missing_dropped_test", "\(missingDroppedTest)")]
        }
        return out
    }
}
