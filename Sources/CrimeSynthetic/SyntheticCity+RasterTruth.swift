import CrimeCore
import Foundation

extension SyntheticCity {
    /// The true expected events of every raster cell in every window between consecutive UTC
    /// `boundaries`, given the realised history: the integral of ``intensity(at:time:)`` over each cell and
    /// window, the best possible forecast to score others against.
    ///
    /// Row `w` is the window `[boundaries[w], boundaries[w + 1])`; column `row × rasterSize + column`
    /// (row 0 south, column 0 west), the order of ``rasterWeights``. Each entry equals
    /// ``expectedCount(in:from:to:)`` of that cell's box, but the whole table costs one pass over
    /// ``events``: the exponential kernel lets the excitation of earlier events be carried from window to
    /// window as one decaying value per cell, and each event touches only the cells within eight
    /// `offspringSpread` of it (the Gaussian mass beyond is below 10⁻¹⁵).
    /// Throws when fewer than two boundaries are given or they do not increase.
    public func expectedRasterCounts(boundaries: [Int64]) throws -> Matrix {
        guard boundaries.count >= 2 else {
            throw SyntheticCityError.badSetting("window boundaries: need at least two, got \(boundaries.count)")
        }
        for k in 1..<boundaries.count where boundaries[k] <= boundaries[k - 1] {
            throw SyntheticCityError.badSetting(
                "window boundaries must increase: boundary \(k + 1) (\(boundaries[k])) is not after \(boundaries[k - 1])")
        }
        let cells = config.rasterSize * config.rasterSize, windows = boundaries.count - 1
        var values = [Double](repeating: 0, count: windows * cells)
        for w in 0..<windows {
            let total = backgroundTotal(from: boundaries[w], to: boundaries[w + 1])
            for c in 0..<cells { values[w * cells + c] = rasterWeights[c] * total }
        }
        if config.flares.perYear > 0 { addFlares(boundaries: boundaries, into: &values) }
        if config.branchingRatio > 0 { addTriggered(boundaries: boundaries, into: &values) }
        return Matrix(rows: windows, columns: cells, values: values)
    }

    /// Expected background events city-wide between two UTC instants (hours cut by the range count in
    /// proportion).
    func backgroundTotal(from start: Int64, to end: Int64) -> Double {
        let from = max(start, interval.lowerBound), to = min(end, interval.upperBound)
        guard to > from else { return 0 }
        var total = 0.0
        let first = Int((from - interval.lowerBound) / 3600), last = Int((to - 1 - interval.lowerBound) / 3600)
        for h in first...last {
            let a = interval.lowerBound + Int64(h) * 3600
            total += hourlyExpected[h] * Double(min(a + 3600, to) - max(a, from)) / 3600
        }
        return total
    }

    /// Adds the excitation of the realised history to a windows × cells table.
    private func addTriggered(boundaries: [Int64], into values: inout [Double]) {
        let n = config.rasterSize, cells = n * n
        let kernel = NearRepeatKernel(config)
        let frame = SyntheticMetricFrame(self)
        let tau = config.offspringMeanDelay, alpha = config.branchingRatio, end = interval.upperBound
        // Carried excitation per cell at the current boundary: Σ α exp(−(b − tᵢ)/τ) × cell mass of event i.
        var carried = [Double](repeating: 0, count: cells)
        let spread = SpreadStencil(city: self, kernel: kernel)
        events.withUnsafeBufferPointer { all in
            carried.withUnsafeMutableBufferPointer { state in
                values.withUnsafeMutableBufferPointer { out in
                    var next = 0
                    let start = boundaries[0]
                    while next < all.count, all[next].time < start {
                        let e = all[next]
                        let (x, y) = frame.metres(GeoPoint(latitude: e.latitude, longitude: e.longitude))
                        spread.add(x: x, y: y, weight: alpha * exp(-Double(start - e.time) / tau), into: state, offset: 0)
                        next += 1
                    }
                    for w in 0..<(boundaries.count - 1) {
                        let a = boundaries[w], b = boundaries[w + 1]
                        // The window's share of the carried excitation stops where the city ends.
                        let share = b > a && end > a ? -expm1(-Double(min(b, end) - a) / tau) : 0
                        let decay = exp(-Double(b - a) / tau)
                        for c in 0..<cells {
                            out[w * cells + c] += state[c] * share
                            state[c] *= decay
                        }
                        while next < all.count, all[next].time < b {
                            let e = all[next]
                            let (x, y) = frame.metres(GeoPoint(latitude: e.latitude, longitude: e.longitude))
                            let inWindow = alpha * kernel.timeShare(parent: Double(e.time), from: Double(a), to: Double(min(b, end)))
                            spread.add(x: x, y: y, weight: inWindow, into: out, offset: w * cells)
                            spread.add(x: x, y: y, weight: alpha * exp(-Double(b - e.time) / tau), into: state, offset: 0)
                            next += 1
                        }
                    }
                }
            }
        }
    }
}

/// Spreads an event's Gaussian displacement over the raster cells near it.
private struct SpreadStencil {
    let n: Int
    let side: Double
    let half: Double
    let spread: Double
    let reach: Int

    init(city: SyntheticCity, kernel: NearRepeatKernel) {
        n = city.config.rasterSize
        side = city.config.cellSide
        half = Double(n) * side / 2
        spread = kernel.spread
        reach = Int((8 * kernel.spread / side).rounded(.up)) + 1
    }

    /// Adds `weight` × the event's mass in each nearby cell to `buffer[offset + row × n + column]`.
    func add(x: Double, y: Double, weight: Double, into buffer: UnsafeMutableBufferPointer<Double>, offset: Int) {
        guard weight > 0 else { return }
        let column = Int(((x + half) / side).rounded(.down)), row = Int(((y + half) / side).rounded(.down))
        let c0 = max(0, column - reach), c1 = min(n - 1, column + reach)
        let r0 = max(0, row - reach), r1 = min(n - 1, row + reach)
        guard c0 <= c1, r0 <= r1 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: c1 - c0 + 1) { columnMass in
            for c in c0...c1 {
                let xLow = -half + Double(c) * side
                columnMass[c - c0] = normalMass(from: (xLow - x) / spread, to: (xLow + side - x) / spread)
            }
            for r in r0...r1 {
                let yLow = -half + Double(r) * side
                let rowMass = weight * normalMass(from: (yLow - y) / spread, to: (yLow + side - y) / spread)
                guard rowMass > 0 else { continue }
                let base = offset + r * n
                for c in c0...c1 { buffer[base + c] += rowMass * columnMass[c - c0] }
            }
        }
    }
}
