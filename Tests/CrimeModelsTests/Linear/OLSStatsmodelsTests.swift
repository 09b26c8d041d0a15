import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("OLS against statsmodels")
struct OLSStatsmodelsTests {
    static let columbus = try? DataTable.load(csv: Fixtures.url("linear", "columbus.csv"))
    static let synthetic = try? DataTable.load(csv: Fixtures.url("linear", "synthetic.csv"))

    func fit(_ key: String, table: DataTable?) throws -> (OLSResult, OLSReferenceModel) {
        let reference = try #require(try OLSReferenceFile.load().models[key])
        let data = try #require(table)
        let result = try OLS.fit(formula: reference.formula, data: data, clusterBy: reference.cluster)
        return (result, reference)
    }

    func checkEverything(_ key: String, table: DataTable?) throws {
        let (r, ref) = try fit(key, table: table)
        #expect(r.termNames == ref.names)
        let names = r.termNames
        expectAll(names, r.params, ref.params, "params")
        expectAll(names, r.bse, ref.bse, "bse")
        expectAll(names, r.tvalues, ref.tvalues, "tvalues")
        expectAll(names, r.pvalues, ref.pvalues, "pvalues")
        let ci = r.confInt(), ci90 = r.confInt(alpha: 0.10)
        expectAll(names, ci.map(\.low), ref.conf_int.mapValues { $0[0] }, "conf_int low")
        expectAll(names, ci.map(\.high), ref.conf_int.mapValues { $0[1] }, "conf_int high")
        expectAll(names, ci90.map(\.low), ref.conf_int_90.mapValues { $0[0] }, "conf_int(0.1) low")
        expectAll(names, ci90.map(\.high), ref.conf_int_90.mapValues { $0[1] }, "conf_int(0.1) high")
        let scalars: [(String, Double, Double)] = [
            ("rsquared", r.rsquared, ref.rsquared), ("rsquared_adj", r.rsquaredAdj, ref.rsquared_adj),
            ("fvalue", r.fvalue, ref.fvalue), ("f_pvalue", r.fPvalue, ref.f_pvalue), ("llf", r.llf, ref.llf),
            ("aic", r.aic, ref.aic), ("bic", r.bic, ref.bic), ("nobs", Double(r.nobs), ref.nobs),
            ("df_model", r.dfModel, ref.df_model), ("df_resid", r.dfResid, ref.df_resid), ("ssr", r.ssr, ref.ssr),
            ("condition_number", r.conditionNumber, ref.condition_number),
        ]
        for (name, ours, theirs) in scalars { #expect(close(ours, theirs), "\(name): \(ours) vs statsmodels \(theirs)") }
        let scaleY = ref.fittedvalues.map(abs).max() ?? 1
        #expect(zip(r.residuals, ref.resid).allSatisfy { abs($0 - $1) <= 1e-8 * scaleY })
        #expect(zip(r.fittedValues, ref.fittedvalues).allSatisfy { close($0, $1) })
        if let vif = ref.vif { expectAll(names, r.vif, vif, "vif") }
        let robust: [(CovarianceType, [String: Double], [String: Double])] = [
            (.hc0, ref.bse_hc0, ref.pvalues_hc0), (.hc1, ref.bse_hc1, ref.pvalues_hc1),
            (.hc2, ref.bse_hc2, ref.pvalues_hc2), (.hc3, ref.bse_hc3, ref.pvalues_hc3),
        ]
        for (type, bse, pvalues) in robust {
            let inference = try r.inference(type)
            expectAll(names, inference.bse, bse, "bse_\(type.rawValue)")
            expectAll(names, inference.pvalues, pvalues, "pvalues_\(type.rawValue)")
        }
        if let bse = ref.bse_cluster, let pvalues = ref.pvalues_cluster {
            let inference = try r.inference(.cluster)
            expectAll(names, inference.bse, bse, "bse_cluster")
            expectAll(names, inference.pvalues, pvalues, "pvalues_cluster")
        } else {
            #expect(throws: LinearModelError.self) { try r.inference(.cluster) }
        }
    }

    @Test("Columbus CRIME ~ INC + HOVAL: every figure, HC0–HC3 and cluster by CP")
    func columbus() throws { try checkEverything("columbus", table: Self.columbus) }

    @Test("Columbus log-log model")
    func columbusLogLog() throws { try checkEverything("columbus_loglog", table: Self.columbus) }

    @Test("Columbus without intercept: uncentred R²")
    func columbusNoIntercept() throws { try checkEverything("columbus_nointercept", table: Self.columbus) }

    @Test("Synthetic design: near-collinear pair, categorical, interaction, cluster by district")
    func synthetic() throws { try checkEverything("synthetic", table: Self.synthetic) }

    @Test("Full dummy coding without an intercept: the implicit constant gives centred R² and F")
    func implicitConstant() throws {
        try checkEverything("synthetic_implicit_constant", table: Self.synthetic)
        let (r, _) = try fit("synthetic_implicit_constant", table: Self.synthetic)
        #expect(r.hasIntercept && r.interceptIndex == nil)
    }

    @Test("Anselin's published Columbus fit: 68.619 − 1.597 INC − 0.274 HOVAL, R² ≈ 0.552")
    func published() throws {
        let (r, _) = try fit("columbus", table: Self.columbus)
        #expect(abs(r.params[0] - 68.619) < 5e-4)
        #expect(abs(r.params[1] - -1.597) < 5e-4)
        #expect(abs(r.params[2] - -0.274) < 5e-4)
        #expect(abs(r.rsquared - 0.552) < 5e-4)
        #expect(r.nobs == 49)
    }
}
