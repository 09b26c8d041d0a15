import Foundation

extension OracleForecaster {
    /// The flare-ups' part of a forecast, each a cells × windows table: `events`, the flare events born
    /// in each window, and `triggered`, their descendants there (all generations).
    ///
    /// A flare's day `d` draws its events evenly over that 24-hour day, displaced from the day's centre
    /// by a normal of standard deviation ρ (the flare's radius); only the part of the day after the
    /// origin is still to come. A generation-`n` descendant of such an event lies a normal of standard
    /// deviation √(ρ² + nσ²) from the centre, in exact sub-cell masses (for generations beyond
    /// `fieldGenerations`, that of the last); descendants whose ancestors left the raster are kept.
    func flareExpectation(timing: CascadeTiming, origin: Int64, boundaries: [Int64], grid: OracleGrid,
                          coverage: OracleCoverage, fieldGenerations: Int) -> (events: [Double], triggered: [Double]) {
        let cells = coverage.count, windows = timing.windows
        var events = [Double](repeating: 0, count: cells * windows), triggered = events
        let flares = city.flares
        guard !flares.isEmpty else { return (events, triggered) }
        let start = city.interval.lowerBound, end = min(city.interval.upperBound, boundaries[windows])
        let alpha = city.config.branchingRatio, sigma = city.config.offspringSpread
        for flare in flares {
            for day in flare.startDay..<min(city.config.days, flare.startDay + flare.days) {
                let dayStart = start + Int64(day) * 86_400, dayEnd = dayStart + 86_400
                guard dayEnd > origin, dayStart < end else { continue }
                let perSecond = flare.expectedEvents(day: day) / 86_400
                guard perSecond > 0 else { continue }
                let (cx, cy) = flare.centre(day: day)
                let here = coverage.aggregate(rows: grid.axisMasses(centre: cy, spread: flare.radius),
                                              columns: grid.axisMasses(centre: cx, spread: flare.radius), side: grid.side)
                for w in 0..<windows {
                    let overlap = min(dayEnd, boundaries[w + 1], end) - max(dayStart, boundaries[w], origin)
                    guard overlap > 0 else { continue }
                    for c in 0..<cells { events[c * windows + w] += perSecond * Double(overlap) * here[c] }
                }
                guard timing.generations > 0 else { continue }
                let factors = timing.immigrants(from: Double(max(dayStart, origin) - origin), to: Double(dayEnd - origin))
                var power = 1.0, shares: [Double] = []
                for n in 1...timing.generations {
                    power *= alpha
                    guard (0..<windows).contains(where: { factors[(n - 1) * windows + $0] > 0 }) else { continue }
                    if n <= max(fieldGenerations, 1) || shares.isEmpty {
                        let spread = (flare.radius * flare.radius + Double(n) * sigma * sigma).squareRoot()
                        shares = coverage.aggregate(rows: grid.axisMasses(centre: cy, spread: spread),
                                                    columns: grid.axisMasses(centre: cx, spread: spread), side: grid.side)
                    }
                    for w in 0..<windows {
                        let factor = power * perSecond * factors[(n - 1) * windows + w]
                        guard factor > 0 else { continue }
                        for c in 0..<cells { triggered[c * windows + w] += factor * shares[c] }
                    }
                }
            }
        }
        return (events, triggered)
    }
}
