/// The 3×3 "same" convolution as im2col + `cblas_sgemm`, over channels-last sources, shared by
/// ``Conv2DLayer`` and the ConvLSTM cell. Column matrices are built chunk by chunk (and rebuilt in the
/// backward pass rather than kept), so memory stays bounded for large images; callers own the scratch
/// buffers (``scratchCount(images:)`` floats each) so that a recurrent layer reuses them across steps.
struct Conv3x3Op {
    let geometry: Im2Col
    let outputs: Int

    /// Floats needed by one column-matrix scratch buffer for `images` images.
    func scratchCount(images: Int) -> Int {
        geometry.chunkSize(images: images) * geometry.height * geometry.width * geometry.patch
    }

    /// `out[images·h·w, outputs] = im2col(sources) · Wpᵀ + bias`, with `Wp` from ``Im2Col/permuteWeight``.
    /// `epilogue`, when given, runs on each finished block of output rows (pixel rows of `out`) while it is
    /// still in cache. With several cores and room in the scratch buffer, each core expands and multiplies
    /// its own images in small blocks with OpenBLAS single-threaded, so that OpenBLAS's threads and
    /// CrimeKit's never compete; each output row is computed the same way whatever the thread count.
    func forward(_ sources: [UnsafeBufferPointer<Float>], images: Int, weight: UnsafeBufferPointer<Float>,
                 bias: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>,
                 scratch col: UnsafeMutableBufferPointer<Float>, epilogue: ((Range<Int>) -> Void)? = nil) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let chunk = geometry.chunkSize(images: images)
        let parts = min(ParallelRows.cores, images)
        guard parts > 1, chunk >= parts else {
            var first = 0
            while first < images {
                let count = min(chunk, images - first)
                geometry.expand(sources, first: first, count: count, into: col)
                multiply(col, rows: first * pixels ..< (first + count) * pixels, weight: weight, bias: bias, into: out)
                epilogue?(first * pixels ..< (first + count) * pixels)
                first += count
            }
            return
        }
        // blocks of about 1 MB of columns per core, so a block's columns and outputs stay in L2
        let block = max(1, min(chunk / parts, (1 << 18) / max(1, pixels * k)))
        SerialBLAS.run {
            ParallelRows.forEachPart(count: images, parts: parts) { part, range in
                let mine = UnsafeMutableBufferPointer(rebasing: col[(part * block * pixels * k)..<((part + 1) * block * pixels * k)])
                var first = range.lowerBound
                while first < range.upperBound {
                    let count = min(block, range.upperBound - first)
                    geometry.expand(sources, first: first, images: 0..<count, into: mine)
                    multiply(mine, rows: first * pixels ..< (first + count) * pixels, weight: weight, bias: bias, into: out)
                    epilogue?(first * pixels ..< (first + count) * pixels)
                    first += count
                }
            }
        }
    }

    /// `out[rows] = col · Wpᵀ + bias` for the column block `col` holding exactly those rows.
    private func multiply(_ col: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, weight: UnsafeBufferPointer<Float>,
                          bias: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        let dst = UnsafeMutableBufferPointer(rebasing: out[(rows.lowerBound * outputs)..<(rows.upperBound * outputs)])
        BLAS.gemm(false, true, m: rows.count, n: outputs, k: geometry.patch, UnsafeBufferPointer(col), weight, beta: 0, dst)
        BLAS.addRowBias(dst, columns: outputs, bias)
    }

    /// Images per column block of ``weightGradients(_:_:images:weightGrad:biasGrad:scratch:)``: about 1 MB.
    private var weightBlock: Int { max(1, (1 << 18) / max(1, geometry.height * geometry.width * geometry.patch)) }

    /// Fixed groups of images whose weight-gradient partial sums are added in order at the end.
    private func weightGroups(images: Int) -> Int { min(8, images) }

    /// Floats of scratch that ``weightGradients(_:_:images:weightGrad:biasGrad:scratch:)`` needs.
    func weightScratchCount(images: Int) -> Int {
        let groups = weightGroups(images: images)
        return groups * outputs * (geometry.patch + 1)
            + min(ParallelRows.cores, groups) * weightBlock * geometry.height * geometry.width * geometry.patch
    }

    /// Adds the gradients of the permuted weight and of the bias for output gradient `dy`. The images are
    /// cut into at most eight fixed groups shared out over the cores (OpenBLAS single-threaded inside); each
    /// group's partial sums are added in group order, so the result does not depend on the core count.
    func weightGradients(_ dy: UnsafeBufferPointer<Float>, _ sources: [UnsafeBufferPointer<Float>], images: Int,
                         weightGrad: UnsafeMutableBufferPointer<Float>, biasGrad: UnsafeMutableBufferPointer<Float>,
                         scratch: UnsafeMutableBufferPointer<Float>) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let groups = weightGroups(images: images), parts = min(ParallelRows.cores, groups)
        guard groups > 0, let base = scratch.baseAddress else { return }
        let partials = base, biasPartials = base + groups * outputs * k, columns = biasPartials + groups * outputs
        let blockFloats = weightBlock * pixels * k
        let work = { (part: Int, range: Range<Int>) in
            let col = UnsafeMutableBufferPointer(start: columns + part * blockFloats, count: blockFloats)
            for group in range {
                let partial = UnsafeMutableBufferPointer(start: partials + group * outputs * k, count: outputs * k)
                let biasPartial = UnsafeMutableBufferPointer(start: biasPartials + group * outputs, count: outputs)
                biasPartial.update(repeating: 0)
                var first = group * images / groups, beta: Float = 0
                let end = (group + 1) * images / groups
                while first < end {
                    let count = min(weightBlock, end - first)
                    let g = UnsafeBufferPointer(rebasing: dy[(first * pixels * outputs)..<((first + count) * pixels * outputs)])
                    geometry.expand(sources, first: first, images: 0..<count, into: col)
                    BLAS.gemm(true, false, m: outputs, n: k, k: count * pixels, g,
                              UnsafeBufferPointer(rebasing: col[0..<(count * pixels * k)]), beta: beta, partial)
                    BLAS.accumulateColumnSums(g, columns: outputs, into: biasPartial)
                    beta = 1
                    first += count
                }
            }
        }
        if parts > 1 {
            SerialBLAS.run { ParallelRows.forEachPart(count: groups, parts: parts, work) }
        } else {
            work(0, 0..<groups)
        }
        for group in 0..<groups {
            for i in 0..<(outputs * k) { weightGrad[i] += partials[group * outputs * k + i] }
            for o in 0..<outputs { biasGrad[o] += biasPartials[group * outputs + o] }
        }
    }

    /// Adds the gradients of the permuted weight, the bias and the sources for output gradient `dy`.
    func backward(_ dy: UnsafeBufferPointer<Float>, _ sources: [UnsafeBufferPointer<Float>], images: Int,
                  weight: UnsafeBufferPointer<Float>, weightGrad: UnsafeMutableBufferPointer<Float>,
                  biasGrad: UnsafeMutableBufferPointer<Float>, sourceGrads: [UnsafeMutableBufferPointer<Float>],
                  scratch col: UnsafeMutableBufferPointer<Float>, scratch2 dcol: UnsafeMutableBufferPointer<Float>) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let chunk = geometry.chunkSize(images: images)
        var first = 0
        while first < images {
            let count = min(chunk, images - first)
            let rows = count * pixels
            let g = UnsafeBufferPointer(rebasing: dy[(first * pixels * outputs)..<((first + count) * pixels * outputs)])
            geometry.expand(sources, first: first, count: count, into: col)
            BLAS.gemm(true, false, m: outputs, n: k, k: rows, g, UnsafeBufferPointer(col), beta: 1, weightGrad)
            BLAS.accumulateColumnSums(g, columns: outputs, into: biasGrad)
            if !sourceGrads.isEmpty {
                BLAS.gemm(false, false, m: rows, n: k, k: outputs, g, weight, beta: 0, dcol)
                geometry.scatter(UnsafeBufferPointer(dcol), first: first, count: count, into: sourceGrads)
            }
            first += count
        }
    }
}
