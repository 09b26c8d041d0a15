import CrimeCore

/// Rolling-origin evaluation of regressors beside naive baselines.
///
/// For each origin, every model is made afresh, fitted on the rows of the training windows (all
/// windows before the origin, or the latest `maximumTrainingWindows` of them) and asked to forecast
/// the rows of the next `horizon` windows; then the origin moves on by `step` windows. Rows are
/// forecast from their own feature rows, so with lag features and `horizon` > 1 each later window
/// still sees observed lags (a one-step-ahead forecast per window, as the feature table defines it).
public enum Backtest {
    /// Runs the backtest. `neighbors[c]` lists the cell ordinals next to cell c (for the spatial
    /// baseline; CrimeCore's `SpaceTimeCube.neighbors(from:)` gives it for a cube).
    ///
    /// Throws when there are no distinct windows left to forecast, when a model's fit or predict
    /// throws, when a model returns the wrong number of forecasts, or when a name repeats.
    public static func run(data: BacktestData, models: [BacktestModel], origin: RollingOrigin,
                           neighbors: [[Int]]? = nil) throws -> BacktestResult {
        guard origin.initialWindows >= 1, origin.horizon >= 1, origin.step >= 1 else {
            throw MetricsError.badParameter(name: "rolling origin", reason: "initial windows, horizon and step must be ≥ 1")
        }
        if let m = origin.maximumTrainingWindows, m < 1 {
            throw MetricsError.badParameter(name: "maximum training windows", reason: "must be ≥ 1, got \(m)")
        }
        let names = NaiveBaseline.allCases.map(\.rawValue) + models.map(\.name)
        guard Set(names).count == names.count else {
            throw MetricsError.badParameter(name: "model names", reason: "names must be unique and differ from the baselines' (\(names.joined(separator: ", ")))")
        }
        let windows = Array(Set(data.windows)).sorted()
        guard origin.initialWindows < windows.count else {
            throw MetricsError.badParameter(name: "initial windows",
                                            reason: "\(origin.initialWindows) leaves nothing to forecast among \(windows.count) windows")
        }
        var rowsByWindow = [Int: [Int]]()
        for (r, w) in data.windows.enumerated() { rowsByWindow[w, default: []].append(r) }

        var folds = [BacktestFold]()
        var scores = [BacktestScore]()
        var testRows = [Int]()
        var predictions = [String: [Double]]()
        var start = origin.initialWindows
        while start < windows.count {
            let firstTrain = origin.maximumTrainingWindows.map { max(0, start - $0) } ?? 0
            let end = min(start + origin.horizon, windows.count)
            let train = windows[firstTrain..<start].flatMap { rowsByWindow[$0] ?? [] }
            let test = windows[start..<end].flatMap { rowsByWindow[$0] ?? [] }
            let fold = BacktestFold(index: folds.count, trainWindows: windows[firstTrain]...windows[start - 1],
                                    testWindows: windows[start]...windows[end - 1], trainRows: train.count, testRows: test.count)
            folds.append(fold)
            let truth = test.map { data.targets[$0] }
            let history = BaselineHistory(data: data, rows: train, neighbors: neighbors)
            var forecasts = [(String, [Double])]()
            for b in NaiveBaseline.allCases {
                forecasts.append((b.rawValue, test.map { history.forecast(b, cell: data.cells[$0], window: data.windows[$0]) }))
            }
            let trainX = try data.features.selectingRows(train), testX = try data.features.selectingRows(test)
            let trainY = train.map { data.targets[$0] }
            for model in models {
                var regressor = try model.make()
                try regressor.fit(trainX, targets: trainY)
                let p = try regressor.predict(testX)
                guard p.count == test.count else {
                    throw MetricsError.lengthMismatch(what: "forecasts of model \(model.name) in fold \(fold.index)", expected: test.count, got: p.count)
                }
                try MetricsCheck.finite(p, "forecasts of model \(model.name) in fold \(fold.index)")
                forecasts.append((model.name, p))
            }
            for (name, p) in forecasts {
                scores.append(BacktestScore(model: name, fold: fold.index, rows: test.count,
                                            mae: Metrics.meanAbsoluteError(truth, p), rmse: Metrics.rootMeanSquaredError(truth, p)))
                predictions[name, default: []].append(contentsOf: p)
            }
            testRows += test
            start += origin.step
        }
        let truth = testRows.map { data.targets[$0] }
        let summary = names.map { name -> BacktestSummary in
            let p = predictions[name] ?? []
            return BacktestSummary(model: name, isBaseline: NaiveBaseline(rawValue: name) != nil, folds: folds.count,
                                   rows: p.count, mae: Metrics.meanAbsoluteError(truth, p),
                                   rmse: Metrics.rootMeanSquaredError(truth, p), r2: Metrics.r2(truth, p))
        }
        return BacktestResult(folds: folds, scores: scores, summary: summary, testRows: testRows, predictions: predictions)
    }
}
