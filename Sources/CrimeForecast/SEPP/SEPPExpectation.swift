import Foundation

/// One E-step of the SEPP EM over all events: for each event j the intensity
/// λⱼ = μ(cⱼ) r(hⱼ) / A(cⱼ) + Σᵢ θ ω e^{−ω(tⱼ−tᵢ)} e^{−dᵢⱼ²/(2σ²)} / (2πσ²) over the earlier events i
/// within the cut-offs (0 < tⱼ − tᵢ ≤ the time window, dᵢⱼ ≤ the radius), the probability that j is
/// background, and the sums the M-step needs. Events are cut into fixed blocks run concurrently; block
/// sums are added in block order, so the result does not depend on the number of cores.
struct SEPPExpectation {
    /// Per event: probability of being background.
    var background: [Double]
    /// log-likelihood at the state the step ran at.
    var logLikelihood = 0.0
    /// Σ pᵢⱼ, Σ pᵢⱼ (tⱼ − tᵢ) and Σ pᵢⱼ dᵢⱼ² over the pairs.
    var triggered = 0.0, delays = 0.0, squaredDistances = 0.0

    static let blockSize = 2048

    init(events e: SEPPEvents, state s: SEPPState, limits: SEPPLimits) {
        let n = e.count
        let window = limits.timeWindow(s), radius = limits.radius(s)
        let buckets = TimeOrderedBuckets(events: e, side: radius)
        let twoSigma2 = 2 * s.sigma * s.sigma, radius2 = radius * radius
        let spatial = 1 / (Double.pi * twoSigma2)
        let scale = s.theta * s.omega * spatial
        let blocks = (n + Self.blockSize - 1) / Self.blockSize
        var partial = [Double](repeating: 0, count: blocks * 4)
        var background = [Double](repeating: 0, count: n)
        background.withUnsafeMutableBufferPointer { bg in
            partial.withUnsafeMutableBufferPointer { part in
                let bgBase = bg, partBase = part
                ParallelBlocks.forEach(count: n, blockSize: Self.blockSize) { range in
                    // Per pair of the current event: kernel value, delay, squared distance.
                    var scratch = [Double](repeating: 0, count: 3 * 256)
                    var logSum = 0.0, p = 0.0, pd = 0.0, pr = 0.0
                    for j in range {
                        let tj = e.t[j], xj = e.x[j], yj = e.y[j]
                        var found = 0
                        buckets.forEachCandidate(x: xj, y: yj, from: tj - window, before: tj) { ti, xi, yi in
                            let dx = xj - xi, dy = yj - yi
                            let d2 = dx * dx + dy * dy
                            guard d2 <= radius2 else { return }
                            if 3 * (found + 1) > scratch.count { scratch += [Double](repeating: 0, count: scratch.count) }
                            let dt = tj - ti
                            scratch[3 * found] = scale * exp(-s.omega * dt - d2 / twoSigma2)
                            scratch[3 * found + 1] = dt
                            scratch[3 * found + 2] = d2
                            found += 1
                        }
                        let c = Int(e.cell[j])
                        let mu = s.background[c] * s.rhythm[Int(e.hour[j])] / e.areas[c]
                        var lambda = mu
                        for k in 0..<found { lambda += scratch[3 * k] }
                        guard lambda > 0 else {
                            logSum += -Double.infinity
                            continue
                        }
                        logSum += log(lambda)
                        bgBase[j] = mu / lambda
                        let inverse = 1 / lambda
                        for k in 0..<found {
                            let q = scratch[3 * k] * inverse
                            p += q
                            pd += q * scratch[3 * k + 1]
                            pr += q * scratch[3 * k + 2]
                        }
                    }
                    let b = range.lowerBound / Self.blockSize
                    partBase[b * 4] = logSum
                    partBase[b * 4 + 1] = p
                    partBase[b * 4 + 2] = pd
                    partBase[b * 4 + 3] = pr
                }
            }
        }
        var logSum = 0.0
        for b in 0..<blocks {
            logSum += partial[b * 4]
            triggered += partial[b * 4 + 1]
            delays += partial[b * 4 + 2]
            squaredDistances += partial[b * 4 + 3]
        }
        self.background = background
        logLikelihood = logSum - Self.compensator(events: e, state: s, window: window)
    }

    /// The expected number of events in the window: the background integrated over the window and the
    /// cells, plus θ(1 − e^{−ω min(T − tᵢ, W)}) per event, W the time cut-off (the trigger kernel is cut
    /// at W; the Gaussian's mass beyond the space cut-off or outside the cells is ignored).
    static func compensator(events e: SEPPEvents, state s: SEPPState, window: Double) -> Double {
        var rhythm = 0.0
        for h in e.exposure.indices { rhythm += s.rhythm[h] * e.exposure[h] }
        var total = 0.0
        for mu in s.background { total += mu * rhythm }
        var offspring = 0.0
        for ti in e.t { offspring += 1 - exp(-s.omega * min(e.duration - ti, window)) }
        return total + s.theta * offspring
    }
}
