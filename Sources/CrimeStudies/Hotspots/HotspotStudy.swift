import CrimeCore
import CrimeForecast
import CrimeEval

/// A model of the hot-spot study: the name its tables print and an unfitted regressor.
public struct HotspotModel {
    /// The name in the score table.
    public var name: String
    /// The regressor, copied before fitting (regressors are values).
    public var regressor: any Regressor

    /// A model printed as `name`.
    public init(name: String, _ regressor: any Regressor) {
        self.name = name
        self.regressor = regressor
    }
}

/// The Las Vegas hot-spot study as a pipeline: fit each model on the training period's counts per
/// cell × bucket, forecast the next period, and score every model beside the naive baselines.
public enum HotspotStudy {
    /// The share of the area flagged for the hit rate, PAI and PEI of the score table: 5 %.
    public static let areaShare = 0.05

    /// Fits every model to the training counts (features from ``HotspotData/features()``) and
    /// forecasts the test period; adds the forecasts of ``baselines(buckets:)``; scores all of them.
    ///
    /// Each score holds MAE, RMSE and R² over the (cell, bucket) rows of the test period and the hit
    /// rate, PAI and PEI at ``areaShare`` of the area pooled over the buckets: in every day-of-week ×
    /// shift bucket the cells with the highest forecast are flagged until 5 % of the study area (by
    /// ``HotspotData/areas``) is covered, and the incidents they capture, their area and the most
    /// incidents that area could hold are summed over the buckets
    /// (`HotspotMetrics.pooled(predicted:observed:areas:areaFraction:)`).
    ///
    /// Models are copied before fitting, so the values passed in stay unfitted.
    public static func run(_ data: HotspotData, models: [HotspotModel]) throws -> HotspotResult {
        guard !models.isEmpty else { throw HotspotError.noModels }
        let features = data.features()
        var forecasts: [HotspotForecast] = []
        for model in models {
            var fitted = model.regressor
            try fitted.fit(features.matrix, targets: data.train)
            let forecast = try fitted.predict(features.matrix)
            guard forecast.count == data.rowCount else {
                throw HotspotError.badForecast(model: model.name, reason: "\(forecast.count) values for \(data.rowCount) rows")
            }
            if let bad = forecast.firstIndex(where: { !$0.isFinite }) {
                throw HotspotError.badForecast(model: model.name, reason: "row \(bad) is not finite")
            }
            forecasts.append(HotspotForecast(model: model.name, values: forecast))
        }
        for baseline in baselines(buckets: data.buckets.count) {
            forecasts.append(HotspotForecast(model: baseline.name, values: try data.forecast(baseline.rule)))
        }
        let scores = try forecasts.enumerated().map { k, f in
            var score = try ForecastScore(model: f.model, isBaseline: k >= models.count, truth: data.test, predicted: f.values)
            score.hotspot = try HotspotMetrics.pooled(predicted: data.byBucket(f.values), observed: data.byBucket(data.test),
                                                      areas: data.areas, areaFraction: areaShare)
            return score
        }
        return HotspotResult(data: data, featureNames: features.names, scores: scores, forecasts: forecasts)
    }

    /// The naive forecasts every hot-spot model is judged against, each from the training period
    /// only (its `buckets` buckets are the history's windows, the test period's the targets):
    /// "naive: previous period", the training count in the same cell and bucket (seasonal naive
    /// with a season of one period); "naive: cell total × bucket share", the cell's training total
    /// spread over buckets by the city's share of each bucket (the margins model); and
    /// "naive: smoothed previous period", the previous period's count averaged over the cell and
    /// its neighbours.
    public static func baselines(buckets: Int) -> [NaiveBaseline] {
        [NaiveBaseline(name: "naive: previous period", rule: .seasonalNaive(period: buckets)),
         NaiveBaseline(name: "naive: cell total × bucket share", rule: .margins(period: buckets)),
         NaiveBaseline(name: "naive: smoothed previous period", rule: .neighborhoodMean(of: .seasonalNaive(period: buckets)))]
    }
}
