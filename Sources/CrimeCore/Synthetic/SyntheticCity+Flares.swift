import Foundation

/// The flare-ups of ``SyntheticCityConfig/flares``: their events and their part of the true intensity.
extension SyntheticCity {
    /// The flares the city drew (empty when ``SyntheticCityConfig/flares`` is ``SyntheticFlareSettings/off``).
    public var flares: [SyntheticFlare] { SyntheticFlare.draw(config) }

    /// Expected flare events (not their offspring) in `box` between two UTC instants: the flares' daily
    /// means spread over each 24-hour day, times the Gaussian mass of the part of the box on the raster.
    public func expectedFlare(in box: BoundingBox, from start: Int64, to end: Int64) -> Double {
        let frame = SyntheticMetricFrame(self)
        let half = Double(config.rasterSize) * config.cellSide / 2
        let (x0, y0) = frame.metres(GeoPoint(latitude: box.minLatitude, longitude: box.minLongitude))
        let (x1, y1) = frame.metres(GeoPoint(latitude: box.maxLatitude, longitude: box.maxLongitude))
        let (cx0, cx1, cy0, cy1) = (max(x0, -half), min(x1, half), max(y0, -half), min(y1, half))
        let from = max(start, interval.lowerBound), to = min(end, interval.upperBound)
        guard to > from, cx1 > cx0, cy1 > cy0 else { return 0 }
        var total = 0.0
        for flare in flares {
            for day in flare.startDay..<min(config.days, flare.startDay + flare.days) {
                let dayStart = interval.lowerBound + Int64(day) * 86_400
                let overlap = min(dayStart + 86_400, to) - max(dayStart, from)
                guard overlap > 0 else { continue }
                let (cx, cy) = flare.centre(day: day)
                total += flare.expectedEvents(day: day) * Double(overlap) / 86_400
                    * normalMass(from: (cx0 - cx) / flare.radius, to: (cx1 - cx) / flare.radius)
                    * normalMass(from: (cy0 - cy) / flare.radius, to: (cy1 - cy) / flare.radius)
            }
        }
        return total
    }

    /// Flare events per second per square metre at metres `(x, y)` from the centre and a UTC instant in
    /// the interval (zero when flares are off).
    func flareDensity(x: Double, y: Double, time: Int64) -> Double {
        let day = Int((time - interval.lowerBound) / 86_400)
        var density = 0.0
        for flare in flares {
            let mean = flare.expectedEvents(day: day)
            guard mean > 0 else { continue }
            let (cx, cy) = flare.centre(day: day)
            let s2 = flare.radius * flare.radius
            density += mean / 86_400 * exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s2)) / (2 * .pi * s2)
        }
        return density
    }

    /// Appends the flares' events (metres from the centre, UTC seconds, offence index, not offspring) to
    /// the generator's columns, from a generator of their own.
    static func appendFlareEvents(_ config: SyntheticCityConfig, interval: Range<Int64>, xs: inout [Double], ys: inout [Double],
                                  times: inout [Int64], types: inout [Int], offspring: inout [Bool]) {
        let flares = SyntheticFlare.draw(config)
        guard !flares.isEmpty else { return }
        var rng = SeededGenerator(seed: config.seed ^ 0x666C_6172_6565_7673)
        let half = Double(config.rasterSize) * config.cellSide / 2
        for flare in flares {
            for day in flare.startDay..<min(config.days, flare.startDay + flare.days) {
                let (cx, cy) = flare.centre(day: day)
                let dayStart = interval.lowerBound + Int64(day) * 86_400
                for _ in 0..<rng.nextPoisson(mean: flare.expectedEvents(day: day)) {
                    let (gx, gy) = rng.nextGaussianPair()
                    let x = cx + flare.radius * gx, y = cy + flare.radius * gy
                    let t = dayStart + Int64(rng.nextUniform() * 86_400)
                    let type = SyntheticOffense.draw(rng.nextUniform())
                    guard abs(x) < half, abs(y) < half, t < interval.upperBound else { continue }
                    xs.append(x); ys.append(y); times.append(t); types.append(type); offspring.append(false)
                }
            }
        }
    }
}
