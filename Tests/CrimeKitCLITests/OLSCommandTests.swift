import CrimeTestSupport
import Foundation
import Testing

@Suite("crimekit ols")
struct OLSCommandTests {
    struct Reference: Decodable {
        struct Model: Decodable {
            let params, bse, tvalues, pvalues, bse_hc1: [String: Double]
            let conf_int: [String: [Double]]
            let rsquared, rsquared_adj, fvalue, f_pvalue, llf, aic, bic, nobs, df_resid: Double
        }
        let models: [String: Model]
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-8 * abs(b) }

    @Test("--json prints statsmodels' names and numbers for Columbus", arguments: [
        ("columbus", "CRIME ~ INC + HOVAL"), ("columbus_loglog", "log(CRIME) ~ log(INC) + log(HOVAL)"),
    ])
    func json(key: String, formula: String) throws {
        let path = Fixtures.url("linear", "columbus.csv").path
        let result = try CLIRunner.run(["ols", "--data", path, "--formula", formula, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let ref = try #require(try Fixtures.json(Reference.self, "linear", "ols_reference.json").models[key])
        for (name, expected) in [("params", ref.params), ("bse", ref.bse), ("tvalues", ref.tvalues), ("pvalues", ref.pvalues), ("bse_hc1", ref.bse_hc1)] {
            let got = try #require(object[name] as? [String: Double], "missing \(name)")
            #expect(Set(got.keys) == Set(expected.keys), "\(name) keys")
            for (term, value) in expected { #expect(Self.close(got[term] ?? .nan, value), "\(name)[\(term)]") }
        }
        let ci = try #require(object["conf_int"] as? [String: [Double]])
        for (term, bounds) in ref.conf_int {
            #expect(Self.close(ci[term]?[0] ?? .nan, bounds[0]) && Self.close(ci[term]?[1] ?? .nan, bounds[1]), "conf_int[\(term)]")
        }
        for (name, value) in [("rsquared", ref.rsquared), ("rsquared_adj", ref.rsquared_adj), ("fvalue", ref.fvalue),
                              ("f_pvalue", ref.f_pvalue), ("llf", ref.llf), ("aic", ref.aic), ("bic", ref.bic),
                              ("nobs", ref.nobs), ("df_resid", ref.df_resid)] {
            #expect(Self.close((object[name] as? Double) ?? .nan, value), "\(name)")
        }
    }

    @Test("Without --json it prints the summary table")
    func summary() throws {
        let path = Fixtures.url("linear", "columbus.csv").path
        let result = try CLIRunner.run(["ols", "--data", path, "--formula", "CRIME ~ INC + HOVAL"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("OLS Regression Results"))
        #expect(result.stdout.contains("Intercept     68.6190      4.735     14.490      0.000      59.087      78.151"))
    }

    @Test("A missing column, a missing file and a bad --cov fail with a sentence naming them")
    func errors() throws {
        let path = Fixtures.url("linear", "columbus.csv").path
        let missing = try CLIRunner.run(["ols", "--data", path, "--formula", "CRIME ~ INCOME"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("'INCOME'"))
        let noFile = try CLIRunner.run(["ols", "--data", "/nonexistent/t.csv", "--formula", "y ~ x"])
        #expect(noFile.status != 0)
        #expect(noFile.stderr.contains("/nonexistent/t.csv"))
        let badCov = try CLIRunner.run(["ols", "--data", path, "--formula", "CRIME ~ INC", "--cov", "HC9"])
        #expect(badCov.status != 0)
        #expect(badCov.stderr.contains("--cov"))
    }
}
