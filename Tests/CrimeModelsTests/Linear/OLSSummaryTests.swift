import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("OLS summary and residual diagnostics against statsmodels")
struct OLSSummaryTests {
    struct Summaries: Decodable { let summaries: [String: String] }

    static func data(_ file: String) throws -> DataTable { try DataTable.load(csv: Fixtures.url("linear", file)) }

    /// Every line but Date and Time, which statsmodels fills from the clock.
    static func stable(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.hasPrefix("Date:") && !$0.hasPrefix("Time:") }
    }

    @Test("Summary text equals statsmodels' line for line", arguments: [
        ("columbus_nonrobust", "columbus.csv", "CRIME ~ INC + HOVAL", CovarianceType.nonrobust),
        ("columbus_nointercept_hc1", "columbus.csv", "CRIME ~ INC + HOVAL - 1", .hc1),
        ("columbus_loglog_hc3", "columbus.csv", "log(CRIME) ~ log(INC) + log(HOVAL)", .hc3),
        ("synthetic_nonrobust", "synthetic.csv", "y ~ x1 + x2 + log(z) + C(district) + x1:w", .nonrobust),
    ])
    func summary(key: String, file: String, formula: String, type: CovarianceType) throws {
        let reference = try #require(try Fixtures.json(Summaries.self, "linear", "ols_reference.json").summaries[key])
        let ours = try OLS.fit(formula: formula, data: Self.data(file)).summary(covariance: type)
        let expected = Self.stable(reference), got = Self.stable(ours)
        #expect(got.count == expected.count)
        for (a, b) in zip(got, expected) { #expect(a == b) }
    }

    @Test("Omnibus, Jarque–Bera, skew, kurtosis and Durbin–Watson")
    func diagnostics() throws {
        let reference = try OLSReferenceFile.load()
        for (key, file) in [("columbus", "columbus.csv"), ("synthetic", "synthetic.csv"), ("columbus_loglog", "columbus.csv")] {
            let ref = try #require(reference.models[key])
            let d = try OLS.fit(formula: ref.formula, data: Self.data(file)).diagnostics
            for (name, ours, theirs) in [("omnibus", d.omnibus, ref.omnibus), ("omnibus p", d.omnibusPvalue, ref.omnibus_pvalue),
                                         ("jb", d.jarqueBera, ref.jarque_bera), ("jb p", d.jarqueBeraPvalue, ref.jarque_bera_pvalue),
                                         ("skew", d.skew, ref.skew), ("kurtosis", d.kurtosis, ref.kurtosis),
                                         ("dw", d.durbinWatson, ref.durbin_watson)] {
                #expect(close(ours, theirs, 1e-8), "\(key) \(name): \(ours) vs \(theirs)")
            }
        }
    }
}
