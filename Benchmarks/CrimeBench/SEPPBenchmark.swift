import CrimeCore
import CrimeForecast
import CrimeGeo
import CrimeSynthetic
import Dispatch
import Foundation

/// Times the `sepp` forecaster's EM and reports how well it recovers known trigger parameters.
///
/// `sepp`: about 1,000,000 incidents of a simulated Hawkes process (600,000 background events over
/// 156 weeks in 2,500 cells of 250 m, 50 × 50 over Chicago, drawn towards 20 hot spots; branching ratio
/// 0.4, mean delay 2 days, σ 100 m; offspring's cells from their offset to the first centre in steps of
/// the centres' columns and rows),
/// one fit and a one-week forecast.
/// `sepp-city`: the default synthetic city over three years (`days` = 1095) on 200 m grid cells, fitted on
/// every complete week, fitted values against the manifest's true ones.
enum SEPPBenchmark {
    static let side = 50, cellSide = 250.0, weeks = 156
    static let truth = (theta: 0.4, delayDays: 2.0, sigma: 100.0)

    static func run() throws -> [String: Double] {
        let history = try makeHistory()
        var results = try fit(history)
        results["incidents"] = Double(history.times.count)
        results["cells"] = Double(history.cells.count)
        let c = history.cells.projectedCentres
        results["cell_area_m2"] = history.cells.areas[0]
        results["centre_step_area_m2"] = abs((c[1].x - c[0].x) * (c[side].y - c[0].y) - (c[1].y - c[0].y) * (c[side].x - c[0].x))
        results["true_branching_ratio"] = truth.theta
        results["true_trigger_decay_days"] = truth.delayDays
        results["true_trigger_sigma_m"] = truth.sigma
        return results
    }

    static func city() throws -> [String: Double] {
        var config = SyntheticCityConfig()
        config.days = 1095
        let city = try SyntheticCity(config: config)
        let table = city.incidentTable()
        let grid = try RegularGrid(covering: city.bounds, side: 200)
        let cells = try ForecastCells(index: grid, cells: try grid.cells(covering: city.bounds))
        let data = try ForecastData(table: table, index: grid, cells: cells, windowing: .sequential(.weekly, zone: table.zone))
        let history = try data.history(before: data.forwardOrigin)
        var results = try fit(history)
        results["incidents"] = Double(history.times.count)
        results["cells"] = Double(cells.count)
        results["true_branching_ratio"] = config.branchingRatio
        results["true_trigger_decay_days"] = config.offspringMeanDelay / 86_400
        results["true_trigger_sigma_m"] = config.offspringSpread
        return results
    }

    /// Fits once, forecasts one week, and returns the timings and fitted parameters.
    private static func fit(_ history: ForecastHistory) throws -> [String: Double] {
        var sepp = try SEPPForecaster()
        let t0 = DispatchTime.now().uptimeNanoseconds
        try sepp.fit(history)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let forecast = try sepp.forecast(try history.span())
        let t2 = DispatchTime.now().uptimeNanoseconds
        var results = sepp.parameters
        results["fit_seconds"] = Double(t1 - t0) / 1e9
        results["forecast_seconds"] = Double(t2 - t1) / 1e9
        results["forecast_total"] = forecast.values.reduce(0, +)
        results["last_week_observed"] = (0..<history.counts.rows).reduce(0) { $0 + history.counts[$1, history.counts.columns - 1] }
        return results
    }

    /// The simulated history (see the type's comment).
    private static func makeHistory() throws -> ForecastHistory {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.74, minLongitude: -87.84,
                                                         maxLatitude: 41.97, maxLongitude: -87.53), side: cellSide)
        let ids = (0..<side).flatMap { r in (0..<side).map { CellID(row: r, column: $0) } }
        let cells = try ForecastCells(index: grid, cells: ids)
        let centres = cells.projectedCentres
        // The steps from one cell's centre to the next column's and the next row's, in the local frame.
        let column = (x: centres[1].x - centres[0].x, y: centres[1].y - centres[0].y)
        let row = (x: centres[side].x - centres[0].x, y: centres[side].y - centres[0].y)
        let determinant = column.x * row.y - column.y * row.x
        var rng = SeededGenerator(seed: 16)
        let spots = (0..<20).map { _ in (rng.nextUniform() * Double(side), rng.nextUniform() * Double(side)) }
        let weights = (0..<(side * side)).map { (k: Int) -> Double in
            var w = 1.0
            for s in spots {
                let dr = Double(k / side) - s.0, dc = Double(k % side) - s.1
                let d2: Double = dr * dr + dc * dc
                w += 30 * exp(-d2 / 8)
            }
            return w
        }
        var cumulative = [Double](), running = 0.0
        for w in weights { running += w; cumulative.append(running) }
        let zone = try ZoneClock(identifier: "America/Chicago")
        let first = try LocalDay("2023-01-02").start(in: zone)
        let span = try WindowSpan(.sequential(.weekly, zone: zone), from: first, until: first + Int64(weeks) * 7 * 86_400)
        let end = Double(span.boundaries.last ?? first)
        var events = [(t: Double, x: Double, y: Double)]()
        for _ in 0..<600_000 {
            let u = rng.nextUniform() * running
            var lo = 0, hi = cumulative.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
            let a = rng.nextUniform() - 0.5, b = rng.nextUniform() - 0.5
            events.append((Double(first) + rng.nextUniform() * (end - Double(first)),
                           centres[lo].x + a * column.x + b * row.x, centres[lo].y + a * column.y + b * row.y))
        }
        var generation = events
        while !generation.isEmpty {
            var next = [(t: Double, x: Double, y: Double)]()
            for parent in generation {
                var k = 0, p = exp(-truth.theta), u = rng.nextUniform(), cdf = p
                while u > cdf { k += 1; p *= truth.theta / Double(k); cdf += p }
                for _ in 0..<k {
                    let (a, b) = rng.nextGaussianPair()
                    let t = parent.t - truth.delayDays * 86_400 * log(1 - rng.nextUniform())
                    if t < end { next.append((t, parent.x + truth.sigma * a, parent.y + truth.sigma * b)) }
                }
            }
            events += next
            generation = next
        }
        events.sort { $0.t < $1.t }
        var counts = [Double](repeating: 0, count: cells.count * span.count)
        var ordinals = [Int32]()
        ordinals.reserveCapacity(events.count)
        for e in events {
            let dx = e.x - centres[0].x, dy = e.y - centres[0].y
            let c = Int(((dx * row.y - dy * row.x) / determinant).rounded())
            let r = Int(((column.x * dy - column.y * dx) / determinant).rounded())
            let inside = r >= 0 && r < side && c >= 0 && c < side
            ordinals.append(inside ? Int32(r * side + c) : -1)
            if inside, let w = span.ordinal(utc: Int64(e.t)) { counts[(r * side + c) * span.count + w] += 1 }
        }
        return try ForecastHistory(cells: cells, windows: span, counts: Matrix(rows: cells.count, columns: span.count, values: counts),
                                   times: events.map { Int64($0.t) }, x: events.map(\.x), y: events.map(\.y), cellOrdinals: ordinals)
    }
}
