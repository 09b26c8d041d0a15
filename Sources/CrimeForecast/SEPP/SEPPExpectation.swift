import CNeuralKernels
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
    /// Σᵢ (1 − e^{−ω min(T − tᵢ, W)}): the expected offspring per unit of θ within the window.
    var offspringMass = 0.0

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
                    // Per pair of the current event: (delay, squared distance), then its kernel value.
                    var pairs = [Double](repeating: 0, count: 2 * 256)
                    var kernels = [Double](repeating: 0, count: 256)
                    var logSum = 0.0, p = 0.0, pd = 0.0, pr = 0.0
                    for j in range {
                        let found = buckets.gatherPairs(x: e.x[j], y: e.y[j], t: e.t[j], window: window,
                                                        radius2: radius2, into: &pairs)
                        if found > kernels.count { kernels = [Double](repeating: 0, count: pairs.count / 2) }
                        let c = Int(e.cell[j])
                        let mu = s.background[c] * s.rhythm[Int(e.hour[j])] / e.areas[c]
                        let lambda = pairs.withUnsafeBufferPointer { pair in
                            kernels.withUnsafeMutableBufferPointer { kernel in
                                pp_trigger_kernels(pair.baseAddress, found, scale, s.omega, twoSigma2, mu, kernel.baseAddress)
                            }
                        }
                        guard lambda > 0 else {
                            logSum += -Double.infinity
                            continue
                        }
                        logSum += log(lambda)
                        bgBase[j] = mu / lambda
                        let inverse = 1 / lambda
                        pairs.withUnsafeBufferPointer { pair in
                            kernels.withUnsafeBufferPointer { kernel in
                                for k in 0..<found {
                                    let q = kernel[k] * inverse
                                    p += q
                                    pd += q * pair[2 &* k]
                                    pr += q * pair[2 &* k &+ 1]
                                }
                            }
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
        offspringMass = e.t.withUnsafeBufferPointer { pp_offspring_mass($0.baseAddress, n, e.duration, s.omega, window) }
        logLikelihood = logSum - Self.compensator(events: e, state: s, offspringMass: offspringMass)
    }

    /// The expected number of events in the window: the background integrated over the window and the
    /// cells, plus θ times the offspring mass (the trigger kernel is cut at the time cut-off; the
    /// Gaussian's mass beyond the space cut-off or outside the cells is ignored).
    static func compensator(events e: SEPPEvents, state s: SEPPState, offspringMass: Double) -> Double {
        var rhythm = 0.0
        for h in e.exposure.indices { rhythm += s.rhythm[h] * e.exposure[h] }
        var total = 0.0
        for mu in s.background { total += mu * rhythm }
        return total + s.theta * offspringMass
    }
}
