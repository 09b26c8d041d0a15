import Foundation

extension OracleForecaster {
    /// The flare-ups' part of a forecast, each a cells × windows table: `events`, the flare events born
    /// in each window, and `triggered`, their descendants there (all generations).
    ///
    /// A flare's day `d` draws its events evenly over that 24-hour day, displaced from the day's centre
    /// by a normal of standard deviation ρ (the flare's radius), in exact sub-cell masses `g_d`; only the
    /// part of the day after the origin is still to come. Their generation-`n` descendants in window `w`
    /// are `Tⁿ(a_{n,w})`, with `T` the displacement of one generation (``OracleGrid/displace(_:kernel:)``,
    /// which drops what leaves the raster) and `a_{n,w} = Σ_d αⁿ f_{d,n,w} g_d` (`f` the timing of
    /// ``CascadeTiming/immigrants(from:to:)``); the sum over generations is taken in Horner form,
    /// `T(a₁ + T(a₂ + … T(a_N)))`, with every generation from `N` = `fieldGenerations` on placed as the
    /// last. Windows are filled one at a time.
    func flareExpectation(timing: CascadeTiming, origin: Int64, boundaries: [Int64], grid: OracleGrid,
                          coverage: OracleCoverage, kernel: [Double], fieldGenerations: Int) -> (events: [Double], triggered: [Double]) {
        let cells = coverage.count, windows = timing.windows
        var events = [Double](repeating: 0, count: cells * windows), triggered = events
        let flareDays = activeFlareDays(origin: origin, end: min(city.interval.upperBound, boundaries[windows]))
        guard !flareDays.isEmpty else { return (events, triggered) }
        let alpha = city.config.branchingRatio, size = grid.side * grid.side
        let masses = flareDays.map { (rows: grid.axisMasses(centre: $0.y, spread: $0.radius), columns: grid.axisMasses(centre: $0.x, spread: $0.radius)) }
        let factors = flareDays.map { day in
            timing.immigrants(from: Double(max(day.start, origin) - origin), to: Double(day.start + 86_400 - origin))
        }
        let last = min(timing.generations, max(fieldGenerations, 1))
        for w in 0..<windows {
            var born = [Double](repeating: 0, count: size)
            born.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for (k, day) in flareDays.enumerated() {
                    let overlap = min(day.start + 86_400, boundaries[w + 1], city.interval.upperBound) - max(day.start, boundaries[w], origin)
                    guard overlap > 0 else { continue }
                    grid.addSeparable(rows: masses[k].rows, columns: masses[k].columns, scale: day.perSecond * Double(overlap), into: base)
                }
            }
            let here = coverage.aggregate(born)
            for c in 0..<cells { events[c * windows + w] = here[c] }
            guard last >= 1 else { continue }
            // Horner: acc = a_N (generations N and later), then acc = a_n + T(acc) down to n = 1, then T(acc).
            var acc = [Double](repeating: 0, count: size), any = false
            for n in stride(from: last, through: 1, by: -1) {
                if n < last { acc = grid.displace(acc, kernel: kernel) }
                acc.withUnsafeMutableBufferPointer { buffer in
                    guard let base = buffer.baseAddress else { return }
                    for (k, day) in flareDays.enumerated() {
                        var weight = 0.0, power = pow(alpha, Double(n))
                        for m in n...(n == last ? timing.generations : n) {
                            weight += power * factors[k][(m - 1) * windows + w]
                            power *= alpha
                        }
                        guard weight > 0 else { continue }
                        any = true
                        grid.addSeparable(rows: masses[k].rows, columns: masses[k].columns, scale: day.perSecond * weight, into: base)
                    }
                }
            }
            guard any else { continue }
            let later = coverage.aggregate(grid.displace(acc, kernel: kernel))
            for c in 0..<cells { triggered[c * windows + w] = later[c] }
        }
        return (events, triggered)
    }

    /// The flare days with events still to come after `origin` and before `end`: their start (UTC), centre
    /// (metres), radius and events per second.
    private func activeFlareDays(origin: Int64, end: Int64) -> [(start: Int64, x: Double, y: Double, radius: Double, perSecond: Double)] {
        var days: [(start: Int64, x: Double, y: Double, radius: Double, perSecond: Double)] = []
        for flare in city.flares {
            for day in flare.startDay..<min(city.config.days, flare.startDay + flare.days) {
                let start = city.interval.lowerBound + Int64(day) * 86_400
                let perSecond = flare.expectedEvents(day: day) / 86_400
                guard start + 86_400 > origin, start < end, perSecond > 0 else { continue }
                let centre = flare.centre(day: day)
                let (x, y) = (centre.x, centre.y)
                days.append((start, x, y, flare.radius, perSecond))
            }
        }
        return days
    }
}
