import Foundation

/// The fast path of the Gaussian density (see ``KernelDensity/Evaluation/fast``): incidents binned
/// linearly onto a raster, a separable convolution with the Gaussian cut off at 5h, and Keys' cubic
/// interpolation at the query points.
///
/// Linear binning spreads each incident over its four nearest nodes; on average that widens the kernel
/// by a variance of δ²/6 per axis (δ the spacing), so the taps use the variance h² − δ²/6 and the result
/// keeps the bandwidth h. Cubic interpolation reproduces quadratics and adds no such widening.
struct GaussianRaster {
    /// The raster's geometry for one bandwidth and one box of query points.
    struct Plan: Sendable {
        /// Spacing of the nodes in metres.
        let spacing: Double
        /// Taps on each side of the centre tap (the cut-off, 5h, in nodes).
        let taps: Int
        /// Position of output node (0, 0).
        let x0: Double, y0: Double
        /// Output nodes: the query box and two nodes more on every side, for the cubic stencil.
        let columns: Int, rows: Int
        /// Nodes per bandwidth, and the most input nodes a raster may have before the spacing grows.
        static let nodesPerBandwidth = 8.0, maximumNodes = 8_000_000

        init(bandwidth h: Double, box: PlaneBox) {
            let width = box.maxX - box.minX, height = box.maxY - box.minY
            var spacing = h / Self.nodesPerBandwidth
            func size(_ d: Double) -> (columns: Int, rows: Int, taps: Int) {
                (Int((width / d).rounded(.up)) + 5, Int((height / d).rounded(.up)) + 5, Int((5 * h / d).rounded(.up)))
            }
            var s = size(spacing)
            while Double(s.columns + 2 * s.taps) * Double(s.rows + 2 * s.taps) > Double(Self.maximumNodes) {
                spacing *= 1.25
                s = size(spacing)
            }
            self.spacing = spacing
            taps = s.taps
            columns = s.columns
            rows = s.rows
            x0 = box.minX - 2 * spacing
            y0 = box.minY - 2 * spacing
        }

        /// Input nodes per row and rows of input (the output grown by the cut-off on every side).
        var inputColumns: Int { columns + 2 * taps }
        var inputRows: Int { rows + 2 * taps }

        /// Multiply-adds of binning, both convolution passes and interpolation.
        func cost(incidents: Int, queries: Int) -> Double {
            let width = Double(2 * taps + 1)
            return Double(inputRows * columns) * width + Double(rows * columns) * width
                + 4 * Double(incidents) + 16 * Double(queries)
        }
    }

    let plan: Plan
    /// Densities at the output nodes, row-major from the south-west.
    let values: [Double]

    /// Bins, convolves and normalises `density` (a Gaussian estimate) on the raster of `plan`.
    init(density: KernelDensity, plan: Plan) {
        self.plan = plan
        let d = plan.spacing, h = density.bandwidth, j = plan.taps
        let inColumns = plan.inputColumns, inRows = plan.inputRows, columns = plan.columns
        let variance = max(h * h - d * d / 6, h * h / 2)
        let kernel = (0...(2 * j)).map { k -> Double in
            let u = Double(k - j) * d
            return exp(-0.5 * u * u / variance)
        }
        let binned = Self.bin(density, plan: plan)
        var across = [Double](repeating: 0, count: inRows * columns)
        var rowHasMass = [Bool](repeating: false, count: inRows)
        for r in 0..<inRows { rowHasMass[r] = binned[(r * inColumns)..<((r + 1) * inColumns)].contains { $0 != 0 } }
        binned.withUnsafeBufferPointer { input in
            across.withUnsafeMutableBufferPointer { tb in
                let tb = tb
                ParallelBlocks.forEach(count: inRows, blockSize: 16) { block in
                    for r in block where rowHasMass[r] {
                        let row = r * inColumns, out = r * columns
                        for k in 0...(2 * j) {
                            let t = kernel[k]
                            for c in 0..<columns { tb[out + c] += t * input[row + c + k] }
                        }
                    }
                }
            }
        }
        let scale = 1 / (2 * Double.pi * variance * density.totalWeight)
        var values = [Double](repeating: 0, count: plan.rows * columns)
        across.withUnsafeBufferPointer { tb in
            values.withUnsafeMutableBufferPointer { vb in
                let vb = vb
                ParallelBlocks.forEach(count: plan.rows, blockSize: 16) { block in
                    for r in block {
                        let out = r * columns
                        for k in 0...(2 * j) where rowHasMass[r + k] {
                            let t = kernel[k] * scale, row = (r + k) * columns
                            for c in 0..<columns { vb[out + c] += t * tb[row + c] }
                        }
                    }
                }
            }
        }
        self.values = values
    }

