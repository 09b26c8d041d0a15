import ArgumentParser
import CrimeCore

/// The training and test tables of `crimekit forest` and `crimekit gbm`: two numeric CSVs with the same
/// columns, one of them the target.
struct TrainTestOptions: ParsableArguments {
    @Option(name: .long, help: "Training CSV with a header row; every column but the target is a feature.")
    var train: String

    @Option(name: .long, help: "Test CSV with the same columns.")
    var test: String

    @Option(name: .long, help: "Name of the target column.")
    var target: String

    /// The features (every column but the target, in the training file's order) and targets of both tables.
    func load() throws -> TrainTestData {
        let trainTable = try NumericColumns(path: train)
        let testTable = try NumericColumns(path: test)
        let features = trainTable.names.filter { $0 != target }
        return TrainTestData(features: features,
                             xTrain: try trainTable.matrix(features), yTrain: try trainTable.column(target),
                             xTest: try testTable.matrix(features), yTest: try testTable.column(target))
    }
}

/// Loaded training and test tables.
struct TrainTestData {
    let features: [String]
    let xTrain: Matrix, yTrain: [Double]
    let xTest: Matrix, yTest: [Double]
}
