import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

@Suite("Coefficient effects in words")
struct CoefficientEffectTests {
    static let columbus = try? DataTable.load(csv: Fixtures.url("linear", "columbus.csv"))

    @Test("log-log: the elasticity as a 1% change")
    func logLog() throws {
        let r = try OLS.fit(formula: "log(CRIME) ~ log(INC) + log(HOVAL)", data: #require(Self.columbus))
        let e = try r.effect(of: "log(INC)")
        #expect(e.form == .logLog)
        let beta = try #require(r.index(of: "log(INC)").map { r.params[$0] })
        #expect(abs(e.change - (pow(1.01, beta) - 1) * 100) < 1e-12)
        #expect(e.sentence.hasPrefix("A 1% increase in INC is associated with a decrease of 0.2959% in CRIME"))
        #expect(e.sentence.contains("elasticity -0.2978"))
    }

    @Test("log-linear, linear-log and linear forms")
    func otherForms() throws {
        let data = try #require(Self.columbus)
        let logLinear = try OLS.fit(formula: "log(CRIME) ~ INC", data: data)
        let a = try logLinear.effect(of: "INC")
        #expect(a.form == .logLinear && a.inPercent)
        #expect(abs(a.change - (exp(logLinear.params[1]) - 1) * 100) < 1e-12)
        let linearLog = try OLS.fit(formula: "CRIME ~ log(INC)", data: data)
        let b = try linearLog.effect(of: "log(INC)")
        #expect(b.form == .linearLog && !b.inPercent)
        #expect(abs(b.change - linearLog.params[1] * log(1.01)) < 1e-12)
        let linear = try OLS.fit(formula: "CRIME ~ INC + HOVAL", data: data)
        let c = try linear.effect(of: "INC")
        #expect(c.sentence == "A one-unit increase in INC is associated with a decrease of 1.597 units in CRIME, other terms held fixed (linear model).")
        #expect(throws: LinearModelError.self) { try linear.effect(of: "OPEN") }
    }
}
