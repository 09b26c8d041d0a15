import CrimeCore
import CrimeForecast
import CrimeGeo
import Testing

/// SEPPForecaster on awkward histories (duplicates, a history shorter than the trigger window, one busy
/// cell) and bad parameters.
@Suite("SEPP forecaster inputs")
struct SEPPInputTests {
    typealias Incident = (x: Double, y: Double, ageDays: Double)

    /// A history on 3 × 3 cells of 250 m with `incidents` (position in the frame, age in days), each
    /// given its cell ordinal, over `weeks` weekly windows.
    static func history(weeks: Int, incidents: [Incident]) throws -> ForecastHistory {
        let cells = try HandHistory.cells()
        let centres = cells.projectedCentres
        let zone = try ZoneClock(identifier: "UTC")
        let origin = HandHistory.start + Int64(weeks) * HandHistory.week
        let span = try WindowSpan(.sequential(.weekly, zone: zone), from: HandHistory.start, until: origin)
        let sorted = incidents.sorted { $0.ageDays > $1.ageDays }
        let ordinals = sorted.map { p in
            Int32(centres.indices.min { far(centres[$0], p) < far(centres[$1], p) } ?? 0)
        }
        var counts = [Double](repeating: 0, count: cells.count * weeks)
        for (p, c) in zip(sorted, ordinals) { counts[Int(c) * weeks + weeks - 1 - Int(p.ageDays / 7)] += 1 }
        return try ForecastHistory(cells: cells, windows: span, counts: Matrix(rows: cells.count, columns: weeks, values: counts),
                                   times: sorted.map { origin - Int64(($0.ageDays * 86_400).rounded()) },
                                   x: sorted.map(\.x), y: sorted.map(\.y), cellOrdinals: ordinals)
    }

    /// Squared distance from a centre to an incident.
    static func far(_ c: PlanarPoint, _ p: Incident) -> Double {
        let dx = c.x - p.x, dy = c.y - p.y
        return dx * dx + dy * dy
    }

    static func fitted(_ history: ForecastHistory, decayDays: Double = 1) throws -> (SEPPForecaster, Matrix) {
        var sepp = try SEPPForecaster(initialDecayDays: decayDays)
        try sepp.fit(history)
        return (sepp, try sepp.forecast(try history.span(windows: 2)))
    }

    static func expectSane(_ sepp: SEPPForecaster, _ forecast: Matrix) {
        #expect(forecast.values.allSatisfy { $0.isFinite && $0 >= 0 })
        for key in ["branching_ratio", "trigger_decay_days", "trigger_sigma_m", "iterations", "log_likelihood"] {
            #expect(sepp.parameters[key]?.isFinite == true, "\(key)")
        }
    }

    @Test func identicalTimesAndPlacesAreFitted() throws {
        let cells = try HandHistory.cells()
        let c = cells.projectedCentres[4]
        // Pairs at the same instant and place, and repeats at the same place a day apart.
        let incidents: [Incident] = (0..<40).flatMap { (k: Int) -> [Incident] in
            let age = Double(k) * 0.7 + 0.2
            return [(x: c.x, y: c.y, ageDays: age), (x: c.x, y: c.y, ageDays: age)]
        }
        let (sepp, forecast) = try Self.fitted(try Self.history(weeks: 4, incidents: incidents))
        Self.expectSane(sepp, forecast)
        // Zero distances drive σ to its 1 m floor rather than to 0.
        #expect((sepp.parameters["trigger_sigma_m"] ?? 0) >= 1)
        #expect(forecast[4, 0] == forecast.values.max())
    }

    @Test func historyShorterThanTheTriggerWindow() throws {
        let cells = try HandHistory.cells()
        let incidents: [Incident] = (0..<30).map { (k: Int) -> Incident in
            let c = cells.projectedCentres[k % 9]
            return (x: c.x + Double(k), y: c.y, ageDays: Double(k) * 0.2 + 0.05)
        }
        // One week of history, a trigger window of min(5 × 30, 60) days at the start values.
        let (sepp, forecast) = try Self.fitted(try Self.history(weeks: 1, incidents: incidents), decayDays: 30)
        Self.expectSane(sepp, forecast)
        #expect(forecast.values.reduce(0, +) > 0)
    }

    @Test func allEventsInOneCell() throws {
        let cells = try HandHistory.cells()
        let c = cells.projectedCentres[0]
        let incidents: [Incident] = (0..<60).map { (k: Int) -> Incident in
            let dx = Double(k % 7) * 10, dy = Double(k % 5) * 10
            return (x: c.x + dx, y: c.y - dy, ageDays: Double(k) * 0.45 + 0.1)
        }
        let (sepp, forecast) = try Self.fitted(try Self.history(weeks: 4, incidents: incidents))
        Self.expectSane(sepp, forecast)
        // The background of the other cells is 0: only triggering spills into them, less than into cell 0.
        for k in 1..<9 { #expect(forecast[k, 0] < forecast[0, 0]) }
    }

    @Test func aHistoryWithoutIncidentsForecastsZeros() throws {
        let (sepp, forecast) = try Self.fitted(try Self.history(weeks: 2, incidents: []))
        #expect(forecast.values.allSatisfy { $0 == 0 })
        #expect(sepp.parameters["branching_ratio"] == 0)
    }

    @Test func forecastsNeedAFitAndASpanAfterTheOrigin() throws {
        let cells = try HandHistory.cells()
        let history = try Self.history(weeks: 2, incidents: [(x: cells.projectedCentres[0].x, y: cells.projectedCentres[0].y, ageDays: 3)])
        let sepp = try SEPPForecaster()
        #expect(throws: ForecastError.notFitted("sepp")) { try sepp.forecast(try history.span()) }
        var fitted = sepp
        try fitted.fit(history)
        let early = try WindowSpan(history.windowing, from: HandHistory.start, until: history.origin)
        expectSpanOverlap { try fitted.forecast(early) }
    }

    @Test func badParametersAreNamed() {
        expectBadParameter("initialBranchingRatio") { try SEPPForecaster(initialBranchingRatio: 1.5) }
        expectBadParameter("initialBranchingRatio") { try SEPPForecaster(initialBranchingRatio: -0.1) }
        expectBadParameter("initialDecayDays") { try SEPPForecaster(initialDecayDays: 0) }
        expectBadParameter("initialDecayDays") { try SEPPForecaster(initialDecayDays: .nan) }
        expectBadParameter("initialSigma") { try SEPPForecaster(initialSigma: -3) }
        expectBadParameter("initialSigma") { try SEPPForecaster(initialSigma: .infinity) }
        expectBadParameter("maximumIterations") { try SEPPForecaster(maximumIterations: 0) }
        expectBadParameter("tolerance") { try SEPPForecaster(tolerance: -1) }
    }
}
