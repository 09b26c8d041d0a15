/// How one model or baseline scored on held-out data: the score of every backtest and study.
///
/// A score holds the figures its study computes and nil for the rest: regression figures
/// (``RegressionSummary``: MAE, MSE, RMSE, R² with scikit-learn's definitions) for count forecasts;
/// classification figures (``ThresholdPoint``: a threshold and its confusion matrix, whence
/// precision, recall and F1) for yes/no forecasts; hot-spot figures (``HotspotPoint``: hit rate,
/// PAI, PEI at an area share); the per-map F1 scores of ``MapF1``; and variance ratios that tell
/// whether a forecast moves as much as the truth does.
///
/// As JSON, a score is one flat object: `model`, `baseline`, `fold` and each figure under a
/// snake_case key (`mae`, `r2`, `hit_rate`, `pai`, `pei`, `precision`, …); absent figures are left out.
public struct ForecastScore: Sendable, Equatable {
    /// The model's or baseline's name.
    public var model: String
    /// True for naive baselines.
    public var isBaseline: Bool
    /// The backtest fold scored; nil for a score over the whole test set.
    public var fold: Int?
    /// MAE, MSE, RMSE and R² of count forecasts.
    public var regression: RegressionSummary?
    /// The decisions at a threshold (chosen on validation data) of probability forecasts.
    public var classification: ThresholdPoint?
    /// Hit rate, PAI and PEI at a share of the area.
    public var hotspot: HotspotPoint?
    /// F1 per forecast map, averaged over maps (``MapF1/perSample(truth:predicted:height:width:threshold:zeroDivision:)``).
    public var perSampleF1: Double?
    /// The neighbour-tolerant per-map F1 (``MapF1/neighbourTolerant(truth:predicted:height:width:threshold:rule:zeroDivision:)``).
    public var tolerantF1: Double?
    /// Variance of all forecasts ÷ variance of all true values (``Metrics/varianceRatio(_:_:)``).
    public var varianceRatio: Double?
    /// The mean over cells of each cell's forecast variance over windows ÷ its true variance
    /// (``Metrics/withinCellVarianceRatio(_:_:cells:)``).
    public var withinCellVarianceRatio: Double?

    /// A score with no figures yet.
    public init(model: String, isBaseline: Bool = false, fold: Int? = nil) {
        self.model = model
        self.isBaseline = isBaseline
        self.fold = fold
    }

    /// The regression figures of `predicted` against `truth`.
    ///
    /// Throws when the inputs are empty or differ in length; a NaN among them gives NaN figures.
    public init(model: String, isBaseline: Bool = false, fold: Int? = nil, truth: [Double], predicted: [Double]) throws {
        guard !truth.isEmpty else { throw MetricsError.empty(what: "truth of \(model)") }
        guard predicted.count == truth.count else {
            throw MetricsError.lengthMismatch(what: "forecasts of \(model)", expected: truth.count, got: predicted.count)
        }
        self.init(model: model, isBaseline: isBaseline, fold: fold)
        regression = RegressionSummary(unchecked: truth, predicted)
    }

    /// The decisions of a threshold chosen on validation data
    /// (``ThresholdSweep/choose(validationLabels:validationScores:criterion:thresholds:)``) on test
    /// labels and scores; throws for inputs ``ConfusionMatrix`` rejects.
    public init(model: String, isBaseline: Bool = false, threshold: ThresholdChoice,
                testLabels: [Double], testScores: [Double]) throws {
        self.init(model: model, isBaseline: isBaseline)
        classification = ThresholdPoint(threshold: threshold.threshold,
                                        confusion: try threshold.evaluate(testLabels: testLabels, testScores: testScores))
    }
}
