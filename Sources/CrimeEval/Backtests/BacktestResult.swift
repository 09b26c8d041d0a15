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

/// A model's scores in one fold.
public struct BacktestScore: Sendable, Equatable, Codable {
    /// Model or baseline name.
    public var model: String
    /// Fold index.
    public var fold: Int
    /// Rows scored.
    public var rows: Int
    /// Mean absolute error.
    public var mae: Double
    /// Root mean squared error.
    public var rmse: Double
}

/// A model's scores pooled over every forecast row of every fold.
public struct BacktestSummary: Sendable, Equatable, Codable {
    /// Model or baseline name.
    public var model: String
    /// True for the naive baselines.
    public var isBaseline: Bool
    /// Folds run.
    public var folds: Int
    /// Rows scored.
    public var rows: Int
    /// Mean absolute error.
    public var mae: Double
    /// Root mean squared error.
    public var rmse: Double
    /// Coefficient of determination.
    public var r2: Double
}

/// Everything a backtest produced: folds, per-fold scores, the pooled table and the forecasts.
public struct BacktestResult: Sendable, Equatable {
    /// The folds in order.
    public let folds: [BacktestFold]
    /// Scores per model and fold, baselines first.
    public let scores: [BacktestScore]
    /// One pooled row per model, baselines first, then models in the order given.
    public let summary: [BacktestSummary]
    /// The data rows forecast, in forecast order.
    public let testRows: [Int]
    /// Each model's forecasts, parallel to ``testRows``.
    public let predictions: [String: [Double]]

    /// The pooled row of a model.
    public func summary(of model: String) -> BacktestSummary? { summary.first { $0.model == model } }

    /// The pooled table as CSV: `model,baseline,folds,rows,mae,rmse,r2`.
    public var summaryCSV: String {
        (["model,baseline,folds,rows,mae,rmse,r2"] + summary.map {
            "\(CSVField.quoted($0.model)),\($0.isBaseline),\($0.folds),\($0.rows),\($0.mae),\($0.rmse),\($0.r2)"
        }).joined(separator: "\n") + "\n"
    }
}
