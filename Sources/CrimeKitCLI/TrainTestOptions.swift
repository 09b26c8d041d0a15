import ArgumentParser
import CrimeCore
import CrimeModels

/// The training and test tables of `crimekit forest` and `crimekit gbm`: two numeric CSVs with the same
/// columns, one of them the target.
struct TrainTestOptions: ParsableArguments {
    @Option(name: .long, help: "Training CSV with a header row; every column but the target is a feature.")
    var train: String

    @Option(name: .long, help: "Test CSV with the same columns.")
    var test: String

    @Option(name: .long, help: "Name of the target column.")
    var target: String

    @Option(name: .long, help: "A missing cell (empty, NA, NaN, null, …): error (default), or drop its row and print how many were dropped.")
    var missing: MissingValues = .error

    /// The features (every column but the target, in the training file's order) and targets of both tables,
    /// without the rows `--missing drop` drops.
    func load() throws -> TrainTestData {
        let trainFile = try NumericColumns(path: train)
        let features = trainFile.names.filter { $0 != target }
        let (trainTable, trainDropped) = try trainFile.handlingMissing(missing, in: features + [target])
        let (testTable, testDropped) = try NumericColumns(path: test).handlingMissing(missing, in: features + [target])
        return TrainTestData(features: features,
                             xTrain: try trainTable.matrix(features), yTrain: try trainTable.column(target),
                             xTest: try testTable.matrix(features), yTest: try testTable.column(target),
                             dropped: missing == .drop ? (trainDropped, testDropped) : nil)
    }
}

/// Loaded training and test tables.
struct TrainTestData {
    let features: [String]
    let xTrain: Matrix, yTrain: [Double]
    let xTest: Matrix, yTest: [Double]
    /// Rows dropped for missing values (train, test); nil unless `--missing drop`.
    let dropped: (train: Int, test: Int)?
}
