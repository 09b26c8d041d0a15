import ArgumentParser
import CrimeModels
import Foundation

/// `crimekit ols`: fits a formula by ordinary least squares and prints statsmodels' figures.
struct OLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ols",
        abstract: "Fit an ordinary least squares model from a formula (patsy style) and print its summary or JSON."
    )

    @Option(name: .long, help: "CSV table with a header line.")
    var data: String

    @Option(name: .long, help: "Formula such as \"CRIME ~ INC + log(HOVAL) + C(district)\".")
    var formula: String

    @Option(name: .long, help: "Covariance for the summary: nonrobust, HC0, HC1, HC2, HC3 or cluster.")
    var cov: String = "nonrobust"

    @Option(name: .long, help: "Column whose values group rows for cluster-robust standard errors.")
    var cluster: String?

    @Option(name: .long, help: "A missing cell (empty, NA, NaN, null, …) in a column the model uses: error (default) or drop its row.")
    var missing: MissingValues = .error

    @Option(name: .long, help: "1 − confidence level of the intervals.")
    var alpha: Double = 0.05

    @Flag(name: .long, help: "Print one JSON object with statsmodels' names instead of the summary.")
    var json = false

    func validate() throws {
        let type = try covariance()
        if type == .cluster, cluster == nil { throw ValidationError("--cov cluster needs --cluster COLUMN") }
        if let cluster, type != .cluster {
            throw ValidationError("--cluster \(cluster) is used only with --cov cluster (got --cov \(cov))")
        }
        guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be between 0 and 1, not \(alpha)") }
    }

    /// The covariance `--cov` names.
    func covariance() throws -> CovarianceType {
        guard let type = CovarianceType(rawValue: cov) else {
            throw ValidationError("--cov must be nonrobust, HC0, HC1, HC2, HC3 or cluster, not '\(cov)'")
        }
        return type
    }

    func run() throws {
        let type = try covariance()
        let table = try DataTable.load(csv: URL(fileURLWithPath: data))
        let result = try OLS.fit(formula: formula, data: table, clusterBy: cluster, missing: missing)
        let dropped = missing == .drop ? table.rowCount - result.nobs : nil
        if json {
            try JSONOutput.print(try OLSReport(result, covariance: type, alpha: alpha, missingDropped: dropped))
        } else {
            print(try result.summary(covariance: type, alpha: alpha))
            if let dropped { print("Rows dropped for missing values: \(dropped)") }
        }
    }
}

/// The JSON of `crimekit ols --json`: statsmodels' attribute names; per-term figures keyed by patsy's
/// term names; non-finite numbers as null; `missing_dropped` (only with `--missing drop`) counts the rows dropped.
struct OLSReport: Encodable {
    let terms: [String]
    let params, bse, tvalues, pvalues, bse_hc0, bse_hc1, bse_hc2, bse_hc3, vif: [String: Double?]
    let bse_cluster: [String: Double?]?
    let conf_int: [String: [Double?]]
    let rsquared, rsquared_adj, fvalue, f_pvalue, llf, aic, bic, ssr, condition_number: Double?
    let nobs: Int
    let missing_dropped: Int?
    let df_model, df_resid: Double
    let cov_type: String
    let alpha: Double

    init(_ r: OLSResult, covariance: CovarianceType, alpha: Double, missingDropped: Int?) throws {
        func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
        func keyed(_ values: [Double]) -> [String: Double?] {
            Dictionary(uniqueKeysWithValues: zip(r.termNames, values.map(finite)))
        }
        let chosen = try r.inference(covariance)
        let f = try r.fTest(covariance)
        terms = r.termNames
        params = keyed(r.params)
        bse = keyed(chosen.bse)
        tvalues = keyed(chosen.statistics)
        pvalues = keyed(chosen.pvalues)
        bse_hc0 = keyed(try r.inference(.hc0).bse)
        bse_hc1 = keyed(try r.inference(.hc1).bse)
        bse_hc2 = keyed(try r.inference(.hc2).bse)
        bse_hc3 = keyed(try r.inference(.hc3).bse)
        bse_cluster = r.covCluster == nil ? nil : keyed(try r.inference(.cluster).bse)
        vif = keyed(r.vif)
        conf_int = Dictionary(uniqueKeysWithValues: zip(r.termNames, chosen.confInt(alpha: alpha).map { [finite($0.low), finite($0.high)] }))
        rsquared = finite(r.rsquared)
        rsquared_adj = finite(r.rsquaredAdj)
        fvalue = finite(f.fvalue)
        f_pvalue = finite(f.pvalue)
        llf = finite(r.llf)
        aic = finite(r.aic)
        bic = finite(r.bic)
        ssr = finite(r.ssr)
        condition_number = finite(r.conditionNumber)
        nobs = r.nobs
        missing_dropped = missingDropped
        df_model = r.dfModel
        df_resid = r.dfResid
        cov_type = covariance.rawValue
        self.alpha = alpha
    }
}
