import CrimeCore
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
                let centre = flare.centre(day: day)
                let cx = centre.x, cy = centre.y
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
            let centre = flare.centre(day: day)
            let cx = centre.x, cy = centre.y
            let s2 = flare.radius * flare.radius
            density += mean / 86_400 * exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s2)) / (2 * .pi * s2)
        }
        return density
    }

    /// Adds the flares' expected events to a windows × cells table of ``expectedRasterCounts(boundaries:)``
    /// (increasing `boundaries`, cells in the order of ``rasterWeights``).
    func addFlares(boundaries: [Int64], into values: inout [Double]) {
        let n = config.rasterSize, cells = n * n, side = config.cellSide
        let half = Double(n) * side / 2
        let from = max(boundaries[0], interval.lowerBound), to = min(boundaries[boundaries.count - 1], interval.upperBound)
        for flare in flares {
            let reach = Int((8 * flare.radius / side).rounded(.up)) + 1
            for day in flare.startDay..<min(config.days, flare.startDay + flare.days) {
                let dayStart = interval.lowerBound + Int64(day) * 86_400
                let a = max(dayStart, from), b = min(dayStart + 86_400, to)
                guard b > a else { continue }
                let centre = flare.centre(day: day)
                let cx = centre.x, cy = centre.y
                let column = Int(((cx + half) / side).rounded(.down)), row = Int(((cy + half) / side).rounded(.down))
                let c0 = max(0, column - reach), c1 = min(n - 1, column + reach), r0 = max(0, row - reach), r1 = min(n - 1, row + reach)
                guard c0 <= c1, r0 <= r1 else { continue }
                let columnMass = (c0...c1).map { c in
                    normalMass(from: (-half + Double(c) * side - cx) / flare.radius, to: (-half + Double(c + 1) * side - cx) / flare.radius)
                }
                let rowMass = (r0...r1).map { r in
                    normalMass(from: (-half + Double(r) * side - cy) / flare.radius, to: (-half + Double(r + 1) * side - cy) / flare.radius)
                }
                let perSecond = flare.expectedEvents(day: day) / 86_400
                // The windows that overlap [a, b): the first is the last boundary at or before a.
                var w = max(0, (boundaries.firstIndex { $0 > a } ?? boundaries.count) - 1)
                while w < boundaries.count - 1, boundaries[w] < b {
                    let overlap = Double(min(b, boundaries[w + 1]) - max(a, boundaries[w]))
                    if overlap > 0 {
                        for r in r0...r1 {
                            let weight = perSecond * overlap * rowMass[r - r0]
                            for c in c0...c1 { values[w * cells + r * n + c] += weight * columnMass[c - c0] }
                        }
                    }
                    w += 1
                }
            }
        }
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
                let centre = flare.centre(day: day)
                let cx = centre.x, cy = centre.y
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
