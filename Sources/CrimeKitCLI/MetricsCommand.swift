import ArgumentParser
import CrimeEval
import CrimeModels
import Foundation

/// `crimekit metrics`: scores forecasts in a CSV (regression: `y_true,y_pred`; binary: `label,score`).
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Score forecasts: MAE, MSE, RMSE, R² (--regression) or precision, recall, F1 at 0.5, ROC AUC, average precision (--binary)."
    )

    @Flag(name: .long, help: "Columns y_true,y_pred: print mae, mse, rmse, r2.")
    var regression = false

    @Flag(name: .long, help: "Columns label (0/1),score: print precision, recall, f1 (score ≥ 0.5 is positive), roc_auc, average_precision.")
    var binary = false

    @Option(name: .long, help: "The CSV file, or - for standard input.")
    var data: String

    @Option(name: .long, help: "A missing cell (empty, NA, NaN, null, …): error (default), or drop its row and print missing_dropped.")
    var missing: MissingValues = .error

    @Flag(name: .long, help: "Print one JSON object instead of CSV.")
    var json = false

    func validate() throws {
        guard regression != binary else { throw ValidationError("give exactly one of --regression or --binary") }
    }

    func run() throws {
        let file = data == "-" ? "standard input" : data
        var values: [(String, Double)]
        let (table, dropped) = try NumericColumns(path: data)
            .handlingMissing(missing, in: regression ? ["y_true", "y_pred"] : ["label", "score"])
        if regression {
            let s = try Metrics.regressionSummary(try table.column("y_true"), try table.column("y_pred"))
            values = [("mae", s.mae), ("mse", s.mse), ("rmse", s.rmse), ("r2", s.r2)]
        } else {
            let labels = try table.column("label"), scores = try table.column("score")
            do {
                let m = try ConfusionMatrix(labels: labels, scores: scores, threshold: 0.5)
                values = [("precision", m.precision), ("recall", m.recall), ("f1", m.f1),
                          ("roc_auc", try Metrics.rocAUC(labels: labels, scores: scores)),
                          ("average_precision", try Metrics.averagePrecision(labels: labels, scores: scores))]
            } catch let error as MetricsError {
                if case let .notBinary(index, value) = error {
                    throw TableInputError.badValue(file: file, line: table.table.records[index], column: "label", value: "\(value) (labels must be 0 or 1)")
                }
                throw TableInputError.unscorable(file: file, reason: error.description)
            }
        }
        if missing == .drop { values.append(("missing_dropped", Double(dropped))) }
        if json {
            try JSONOutput.print(Dictionary(uniqueKeysWithValues: values))
        } else {
            print((["metric,value"] + values.map { "\($0.0),\($0.1)" }).joined(separator: "\n"))
        }
    }
}
