import CrimeModels

extension RegressorForecaster where Model == GradientBoostingRegressor {
    /// The `gbm` method: gradient-boosted trees with the Poisson loss (log link, so forecasts are
    /// positive) on the ``CountFeature``s, as HunchLab-style count models are.
    ///
    /// Other settings are scikit-learn's `HistGradientBoostingRegressor` defaults (31 leaves, at
    /// least 20 rows per leaf, 255 bins): `iterations` trees at `learningRate`, with early stopping
    /// on a seeded 10 % of the rows when the training table has more than 10,000 rows (about 400
    /// cells × 26 windows). A history whose training windows hold no event at all cannot be fitted
    /// (CrimeModels's `BoostingError.zeroPoissonTargetSum`). The same `seed` gives the same
    /// forecasts on any number of `threads` (nil: every core).
    public static func gbm(iterations: Int = 100, learningRate: Double = 0.1, seed: UInt64 = 1, trainingWindows: Int = 26,
                           threads: Int? = nil) -> RegressorForecaster<GradientBoostingRegressor> {
        let model = GradientBoostingRegressor(loss: .poisson, learningRate: learningRate, maxIterations: iterations,
                                              seed: seed, threads: threads)
        return RegressorForecaster(name: "gbm", model: model, trainingWindows: trainingWindows)
    }
}
