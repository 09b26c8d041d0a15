import CrimeCore
import CrimeModels
import Testing

/// Typed errors for input and settings gradient boosting cannot use.
@Suite struct BoostingBadInputTests {
    let x = Matrix(rows: 10, columns: 2, values: (0..<20).map(Double.init))
    let y = (0..<10).map { Double($0 % 3) }

    @Test("A validation fraction that leaves no training rows")
    func emptyValidationSplit() {
        var model = GradientBoostingRegressor(earlyStopping: .on, validationFraction: 0.95)
        #expect(throws: BoostingError.emptyValidationSplit(rows: 10, validationFraction: 0.95, trainingRows: 0,
                                                           validationRows: 10)) {
            try model.fit(x, targets: y)
        }
    }

    @Test("A validation fraction outside (0, 1)")
    func fractionOutOfRange() {
        var model = GradientBoostingRegressor(earlyStopping: .on, validationFraction: 0)
        #expect(throws: BoostingError.self) { try model.fit(x, targets: y) }
    }

    @Test("NaN features, in training and in prediction")
    func nanFeatures() throws {
        var values = x.values
        values[5] = .nan
        var model = GradientBoostingRegressor(maxIterations: 3, minSamplesLeaf: 2)
        #expect(throws: EstimatorError.nonFiniteValue(row: 2, column: 1)) {
            try model.fit(Matrix(rows: 10, columns: 2, values: values), targets: y)
        }
        try model.fit(x, targets: y)
        #expect(throws: EstimatorError.nonFiniteValue(row: 2, column: 1)) {
            try model.predict(Matrix(rows: 10, columns: 2, values: values))
        }
    }

    @Test("Negative or all-zero Poisson targets, bad hyperparameters, predicting before fit")
    func otherErrors() {
        var poisson = GradientBoostingRegressor(loss: .poisson)
        #expect(throws: BoostingError.negativePoissonTarget(row: 0, value: -1)) { try poisson.fit(x, targets: [-1] + y.dropFirst()) }
        #expect(throws: BoostingError.zeroPoissonTargetSum) { try poisson.fit(x, targets: Array(repeating: 0, count: 10)) }
        for settings in [BoostingSettings(learningRate: 0), BoostingSettings(maxLeafNodes: 1), BoostingSettings(maxBins: 256),
                         BoostingSettings(minSamplesLeaf: 0), BoostingSettings(l2Regularization: -1)] {
            var model = GradientBoostingRegressor(settings: settings)
            #expect(throws: BoostingError.self) { try model.fit(x, targets: y) }
        }
        #expect(throws: EstimatorError.notFitted) { try GradientBoostingRegressor().predict(x) }
        #expect(BoostingError.emptyValidationSplit(rows: 10, validationFraction: 0.95, trainingRows: 0, validationRows: 10)
            .localizedDescription.contains("validationFraction"))
    }
}