    /// Linear binning of the incidents onto the input raster; incidents off it lie beyond the cut-off
    /// of every output node and are left out (their weight still counts in the normalisation).
    private static func bin(_ density: KernelDensity, plan: Plan) -> [Double] {
        let d = plan.spacing, inColumns = plan.inputColumns, inRows = plan.inputRows
        let ox = plan.x0 - Double(plan.taps) * d, oy = plan.y0 - Double(plan.taps) * d
        var binned = [Double](repeating: 0, count: inColumns * inRows)
        for i in density.x.indices {
            let fx = (density.x[i] - ox) / d, fy = (density.y[i] - oy) / d
            guard fx >= 0, fy >= 0, fx < Double(inColumns - 1), fy < Double(inRows - 1) else { continue }
            let c = Int(fx), r = Int(fy)
            let u = fx - Double(c), v = fy - Double(r), w = density.weights[i]
            let k = r * inColumns + c
            binned[k] += w * (1 - u) * (1 - v)
            binned[k + 1] += w * u * (1 - v)
            binned[k + inColumns] += w * (1 - u) * v
            binned[k + inColumns + 1] += w * u * v
        }
        return binned
    }

    /// The density at query points by Keys' cubic interpolation (a = −1/2) of the node values, clamped at
    /// 0; NaN for a query without finite coordinates.
    func interpolate(x qx: [Double], y qy: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: qx.count)
        let columns = plan.columns, rows = plan.rows, d = plan.spacing
        values.withUnsafeBufferPointer { vb in
            out.withUnsafeMutableBufferPointer { ob in
                let ob = ob
                ParallelBlocks.forEach(count: qx.count, blockSize: 4096) { block in
                    for q in block where qx[q].isFinite && qy[q].isFinite {
                        let fx = (qx[q] - plan.x0) / d, fy = (qy[q] - plan.y0) / d
                        let c = min(max(Int(fx.rounded(.down)), 1), columns - 3)
                        let r = min(max(Int(fy.rounded(.down)), 1), rows - 3)
                        let wx = Self.keys(fx - Double(c)), wy = Self.keys(fy - Double(r))
                        var sum = 0.0
                        for b in 0..<4 {
                            let row = (r - 1 + b) * columns + c - 1
                            sum += wy[b] * (wx[0] * vb[row] + wx[1] * vb[row + 1] + wx[2] * vb[row + 2] + wx[3] * vb[row + 3])
                        }
                        ob[q] = max(sum, 0)
                    }
                }
            }
        }
        return out
    }

    /// Keys' cubic convolution weights of the nodes at offsets −1, 0, 1, 2 for a fraction `u` in [0, 1).
    @inline(__always)
    private static func keys(_ u: Double) -> SIMD4<Double> {
        let u2 = u * u, u3 = u2 * u
        return SIMD4(-0.5 * u3 + u2 - 0.5 * u, 1.5 * u3 - 2.5 * u2 + 1, -1.5 * u3 + 2 * u2 + 0.5 * u, 0.5 * u3 - 0.5 * u2)
    }
}
