import Foundation

extension KernelDensity {
    /// The way a request is computed once ``Evaluation`` has been resolved for a problem.
    enum Path {
        case exact
        case buckets
        case raster(GaussianRaster.Plan)
    }

    /// Resolves `evaluation` for `queries` points inside `box`.
    func resolved(_ evaluation: Evaluation, queries: Int, box: PlaneBox) -> Path {
        let finite = (box.maxX - box.minX).isFinite && (box.maxY - box.minY).isFinite
        if evaluation == .exact || box.isEmpty || !finite { return .exact }
        if kernel == .quartic { return .buckets }
        let plan = GaussianRaster.Plan(bandwidth: bandwidth, box: box)
        if evaluation == .fast { return .raster(plan) }
        // An exponential costs about ten multiply-adds; the raster's cost is its convolution.
        let exactCost = 10 * Double(x.count) * Double(queries)
        return exactCost <= plan.cost(incidents: x.count, queries: queries) ? .exact : .raster(plan)
    }

    /// Every query against every incident, in blocks of query points.
    func exactDensity(_ qx: [Double], _ qy: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: qx.count)
        let h2 = bandwidth * bandwidth, inverseH2 = 1 / h2, n = x.count
        let gaussian = kernel == .gaussian
        let scale = (gaussian ? 1 / (2 * Double.pi * h2) : 3 / (Double.pi * h2)) / totalWeight
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                weights.withUnsafeBufferPointer { ws in
                    out.withUnsafeMutableBufferPointer { ob in
                        let ob = ob
                        ParallelBlocks.forEach(count: qx.count, blockSize: 256) { block in
                            for q in block {
                                let px = qx[q], py = qy[q]
                                var sum = 0.0
                                if gaussian {
                                    let c = -0.5 / h2
                                    for i in 0..<n {
                                        let dx = xs[i] - px, dy = ys[i] - py
                                        sum += ws[i] * exp(c * (dx * dx + dy * dy))
                                    }
                                } else {
                                    sum = Self.quarticSum(xs, ys, ws, 0..<n, px, py, inverseH2)
                                }
                                ob[q] = sum * scale
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The quartic kernel summed over the incidents within one bandwidth of each query, found through
    /// buckets half a bandwidth wide; exact, because the kernel vanishes beyond that.
    func bucketedQuarticDensity(_ qx: [Double], _ qy: [Double]) -> [Double] {
        let h2 = bandwidth * bandwidth, inverseH2 = 1 / h2
        let box = PlaneBox(x: qx, y: qy).padded(by: bandwidth)
        let buckets = PointBuckets(x: x, y: y, weights: weights, box: box, side: bandwidth / 2)
        let scale = 3 / (Double.pi * h2) / totalWeight
        var out = [Double](repeating: .nan, count: qx.count)
        buckets.x.withUnsafeBufferPointer { xs in
            buckets.y.withUnsafeBufferPointer { ys in
                buckets.w.withUnsafeBufferPointer { ws in
                    out.withUnsafeMutableBufferPointer { ob in
                        let ob = ob
                        ParallelBlocks.forEach(count: qx.count, blockSize: 1024) { block in
                            for q in block where qx[q].isFinite && qy[q].isFinite {
                                let px = qx[q], py = qy[q]
                                var sum = 0.0
                                buckets.forEachRange(nearX: px, y: py, radius: bandwidth) { range in
                                    sum += Self.quarticSum(xs, ys, ws, range, px, py, inverseH2)
                                }
                                ob[q] = sum * scale
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Σ w (1 − r²/h²)₊² over a run of incidents, in four lanes added up at the end (a fixed order, so
    /// the same on every run). Branch-free: beyond the support the factor is 0 and adds exactly nothing.
    @inline(__always)
    private static func quarticSum(_ xs: UnsafeBufferPointer<Double>, _ ys: UnsafeBufferPointer<Double>,
                                   _ ws: UnsafeBufferPointer<Double>, _ range: Range<Int>,
                                   _ px: Double, _ py: Double, _ inverseH2: Double) -> Double {
        var lanes = SIMD4<Double>(repeating: 0)
        let one = SIMD4<Double>(repeating: 1), zero = SIMD4<Double>(repeating: 0)
        let cx = SIMD4<Double>(repeating: px), cy = SIMD4<Double>(repeating: py)
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let dx = SIMD4(xs[i], xs[i + 1], xs[i + 2], xs[i + 3]) - cx
            let dy = SIMD4(ys[i], ys[i + 1], ys[i + 2], ys[i + 3]) - cy
            let t = pointwiseMax(one - (dx * dx + dy * dy) * inverseH2, zero)
            lanes += SIMD4(ws[i], ws[i + 1], ws[i + 2], ws[i + 3]) * t * t
            i += 4
        }
        var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
        while i < range.upperBound {
            let dx = xs[i] - px, dy = ys[i] - py
            let t = max(1 - (dx * dx + dy * dy) * inverseH2, 0)
            sum += ws[i] * t * t
            i += 1
        }
        return sum
    }
}
