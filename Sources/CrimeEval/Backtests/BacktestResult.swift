import CrimeCore
import Foundation
/// One origin of a backtest.
public struct BacktestFold: Sendable, Equatable, Codable {
    /// The fold's position, from 0.
    public var index: Int
    /// First and last training window.
    public var trainWindows: ClosedRange<Int>
    /// First and last forecast window.
    public var testWindows: ClosedRange<Int>
    /// Training rows.
    public var trainRows: Int
    /// Forecast rows.
    public var testRows: Int
}

/// Everything a backtest produced: folds, per-fold scores, the pooled table and the forecasts.
public struct BacktestResult: Sendable, Equatable {
    /// The folds in order.
    public let folds: [BacktestFold]
    /// Scores per model and fold (``ForecastScore/fold`` set), baselines first.
    public let scores: [ForecastScore]
    /// One score per model over every forecast row of every fold, baselines first, then models in
    /// the order given.
    public let summary: [ForecastScore]
    /// The data rows forecast, in forecast order.
    public let testRows: [Int]
    /// Each model's forecasts, parallel to ``testRows``.
    public let predictions: [String: [Double]]

    /// The pooled score of a model.
    public func summary(of model: String) -> ForecastScore? { summary.first { $0.model == model } }

    /// The pooled table as CSV: `model,baseline,folds,rows,mae,rmse,r2`.
    public var summaryCSV: String {
        (["model,baseline,folds,rows,mae,rmse,r2"] + summary.map {
            let r = $0.regression
            return "\(CSVField.quoted($0.model)),\($0.isBaseline),\(folds.count),\(predictions[$0.model]?.count ?? 0),"
                + "\(r?.mae ?? .nan),\(r?.rmse ?? .nan),\(r?.r2 ?? .nan)"
        }).joined(separator: "\n") + "\n"
    }
}
