import CrimeCore
import Dispatch

/// Times building a space-time cube from 10 million synthetic (cell, time) pairs with precomputed
/// cells: 2,500 grid cells × 731 daily windows (two years in America/Chicago), and the same pairs
/// into 28 day-of-week × shift buckets. Reports incidents per second (best of three runs).
enum CubeBenchmark {
    static let incidents = 10_000_000

    static func run() throws -> [String: Double] {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let cells = (0..<50).flatMap { r in (0..<50).map { CellID(row: r, column: $0) } }
        let first = try LocalDay("2023-01-01").start(in: zone)
        let end = try LocalDay("2025-01-01").start(in: zone)
        var rng = SeededGenerator(seed: 42)
        var incidentCells = [CellID]()
        var times = [Int64]()
        incidentCells.reserveCapacity(incidents)
        times.reserveCapacity(incidents)
        for _ in 0..<incidents {
            incidentCells.append(cells[Int(rng.next() % UInt64(cells.count))])
            times.append(first + Int64(rng.next() % UInt64(end - first)))
        }
        let daily = try WindowSpan(.sequential(.daily, zone: zone), from: first, until: end)
        let shifts = try WindowSpan(.dayOfWeekShifts(zone: zone), from: first, until: end)
        var results: [String: Double] = [:]
        for (name, span) in [("daily", daily), ("shifts", shifts)] {
            var best = Double.infinity
            var total = 0
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let cube = try SpaceTimeCube(incidentCells: incidentCells, times: times, cells: cells, windows: span)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                total = cube.report.counted
            }
            results["cube_\(name)_seconds"] = best
            results["cube_\(name)_incidents_per_second"] = Double(total) / best
        }
        return results
    }
}
