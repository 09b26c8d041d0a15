import CrimeCore
import CrimeEval

/// One model's accuracy on the test period.
public struct HotspotScore: Sendable, Equatable {
    /// The model's name.
    public var model: String
    /// True for the naive baselines.
    public var isBaseline: Bool
    /// Mean absolute error per (cell, bucket).
    public var mae: Double
    /// Root mean squared error per (cell, bucket).
    public var rmse: Double
    /// Coefficient of determination over (cell, bucket) rows.
    public var r2: Double
}

/// The Las Vegas hot-spot study as a pipeline: fit each model on the training period's counts per
/// cell × bucket, forecast the next period, and score every model beside the naive baselines.
public enum HotspotStudy {
    /// Fits every model to the training counts (features from ``HotspotData/features()``) and
    /// forecasts the test period; adds the ``HotspotBaseline`` forecasts; scores all of them.
    ///
    /// Models are copied before fitting, so the values passed in stay unfitted.
    public static func run(_ data: HotspotData, models: [(name: String, model: any Regressor)]) throws -> HotspotResult {
        guard !models.isEmpty else { throw HotspotError.noModels }
        let (x, names) = data.features()
        var forecasts: [(name: String, isBaseline: Bool, values: [Double])] = []
        for (name, model) in models {
            var fitted = model
            try fitted.fit(x, targets: data.train)
            let forecast = try fitted.predict(x)
            guard forecast.count == data.rowCount else {
                throw HotspotError.badForecast(model: name, reason: "\(forecast.count) values for \(data.rowCount) rows")
            }
            if let bad = forecast.firstIndex(where: { !$0.isFinite }) {
                throw HotspotError.badForecast(model: name, reason: "row \(bad) is not finite")
            }
            forecasts.append((name, false, forecast))
        }
        for baseline in HotspotBaseline.allCases {
            forecasts.append((baseline.rawValue, true, baseline.forecast(data)))
        }
        let scores = forecasts.map { f in
            HotspotScore(model: f.name, isBaseline: f.isBaseline,
                         mae: Metrics.meanAbsoluteError(data.test, f.values),
                         rmse: Metrics.rootMeanSquaredError(data.test, f.values),
                         r2: Metrics.r2(data.test, f.values))
        }
        return HotspotResult(data: data, featureNames: names, scores: scores,
                             forecasts: forecasts.map { ($0.name, $0.values) })
    }
}
