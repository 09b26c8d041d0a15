import CrimeCore
import Foundation

/// A fitted ``SEPPForecaster``: the EM's result, the history's triggering summed per cell, and what a
/// forecast needs of the history (origin, windowing, the start of the fitted window).
struct SEPPFitted: Sendable {
    let estimation: SEPPEstimation
    /// The background rate per cell the forecast uses: the EM's, unless ``spreadBackground(over:)`` changed it.
    private(set) var background: [Double]
    let origin: Int64
    let windowing: TimeWindowing
    /// Σᵢ e^{−ω(T−tᵢ)} M(c, i) per cell: the history's trigger mass over each cell at the origin.
    let triggerMass: [Double]

    /// Fits the model to the history's incidents in the cells; `initial` is (θ, ω, σ).
    init(history: ForecastHistory, initial: (Double, Double, Double), limits: SEPPLimits,
         maximumIterations: Int, tolerance: Double, cancellation: CancellationToken?) throws {
        guard let start = history.windows.boundaries.first, history.origin > start else {
            throw ForecastError.noHistory(origin: ForecastHistory.describe(history.origin, history.windowing))
        }
        let events = try Self.events(history, start: start)
        let first = SEPPEstimation.start(events, theta: initial.0, omega: initial.1, sigma: initial.2)
        estimation = try SEPPEstimation(events: events, start: first, limits: limits,
                                        maximumIterations: maximumIterations, tolerance: tolerance,
                                        cancellation: cancellation)
        origin = history.origin
        windowing = history.windowing
        triggerMass = try Self.triggerMass(events, state: estimation.state, limits: limits, cells: history.cells)
        background = estimation.state.background
    }

    /// Spreads the EM's total background rate over the cells in proportion to their totals in `counts`
    /// (cells × windows); unchanged when `counts` holds no incident.
    mutating func spreadBackground(over counts: Matrix) {
        var totals = [Double](repeating: 0, count: counts.rows)
        for c in 0..<counts.rows {
            for w in 0..<counts.columns { totals[c] += counts[c, w] }
        }
        let all = totals.reduce(0, +)
        guard all > 0, totals.count == background.count else { return }
        let rate = background.reduce(0, +)
        background = totals.map { rate * $0 / all }
    }

    /// Expected counts per cell × window of `span` (see ``SEPPForecaster``).
    func forecast(_ span: WindowSpan, cascade: Bool) throws -> Matrix {
        try ForecastHistory.check(span, origin: origin, windowing: windowing)
        let s = estimation.state
        let hours = WeekHours(zone: windowing.zone)
        let cells = triggerMass.count, windows = span.count
        var values = [Double](repeating: 0, count: cells * windows)
        for w in 0..<windows {
            let a = span.boundaries[w], b = span.boundaries[w + 1]
            let rhythm = hours.integral(of: s.rhythm, from: a, to: b)
            let length = Double(b - a) / 86_400, lead = Double(a - origin) / 86_400
            let time = s.theta * exp(-s.omega * lead) * (1 - exp(-s.omega * length))
            var factor = 1.0
            if cascade, length > 0 {
                let share = 1 - (1 - exp(-s.omega * length)) / (s.omega * length)
                factor = 1 / (1 - s.theta * share)
            }
            for c in 0..<cells { values[c * windows + w] = factor * (background[c] * rhythm + time * triggerMass[c]) }
        }
        return Matrix(rows: cells, columns: windows, values: values)
    }

    /// The history's incidents in the cells, as days since `start`, with their hours of the week.
    private static func events(_ history: ForecastHistory, start: Int64) throws -> SEPPEvents {
        let hours = WeekHours(zone: history.windowing.zone)
        var t = [Double](), x = [Double](), y = [Double](), cell = [Int32](), hour = [Int32]()
        for i in history.times.indices where history.cellOrdinals[i] >= 0 {
            guard history.x[i].isFinite, history.y[i].isFinite else {
                throw ForecastError.badParameter(name: "incidents", reason: "incident \(i) has a position that is not finite")
            }
            t.append(Double(history.times[i] - start) / 86_400)
            x.append(history.x[i])
            y.append(history.y[i])
            cell.append(history.cellOrdinals[i])
            hour.append(Int32(hours.hour(utc: history.times[i])))
        }
        return SEPPEvents(t: t, x: x, y: y, cell: cell, hour: hour, areas: history.cells.areas,
                          exposure: hours.exposure(from: start, to: history.origin),
                          duration: Double(history.origin - start) / 86_400)
    }

    /// Σᵢ e^{−ω(T−tᵢ)} M(c, i) per cell over the events within the time cut-off of the origin.
    private static func triggerMass(_ e: SEPPEvents, state s: SEPPState, limits: SEPPLimits,
                                    cells: ForecastCells) throws -> [Double] {
        let window = limits.timeWindow(s)
        var x = [Double](), y = [Double](), w = [Double]()
        for i in 0..<e.count where e.duration - e.t[i] <= window {
            x.append(e.x[i])
            y.append(e.y[i])
            w.append(exp(-s.omega * (e.duration - e.t[i])))
        }
        guard !x.isEmpty, s.theta > 0 else { return [Double](repeating: 0, count: cells.count) }
        let density = try KernelDensity(bandwidth: s.sigma, x: x, y: y, weights: w)
        let meanSide = (cells.areas.reduce(0, +) / Double(cells.count)).squareRoot()
        let quadrature = try CellQuadrature(cells: cells, spacing: max(density.quadratureSpacing, meanSide / 20))
        return density.cellMasses(quadrature).map { $0 * density.totalWeight }
    }
}
