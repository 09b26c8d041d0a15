import CrimeCore
import CrimeForecast
import CrimeGeo
import Dispatch
import Foundation

/// Times kernel density hot spots on a city-sized problem: 1,000,000 incidents (30 Gaussian hot spots of
/// 150–400 m and a uniform scatter, 5 % of it up to 2 km beyond the cells) over 52 weeks, onto
/// 10,000 cells of 250 m (100 × 100 over Chicago), bandwidth 250 m. Reports the best of three runs of
/// the forecasters' fit + forecast (KDE Gaussian, quartic and Gaussian with 14-day decay; ProMap), the
/// Gaussian density at the 10,000 cell centres by the fast path, and how far that lies from exact
/// evaluation at 200 of the centres. With a directory, writes the incidents and the centres (float64
/// x,y pairs, metres) and the fast densities (float64) there for Benchmarks/compare/kde_peer.py.
enum KDEBenchmark {
    static let incidents = 1_000_000, side = 100, cellSide = 250.0, bandwidth = 250.0

    static func run(directory: String?) throws -> [String: Double] {
        var results: [String: Double] = [:]
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { clock = now }
            return Double(now - clock) / 1e9
        }
        let cells = try makeCells()
        results["cells_geometry_seconds"] = lap()
        let history = try makeHistory(cells: cells)
        let centresX = cells.projectedCentres.map(\.x), centresY = cells.projectedCentres.map(\.y)
        let methods: [(String, () throws -> any SpaceTimeForecaster)] = [
            ("kde_gaussian", { try KDEForecaster(bandwidth: bandwidth) }),
            ("kde_quartic", { try KDEForecaster(kernel: .quartic, bandwidth: bandwidth) }),
            ("kde_gaussian_decay", { try KDEForecaster(bandwidth: bandwidth, decayDays: 14) }),
            ("promap", { try ProMapForecaster() }),
        ]
        for (name, make) in methods {
            var best = Double.infinity
            for _ in 0..<3 {
                var forecaster = try make()
                _ = lap()
                try forecaster.fit(history)
                let forecast = try forecaster.forecast(try history.span())
                best = min(best, lap())
                results["\(name)_forecast_total"] = forecast.values.reduce(0, +)
            }
            results["\(name)_seconds"] = best
        }
        let density = try KernelDensity(bandwidth: bandwidth, x: Array(history.x), y: Array(history.y))
        var fast = [Double](), best = Double.infinity
        for _ in 0..<3 {
            _ = lap()
            fast = try density.density(atX: centresX, y: centresY, evaluation: .fast)
            best = min(best, lap())
        }
        results["density_centres_fast_seconds"] = best
        let sample = Array(stride(from: 0, to: centresX.count, by: centresX.count / 200))
        let exact = try density.density(atX: sample.map { centresX[$0] }, y: sample.map { centresY[$0] })
        results["density_centres_exact_200_seconds"] = lap()
        let peak = exact.max() ?? 0
        results["fast_vs_exact_max_relative"] = zip(sample, exact).filter { $0.1 >= 1e-3 * peak }
            .map { abs(fast[$0.0] / $0.1 - 1) }.max() ?? 0
        results["incidents"] = Double(incidents)
        results["cells"] = Double(cells.count)
        results["bandwidth_m"] = bandwidth
        if let directory {
            try write(zip(history.x, history.y).flatMap { [$0.0, $0.1] }, to: directory, "points.bin")
            try write(zip(centresX, centresY).flatMap { [$0.0, $0.1] }, to: directory, "centres.bin")
            try write(fast, to: directory, "densities.bin")
        }
        return results
    }

    /// 100 × 100 cells of 250 m from the south-west corner of a grid over Chicago.
    private static func makeCells() throws -> ForecastCells {
        let grid = try RegularGrid(covering: BoundingBox(minLatitude: 41.74, minLongitude: -87.84,
                                                         maxLatitude: 41.97, maxLongitude: -87.53), side: cellSide)
        let ids = (0..<side).flatMap { r in (0..<side).map { CellID(row: r, column: $0) } }
        return try ForecastCells(index: grid, cells: ids)
    }

    /// The incidents, in the cells' frame, with times over 52 weekly windows; per-window totals are the
    /// incidents' counts by week (held in cell 0: the forecasters only read the totals).
    private static func makeHistory(cells: ForecastCells) throws -> ForecastHistory {
        var rng = SeededGenerator(seed: 2024)
        let xs = cells.projectedCentres.map(\.x), ys = cells.projectedCentres.map(\.y)
        let minX = (xs.min() ?? 0) - cellSide / 2, maxX = (xs.max() ?? 0) + cellSide / 2
        let minY = (ys.min() ?? 0) - cellSide / 2, maxY = (ys.max() ?? 0) + cellSide / 2
        let spots = (0..<30).map { _ in
            (x: minX + rng.nextUniform() * (maxX - minX), y: minY + rng.nextUniform() * (maxY - minY),
             sigma: 150 + 250 * rng.nextUniform())
        }
        let zone = try ZoneClock(identifier: "America/Chicago")
        let first = try LocalDay("2024-01-01").start(in: zone)
        let weeks = 52
        let span = try WindowSpan(.sequential(.weekly, zone: zone), from: first, until: first + Int64(weeks) * 7 * 86_400)
        let end = span.boundaries.last ?? first
        var times = (0..<incidents).map { _ in first + Int64(rng.nextUniform() * Double(end - first - 1)) }
        times.sort()
        var x = [Double](), y = [Double]()
        x.reserveCapacity(incidents)
        y.reserveCapacity(incidents)
        for k in 0..<incidents {
            if k % 5 < 3 {
                let spot = spots[Int(rng.next() % 30)]
                let (a, b) = rng.nextGaussianPair()
                x.append(spot.x + spot.sigma * a)
                y.append(spot.y + spot.sigma * b)
            } else {
                let margin = k % 20 == 3 ? 2_000.0 : 0
                x.append(minX - margin + rng.nextUniform() * (maxX - minX + 2 * margin))
                y.append(minY - margin + rng.nextUniform() * (maxY - minY + 2 * margin))
            }
        }
        var counts = [Double](repeating: 0, count: cells.count * span.count)
        for t in times { if let w = span.ordinal(utc: t) { counts[w] += 1 } }
        return try ForecastHistory(cells: cells, windows: span, counts: Matrix(rows: cells.count, columns: span.count, values: counts),
                                   times: times, x: x, y: y, cellOrdinals: [Int32](repeating: -1, count: incidents))
    }

    private static func write(_ values: [Double], to directory: String, _ name: String) throws {
        let data = values.withUnsafeBufferPointer { Data(buffer: $0) }
        try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
}
