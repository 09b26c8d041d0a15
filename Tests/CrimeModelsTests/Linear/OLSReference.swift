import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// One model of `Tests/Fixtures/linear/ols_reference.json` (made by statsmodels, see make_linear.py).
struct OLSReferenceModel: Decodable {
    let formula: String
    let names: [String]
    let params, bse, tvalues, pvalues: [String: Double]
    let conf_int, conf_int_90: [String: [Double]]
    let rsquared, rsquared_adj, fvalue, f_pvalue, llf, aic, bic, nobs, df_model, df_resid, ssr: Double
    let condition_number: Double
    let resid, fittedvalues: [Double]
    let vif: [String: Double]?
    let omnibus, omnibus_pvalue, jarque_bera, jarque_bera_pvalue, skew, kurtosis, durbin_watson: Double
    let bse_hc0, bse_hc1, bse_hc2, bse_hc3: [String: Double]
    let pvalues_hc0, pvalues_hc1, pvalues_hc2, pvalues_hc3: [String: Double]
    let cluster: String?
    let bse_cluster, pvalues_cluster: [String: Double]?
}

struct OLSReferenceFile: Decodable {
    let models: [String: OLSReferenceModel]

    static func load() throws -> OLSReferenceFile { try Fixtures.json(OLSReferenceFile.self, "linear", "ols_reference.json") }
}

/// `|a − b| ≤ tol · max(|b|, floor)`.
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-8, floor: Double = 1e-300) -> Bool {
    abs(a - b) <= tol * max(abs(b), floor)
}

/// Checks each named figure against the reference, recording the name of any that differ.
func expectAll(_ names: [String], _ ours: [Double], _ theirs: [String: Double], _ what: String,
               tol: Double = 1e-8, floor: Double = 1e-300) {
    for (i, name) in names.enumerated() {
        let reference = theirs[name] ?? .nan
        #expect(close(ours[i], reference, tol, floor: floor), "\(what)[\(name)]: \(ours[i]) vs statsmodels \(reference)")
    }
}
