import CrimeModels

extension RegressorForecaster where Model == RandomForestRegressor {
    /// The `forest` method: a random forest of regression trees on the ``CountFeature``s.
    ///
    /// Settings keep one fit on about 14,000 rows (540 cells × 26 training windows) well under half a
    /// second on two cores, so that a backtest of many origins stays quick: `trees` trees, each on a
    /// bootstrap sample of half the rows, splits searched over 32 quantile bins of every feature with
    /// a third of the features tried per split, at least 5 rows per leaf, depth at most 12.
    /// The same `seed` gives the same forecasts on any number of `threads` (nil: every core).
    public static func forest(trees: Int = 40, seed: UInt64 = 1, trainingWindows: Int = 26,
                              threads: Int? = nil) -> RegressorForecaster<RandomForestRegressor> {
        let model = RandomForestRegressor(trees: trees, maxDepth: 12, minSamplesLeaf: 5, maxFeatures: .fraction(1.0 / 3),
                                          maxSamples: 0.5, splitSearch: .histogram(bins: 32), seed: seed, threads: threads)
        return RegressorForecaster(name: "forest", model: model, trainingWindows: trainingWindows)
    }
}
