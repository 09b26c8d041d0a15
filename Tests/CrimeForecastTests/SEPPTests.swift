import CrimeCore
@testable import CrimeForecast
import CrimeTestSupport
import Foundation
import Testing

/// The SEPP EM against an independent dense numpy implementation of the same likelihood and EM
/// (Tests/Fixtures/sepp/make_sepp.py): log-likelihood, θ, ω, σ and the background after 5 and 20
/// iterations from the same start values, and the hour-of-week bins and exposures it was given.
@Suite("SEPP EM against numpy")
struct SEPPTests {
    struct Reference: Decodable {
        struct Start: Decodable { let theta: Double, omega: Double, sigma: Double }
        struct Run: Decodable {
            let log_likelihood: Double, branching_ratio: Double, omega: Double, sigma: Double
            let background: [Double]
        }
        let start_utc: Int64, days: Int, cell_side_m: Double
        let start_values: Start
        let seconds: [Int64], x: [Double], y: [Double], cell: [Int32], hour: [Int32]
        let exposure_days: [Double]
        let runs: [String: Run]
    }

    static func reference() throws -> Reference { try Fixtures.json(Reference.self, "sepp", "sepp_reference.json") }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test func hoursOfTheWeekMatchNumpy() throws {
        let r = try Self.reference()
        let hours = WeekHours(zone: try ZoneClock(identifier: "UTC"))
        #expect(r.seconds.map { Int32(hours.hour(utc: $0)) } == r.hour)
        let exposure = hours.exposure(from: r.start_utc, to: r.start_utc + Int64(r.days) * 86_400)
        #expect(zip(exposure, r.exposure_days).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test(arguments: ["5", "20"])
    func emMatchesNumpy(iterations: String) throws {
        let r = try Self.reference()
        let run = try #require(r.runs[iterations])
        let events = SEPPEvents(t: r.seconds.map { Double($0 - r.start_utc) / 86_400 }, x: r.x, y: r.y, cell: r.cell,
                                hour: r.hour, areas: [Double](repeating: r.cell_side_m * r.cell_side_m, count: 9),
                                exposure: r.exposure_days, duration: Double(r.days))
        let start = SEPPEstimation.start(events, theta: r.start_values.theta, omega: r.start_values.omega,
                                         sigma: r.start_values.sigma)
        let fit = try SEPPEstimation(events: events, start: start, limits: SEPPLimits(),
                                     maximumIterations: Int(iterations) ?? 0, tolerance: 0, cancellation: nil)
        #expect(fit.iterations == Int(iterations))
        let errors = [Self.relative(fit.logLikelihood, run.log_likelihood),
                      Self.relative(fit.state.theta, run.branching_ratio),
                      Self.relative(fit.state.omega, run.omega),
                      Self.relative(fit.state.sigma, run.sigma)]
            + zip(fit.state.background, run.background).map { Self.relative($0, $1) }
        #expect(errors.allSatisfy { $0 < 1e-6 }, "relative errors \(errors)")
    }
}
