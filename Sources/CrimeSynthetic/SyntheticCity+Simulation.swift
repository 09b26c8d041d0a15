import CrimeCore
import Foundation

extension SyntheticCity {
    /// Background events hour by hour, then flare events (if any), then offspring generation by generation;
    /// sorted by time.
    static func simulate(_ config: SyntheticCityConfig, zone: ZoneClock, interval: Range<Int64>, weights: [Double],
                         hourly: [Double], toPoint: (Double, Double) -> GeoPoint) -> [SyntheticEvent] {
        var rng = SeededGenerator(seed: config.seed)
        var cumulative = [Double](repeating: 0, count: weights.count)
        var acc = 0.0
        for i in weights.indices { acc += weights[i]; cumulative[i] = acc }
        let n = config.rasterSize
        let half = Double(n) * config.cellSide / 2
        var xs: [Double] = [], ys: [Double] = [], times: [Int64] = [], types: [Int] = [], offspring: [Bool] = []

        for (h, rate) in hourly.enumerated() {
            let hourStart = interval.lowerBound + Int64(h) * 3600
            for _ in 0..<poisson(rate, &rng) {
                let u = rng.nextUniform() * acc
                var lo = 0, hi = cumulative.count - 1
                while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid } }
                xs.append(-half + (Double(lo % n) + rng.nextUniform()) * config.cellSide)
                ys.append(-half + (Double(lo / n) + rng.nextUniform()) * config.cellSide)
                times.append(hourStart + Int64(rng.nextUniform() * 3600))
                types.append(SyntheticOffense.draw(rng.nextUniform()))
                offspring.append(false)
            }
        }
        appendFlareEvents(config, interval: interval, xs: &xs, ys: &ys, times: &times, types: &types, offspring: &offspring)
        var parent = 0
        while parent < times.count {
            for _ in 0..<poisson(config.branchingRatio, &rng) {
                let t = times[parent] + Int64(-config.offspringMeanDelay * log(1 - rng.nextUniform()))
                let (gx, gy) = gaussianPair(&rng)
                let x = xs[parent] + config.offspringSpread * gx, y = ys[parent] + config.offspringSpread * gy
                guard t < interval.upperBound, abs(x) < half, abs(y) < half else { continue }
                xs.append(x); ys.append(y); times.append(t); types.append(types[parent]); offspring.append(true)
            }
            parent += 1
        }
        var events: [SyntheticEvent] = []
        events.reserveCapacity(times.count)
        for i in times.indices {
            // A wall-clock stamp in the second pass of a repeated hour would read back as the first pass;
            // move such events one hour later so that the written local time means the same instant.
            var t = times[i]
            if zone.utc(wallSeconds: zone.wallSeconds(utc: t)) != t { t += 3600 }
            guard t < interval.upperBound else { continue }
            let p = toPoint(xs[i], ys[i])
            events.append(SyntheticEvent(time: t, latitude: p.latitude, longitude: p.longitude,
                                         primaryType: SyntheticOffense.all[types[i]].primaryType, isOffspring: offspring[i]))
        }
        let order = events.indices.sorted { (events[$0].time, $0) < (events[$1].time, $1) }
        return order.map { events[$0] }
    }

    /// A Poisson draw (see ``SeededGenerator/nextPoisson(mean:)``).
    static func poisson(_ mean: Double, _ rng: inout SeededGenerator) -> Int { rng.nextPoisson(mean: mean) }

    /// Two independent standard normal draws (see ``SeededGenerator/nextGaussianPair()``).
    static func gaussianPair(_ rng: inout SeededGenerator) -> (Double, Double) { rng.nextGaussianPair() }
}
