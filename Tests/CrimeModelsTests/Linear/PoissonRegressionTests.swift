import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// One model of `Tests/Fixtures/glm/glm_reference.json` (statsmodels' Poisson GLM, see make_glm.py).
struct GLMReferenceModel: Decodable {
    let names: [String]
    let params, bse, tvalues, pvalues: [String: Double]
    let conf_int: [String: [Double]]
    let deviance, pearson_chi2, llf, aic, bic_llf, nobs, df_resid, df_model: Double
    let fittedvalues: [Double]
    let formula: String?

    static func load(_ key: String) throws -> GLMReferenceModel {
        struct File: Decodable { let models: [String: GLMReferenceModel] }
        return try #require(try Fixtures.json(File.self, "glm", "glm_reference.json").models[key])
    }
}

@Suite("Poisson regression against statsmodels")
struct PoissonRegressionTests {
    static let synthetic = try? DataTable.load(csv: Fixtures.url("glm", "synthetic.csv"))

    func numbers(_ table: DataTable, _ name: String) throws -> [Double] {
        guard case let .numeric(values)? = table.column(name) else { throw LinearModelError.unknownColumn(name, available: table.names) }
        return values
    }

    func features(_ table: DataTable) throws -> Matrix {
        let columns = try ["x1", "x2", "x3"].map { try numbers(table, $0) }
        let n = columns[0].count
        return Matrix(rows: n, columns: 3, values: (0..<n).flatMap { i in columns.map { $0[i] } })
    }

