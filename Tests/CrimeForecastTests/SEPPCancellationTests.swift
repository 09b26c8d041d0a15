import CrimeCore
@testable import CrimeForecast
import Dispatch
import Foundation
import Testing

/// The SEPP EM stops between steps once its `CancellationToken` or its task is cancelled, throws
/// `CancellationError` and leaves the forecaster unfitted.
@Suite struct SEPPCancellationTests {
    /// Incidents around the centre cell over four weeks.
    func history() throws -> ForecastHistory {
        let c = try HandHistory.cells().projectedCentres[4]
        let incidents: [SEPPInputTests.Incident] = (0..<40).map { (k: Int) -> SEPPInputTests.Incident in
            let dx = Double(k % 7) * 20, dy = Double(k % 5) * 15
            return (x: c.x + dx, y: c.y - dy, ageDays: Double(k) * 0.6 + 0.1)
        }
        return try SEPPInputTests.history(weeks: 4, incidents: incidents)
    }

    @Test func aCancelledTokenStopsTheFitAndLeavesItUnfitted() throws {
        let history = try history()
        var sepp = try SEPPForecaster()
        try sepp.fit(history)
        let token = CancellationToken()
        token.cancel()
        sepp.cancellation = token
        #expect(throws: CancellationError.self) { try sepp.fit(history) }
        #expect(throws: ForecastError.notFitted("sepp")) { try sepp.forecast(try history.span()) }
    }

    @Test func aCancelFromAnotherThreadStopsTheEMBetweenSteps() throws {
        let r = try SEPPTests.reference()
        let events = SEPPEvents(t: r.seconds.map { Double($0 - r.start_utc) / 86_400 }, x: r.x, y: r.y, cell: r.cell,
                                hour: r.hour, areas: [Double](repeating: r.cell_side_m * r.cell_side_m, count: 9),
                                exposure: r.exposure_days, duration: Double(r.days))
        let start = SEPPEstimation.start(events, theta: r.start_values.theta, omega: r.start_values.omega,
                                         sigma: r.start_values.sigma)
        let token = CancellationToken()
        // A thread of its own: Dispatch's workers can all be busy with the tests running beside this one.
        Thread {
            usleep(50_000)
            token.cancel()
        }.start()
        // A negative tolerance never converges, so only the cancel can end this run of Int.max steps.
        #expect(throws: CancellationError.self) {
            _ = try SEPPEstimation(events: events, start: start, limits: SEPPLimits(), maximumIterations: .max,
                                   tolerance: -1, cancellation: token)
        }
    }

    @Test func aCancelledTaskStopsTheFit() async throws {
        let history = try history()
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            var sepp = try SEPPForecaster()
            try sepp.fit(history)
            return sepp.parameters
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
