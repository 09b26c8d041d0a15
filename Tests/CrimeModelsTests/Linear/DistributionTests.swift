import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("t, F and normal distributions against scipy.stats")
struct DistributionTests {
    struct Reference: Decodable {
        struct T: Decodable { let df, t, two_sided, cdf: Double }
        struct TQuantile: Decodable { let df, p, q: Double }
        struct F: Decodable { let d1, d2, f, sf, cdf: Double }
        struct Normal: Decodable { let p, q, sf: Double }
        let t: [T]
        let t_quantiles: [TQuantile]
        let f: [F]
        let normal: [Normal]
    }

    static func reference() throws -> Reference { try Fixtures.json(Reference.self, "linear", "distributions.json") }

    /// Relative 1e-12 for moderate degrees of freedom; near a million the rounding of `ln x` multiplied by
    /// half the degrees of freedom limits the relative accuracy of tail probabilities to about 1e-10.
    static func tolerance(_ df: Double) -> Double { df > 10_000 ? 1e-10 : 1e-12 }

    @Test("Student t: two-sided p-values and the CDF")
    func studentT() throws {
        for c in try Self.reference().t {
            let dist = StudentT(degreesOfFreedom: c.df)
            let tol = Self.tolerance(c.df)
            #expect(close(dist.twoSidedPValue(c.t), c.two_sided, tol, floor: 1e-300), "t=\(c.t) df=\(c.df)")
            #expect(close(dist.cdf(c.t), c.cdf, tol, floor: 1e-300), "cdf t=\(c.t) df=\(c.df)")
        }
    }

    @Test("Student t quantiles")
    func quantiles() throws {
        for c in try Self.reference().t_quantiles {
            let q = StudentT(degreesOfFreedom: c.df).quantile(c.p)
            #expect(abs(q - c.q) <= Self.tolerance(c.df) * 10 * max(1, abs(c.q)), "p=\(c.p) df=\(c.df): \(q) vs \(c.q)")
        }
    }

    @Test("F survival and CDF")
    func fisher() throws {
        for c in try Self.reference().f {
            let dist = FisherF(numerator: c.d1, denominator: c.d2)
            let tol = Self.tolerance(c.d2)
            #expect(close(dist.survival(c.f), c.sf, tol, floor: 1e-300), "sf f=\(c.f) d=(\(c.d1), \(c.d2))")
            #expect(close(dist.cdf(c.f), c.cdf, tol, floor: 1e-300), "cdf f=\(c.f) d=(\(c.d1), \(c.d2))")
        }
    }

    @Test("Normal quantiles and tails")
    func normal() throws {
        for c in try Self.reference().normal {
            #expect(abs(StandardNormal.quantile(c.p) - c.q) <= 1e-12 * max(1, abs(c.q)))
            #expect(close(StandardNormal.survival(c.q), c.sf, 1e-12))
        }
    }

    @Test("Hand-checkable facts: t with 1 df is Cauchy, t(2) has a closed form")
    func closedForms() {
        let cauchy = StudentT(degreesOfFreedom: 1)
        #expect(abs(cauchy.cdf(1) - 0.75) < 1e-14)
        #expect(abs(cauchy.quantile(0.75) - 1) < 1e-12)
        #expect(abs(cauchy.cdf(1e-6) - (0.5 + atan(1e-6) / Double.pi)) < 1e-16)
        let two = StudentT(degreesOfFreedom: 2)
        // P(T ≤ t) = 1/2 + t / (2 √(2 + t²)) for two degrees of freedom.
        #expect(abs(two.cdf(3) - (0.5 + 3 / (2 * 11.0.squareRoot()))) < 1e-14)
    }
}
