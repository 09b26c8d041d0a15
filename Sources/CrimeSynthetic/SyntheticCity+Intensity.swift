import CrimeCore
import Foundation

/// The synthetic city's true conditional intensity: the background surface (plus flares, when
/// ``SyntheticCityConfig/flares`` is on) plus the near-repeat
/// contributions of the realised history, `λ(x, y, t) = μ(x, y, t) + Σ_{tᵢ < t} k(t − tᵢ, x − xᵢ, y − yᵢ)`
/// with `k` the kernel of ``SyntheticCityConfig/branchingRatio``, ``SyntheticCityConfig/offspringMeanDelay``
/// and ``SyntheticCityConfig/offspringSpread``. It is zero off the raster and outside ``interval``, where
/// the generator discards offspring.
extension SyntheticCity {
    /// Expected background events in one raster cell (row 0 south, column 0 west) during hour `hour` of
    /// ``hourlyExpected``; zero for an index outside the raster or the interval.
    public func expectedBackground(row: Int, column: Int, hour: Int) -> Double {
        let n = config.rasterSize
        guard (0..<n).contains(row), (0..<n).contains(column), hourlyExpected.indices.contains(hour) else { return 0 }
        return rasterWeights[row * n + column] * hourlyExpected[hour]
    }

    /// The conditional intensity at a point and UTC instant, in expected events per square kilometre per
    /// hour: the background there plus the excitation left by every earlier event of ``events``.
    public func intensity(at point: GeoPoint, time: Int64) -> Double {
        guard interval.contains(time), bounds.contains(point) else { return 0 }
        let (row, column) = rasterPosition(latitude: point.latitude, longitude: point.longitude)
        let hour = Int((time - interval.lowerBound) / 3600)
        let background = expectedBackground(row: row, column: column, hour: hour) / (config.cellSide * config.cellSide) / 3600
        let kernel = NearRepeatKernel(config)
        let frame = SyntheticMetricFrame(self)
        let (x, y) = frame.metres(point)
        var triggered = 0.0
        events.withUnsafeBufferPointer { all in
            for event in all[..<firstEvent(atOrAfter: time)] {
                let (ex, ey) = frame.metres(GeoPoint(latitude: event.latitude, longitude: event.longitude))
                triggered += kernel.density(delay: Double(time - event.time), dx: x - ex, dy: y - ey)
            }
        }
        return (background + flareDensity(x: x, y: y, time: time) + triggered) * 3600 * 1_000_000
    }

    /// Expected events in `box` between two UTC instants caused by the realised history: the integral of
    /// the excitation part of ``intensity(at:time:)``, computed exactly (exponential and Gaussian
    /// masses) over the part of the box on the raster.
    public func expectedTriggered(in box: BoundingBox, from start: Int64, to end: Int64) -> Double {
        let from = max(start, interval.lowerBound), to = min(end, interval.upperBound)
        let frame = SyntheticMetricFrame(self)
        let half = Double(config.rasterSize) * config.cellSide / 2
        let (x0, y0) = frame.metres(GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude))
        let (x1, y1) = frame.metres(GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude))
        let (cx0, cx1, cy0, cy1) = (max(x0, -half), min(x1, half), max(y0, -half), min(y1, half))
        guard to > from, cx1 > cx0, cy1 > cy0 else { return 0 }
        let kernel = NearRepeatKernel(config)
        var total = 0.0
        events.withUnsafeBufferPointer { all in
            for event in all[..<firstEvent(atOrAfter: to)] {
                let (ex, ey) = frame.metres(GeoPoint(latitude: event.latitude, longitude: event.longitude))
                total += kernel.expectedOffspring(x: ex, y: ey, t: Double(event.time), x0: cx0, x1: cx1, y0: cy0, y1: cy1,
                                                  from: Double(from), to: Double(to))
            }
        }
        return total
    }

    /// Expected events in `box` between two UTC instants given the realised history: the integral of
    /// ``intensity(at:time:)``, i.e. ``expectedBackground(in:from:to:)`` (raster cells whose centre
    /// lies in the box, so exact for boxes made of whole cells) plus ``expectedFlare(in:from:to:)`` plus
    /// ``expectedTriggered(in:from:to:)``. The events of ``events`` in the box and window minus this
    /// number has mean zero and variance equal to its expectation (the compensator of a point process).
    public func expectedCount(in box: BoundingBox, from start: Int64, to end: Int64) -> Double {
        expectedBackground(in: box, from: start, to: end) + expectedFlare(in: box, from: start, to: end)
            + expectedTriggered(in: box, from: start, to: end)
    }

    /// The index of the first event at or after a UTC instant (``events`` is sorted by time).
    private func firstEvent(atOrAfter time: Int64) -> Int {
        var lo = 0, hi = events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if events[mid].time < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
