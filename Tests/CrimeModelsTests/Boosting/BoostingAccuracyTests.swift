import CrimeCore
import CrimeModels
import Testing

/// Test scores against scikit-learn's `HistGradientBoostingRegressor` on the same count data.
@Suite struct BoostingAccuracyTests {
    let fixture: BoostingFixture

    init() throws { fixture = try BoostingFixture() }

    /// The case's test predictions from a model with the same hyperparameters.
    func predictions(_ name: String) throws -> (BoostingFixture.Case, [Double], GradientBoostingRegressor) {
        let reference = try #require(fixture.reference.cases[name])
        var model = GradientBoostingRegressor(settings: reference.params.settings)
        try model.fit(fixture.xTrain, targets: fixture.yTrain)
        return (reference, try model.predict(fixture.xTest), model)
    }

    @Test("Poisson loss: test deviance within 1 % of scikit-learn's", arguments: ["poisson_default", "poisson_small"])
    func poissonDeviance(_ name: String) throws {
        let (reference, predicted, model) = try predictions(name)
        let deviance = BoostingFixture.poissonDeviance(fixture.yTest, predicted)
        #expect(abs(deviance / reference.mean_poisson_deviance - 1) < 0.01)
        #expect(abs(BoostingFixture.mae(fixture.yTest, predicted) / reference.mae - 1) < 0.01)
        #expect(model.iterationCount == reference.n_iter)
    }

    @Test("Squared error: test MAE and RMSE within 1 % of scikit-learn's")
    func squaredError() throws {
        let (reference, predicted, model) = try predictions("squared_error_default")
        let mae = BoostingFixture.mae(fixture.yTest, predicted)
        let rmse = BoostingFixture.rmse(fixture.yTest, predicted)
        #expect(abs(mae / reference.mae - 1) < 0.01)
        #expect(abs(rmse / reference.rmse - 1) < 0.01)
        #expect(model.iterationCount == reference.n_iter)
    }
}
