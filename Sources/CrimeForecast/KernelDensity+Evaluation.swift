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
        if evaluation == .exact || box.isEmpty { return .exact }
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
        let h2 = bandwidth * bandwidth, n = x.count
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
                                    for i in 0..<n {
                                        let dx = xs[i] - px, dy = ys[i] - py
                                        let t = 1 - (dx * dx + dy * dy) / h2
                                        if t > 0 { sum += ws[i] * t * t }
                                    }
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
    /// buckets one bandwidth wide; exact, because the kernel vanishes beyond that.
    func bucketedQuarticDensity(_ qx: [Double], _ qy: [Double]) -> [Double] {
        let h2 = bandwidth * bandwidth
        let box = PlaneBox(x: qx, y: qy).padded(by: bandwidth)
        let buckets = PointBuckets(x: x, y: y, weights: weights, box: box, side: bandwidth)
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
                                buckets.forEachNeighbourhoodRange(x: px, y: py) { range in
                                    for i in range {
                                        let dx = xs[i] - px, dy = ys[i] - py
                                        let t = 1 - (dx * dx + dy * dy) / h2
                                        if t > 0 { sum += ws[i] * t * t }
                                    }
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
}