    /// Every figure within 1e-8 (relative) of statsmodels; terms compared by position under the
    /// reference's names (a formula's `Intercept` is statsmodels' `const`).
    func expectMatches(_ r: PoissonRegressionResult, _ ref: GLMReferenceModel) {
        let names = ref.names
        #expect(r.params.count == names.count)
        let ci = r.confInt()
        expectAll(names, r.params, ref.params, "params")
        expectAll(names, r.bse, ref.bse, "bse")
        expectAll(names, r.tvalues, ref.tvalues, "tvalues")
        // statsmodels takes its covariance from the weights of the last-but-one IRLS step (about 1e-8 off
        // the information at the solution); a p-value moves by z² times a relative change of z, and an
        // interval end near zero by a fraction of bse, so those two are held to that scale.
        for (i, name) in names.enumerated() {
            let p = ref.pvalues[name] ?? .nan, z = ref.tvalues[name] ?? .nan, se = ref.bse[name] ?? .nan
            let bounds = ref.conf_int[name] ?? [.nan, .nan]
            #expect(abs(r.pvalues[i] - p) <= 1e-8 * p * max(1, z * z), "pvalues[\(name)]: \(r.pvalues[i]) vs \(p)")
            #expect(abs(ci[i].low - bounds[0]) <= 1e-8 * (abs(bounds[0]) + 1.96 * se), "conf_int low[\(name)]")
            #expect(abs(ci[i].high - bounds[1]) <= 1e-8 * (abs(bounds[1]) + 1.96 * se), "conf_int high[\(name)]")
        }
        let scalars: [(String, Double, Double)] = [
            ("deviance", r.deviance, ref.deviance), ("pearson_chi2", r.pearsonChi2, ref.pearson_chi2),
            ("llf", r.llf, ref.llf), ("aic", r.aic, ref.aic), ("bic_llf", r.bic, ref.bic_llf),
            ("nobs", Double(r.nobs), ref.nobs), ("df_resid", r.dfResid, ref.df_resid), ("df_model", r.dfModel, ref.df_model),
        ]
        for (name, ours, theirs) in scalars { #expect(close(ours, theirs), "\(name): \(ours) vs statsmodels \(theirs)") }
        #expect(r.fittedValues.count == ref.fittedvalues.count)
        #expect(zip(r.fittedValues, ref.fittedvalues).allSatisfy { close($0, $1) })
        #expect(r.converged)
    }

    @Test("Numeric design with an offset, as a Regressor with the intercept added")
    func offsetDesign() throws {
        let table = try #require(Self.synthetic)
        let ref = try GLMReferenceModel.load("synthetic_offset")
        var model = PoissonRegression()
        let x = try features(table)
        let offset = try numbers(table, "offset")
        try model.fit(x, targets: try numbers(table, "y"), offset: offset, exposure: nil)
        let result = try #require(model.result)
        #expect(result.termNames == ["const", "x1", "x2", "x3"])
        expectMatches(result, ref)
        let means = try model.predict(x, offset: offset, exposure: nil)
        #expect(zip(means, ref.fittedvalues).allSatisfy { close($0, $1) })
        // Without an offset, the Regressor's predict is exp(Xβ).
        let plain = try model.predict(x)
        #expect(zip(plain, zip(means, offset)).allSatisfy { close($0, $1.0 * exp(-$1.1), 1e-12) })
        // The registry's `poisson` is this model, usable wherever a Regressor is.
        #expect(try EstimatorRegistry().make("poisson") is PoissonRegression)
    }

    @Test("Formula with offset and exposure columns")
    func offsetAndExposureFormula() throws {
        let table = try #require(Self.synthetic)
        let ref = try GLMReferenceModel.load("synthetic_offset_exposure")
        let r = try PoissonRegression().fit(formula: "y ~ x1 + x2 + x3", data: table, offset: "offset", exposure: "exposure")
        #expect(r.termNames == ["Intercept", "x1", "x2", "x3"])
        expectMatches(r, ref)
    }

    /// `fixed_effects`: C(cell) + C(tow), 30 cells × 14 half-day buckets with an exposure column;
    /// `weekly_trend`: C(cell) + trend with weekly exposures (a partial first week).
    @Test("Fixed-effect formulas with an exposure column", arguments: ["fixed_effects", "weekly_trend"])
    func formulaWithExposure(_ name: String) throws {
        let table = try DataTable.load(csv: Fixtures.url("glm", "\(name).csv"))
        let ref = try GLMReferenceModel.load(name)
        let r = try PoissonRegression().fit(formula: try #require(ref.formula), data: table, exposure: "exposure")
        #expect(r.termNames == ref.names)
        expectMatches(r, ref)
    }

    @Test("A fit that runs out of iterations throws with its last deviance and iteration count")
    func notConverged() throws {
        let table = try #require(Self.synthetic)
        let ref = try GLMReferenceModel.load("synthetic_offset")
        let model = PoissonRegression(maxIterations: 1)
        do {
            _ = try model.fit(formula: "y ~ x1 + x2 + x3", data: table, offset: "offset")
            Issue.record("one IRLS step should not meet the tolerance")
        } catch let PoissonRegressionError.notConverged(deviance, iterations) {
            #expect(iterations == 1)
            #expect(deviance.isFinite && deviance > ref.deviance * (1 + 1e-6))
        }
        let converged = try PoissonRegression().fit(formula: "y ~ x1 + x2 + x3", data: table, offset: "offset")
        #expect(converged.iterations > 1)
    }

    @Test("Bad input throws typed errors that name the column and row")
    func badInput() throws {
        let x = Matrix(rows: 4, columns: 1, values: [0, 1, 2, 3])
        var model = PoissonRegression()
        #expect(throws: PoissonRegressionError.negativeResponse(column: "y", row: 2, value: -1)) {
            try model.fit(x, targets: [1, 2, -1, 4])
        }
        #expect(throws: LinearModelError.nonFinite(column: "y", row: 1)) { try model.fit(x, targets: [1, .nan, 3, 4]) }
        #expect(throws: PoissonRegressionError.allZeroResponse(column: "y")) { try model.fit(x, targets: [0, 0, 0, 0]) }
        #expect(throws: LinearModelError.nonFinite(column: "offset", row: 3)) {
            try model.fit(x, targets: [1, 2, 3, 4], offset: [0, 0, 0, .infinity], exposure: nil)
        }
        #expect(throws: PoissonRegressionError.nonPositiveExposure(column: "exposure", row: 0, value: 0)) {
            try model.fit(x, targets: [1, 2, 3, 4], offset: nil, exposure: [0, 1, 1, 1])
        }
        #expect(throws: PoissonRegressionError.self) {
            try model.fit(x, targets: [1, 2, 3, 4], offset: nil, exposure: [1, .nan, 1, 1])
        }
        #expect(throws: LinearModelError.lengthMismatch(what: "the exposure 'exposure'", expected: 4, got: 3)) {
            try model.fit(x, targets: [1, 2, 3, 4], offset: nil, exposure: [1, 1, 1])
        }
        let collinear = Matrix(rows: 4, columns: 3, values: [0, 1, 1, 1, 2, 3, 2, 0, 2, 3, 1, 4])
        #expect(throws: LinearModelError.collinearColumn("x3")) { try model.fit(collinear, targets: [1, 2, 3, 4]) }
        #expect(throws: EstimatorError.notFitted) { try PoissonRegression().predict(x) }
        var bare = PoissonRegression(addIntercept: false)
        #expect(throws: LinearModelError.self) { try bare.fit(Matrix(rows: 4, columns: 0, values: []), targets: [1, 2, 3, 4]) }
        var loose = PoissonRegression(tolerance: 0), short = PoissonRegression(maxIterations: 0)
        #expect(throws: LinearModelError.self) { try loose.fit(x, targets: [1, 2, 3, 4]) }
        #expect(throws: LinearModelError.self) { try short.fit(x, targets: [1, 2, 3, 4]) }
        try model.fit(x, targets: [1, 2, 3, 5])
        #expect(throws: EstimatorError.featureCountMismatch(expected: 1, got: 3)) { try model.predict(collinear) }
        #expect(throws: PoissonRegressionError.self) { try model.predict(x, offset: nil, exposure: [1, 1, -2, 1]) }
    }

    @Test("Formula offset and exposure columns are checked by name")
    func badFormulaColumns() throws {
        let table = try DataTable([("y", .numeric([1, 0, 3, 2])), ("x", .numeric([0, 1, 2, 3])),
                                   ("e", .numeric([1, 2, -1, 1])), ("label", .text(["a", "b", "a", "b"]))])
        let model = PoissonRegression()
        #expect(throws: PoissonRegressionError.nonPositiveExposure(column: "e", row: 2, value: -1)) {
            try model.fit(formula: "y ~ x", data: table, exposure: "e")
        }
        #expect(throws: LinearModelError.unknownColumn("days", available: table.names)) {
            try model.fit(formula: "y ~ x", data: table, exposure: "days")
        }
        #expect(throws: LinearModelError.textColumnInArithmetic("label")) {
            try model.fit(formula: "y ~ x", data: table, offset: "label")
        }
        #expect(PoissonRegressionError.notConverged(deviance: 12.5, iterations: 3).localizedDescription.contains("3 iterations"))
    }
}
