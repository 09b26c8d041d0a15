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
        ParallelRows.forEachPartCallingBLAS(count: images, parts: parts) { part, range in
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

    /// `out[rows] = col · Wpᵀ + bias` for the column block `col` holding exactly those rows.
    private func multiply(_ col: UnsafeMutableBufferPointer<Float>, rows: Range<Int>, weight: UnsafeBufferPointer<Float>,
                          bias: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        let dst = UnsafeMutableBufferPointer(rebasing: out[(rows.lowerBound * outputs)..<(rows.upperBound * outputs)])
        BLAS.gemm(false, true, m: rows.count, n: outputs, k: geometry.patch, UnsafeBufferPointer(col), weight, beta: 0, dst)
        BLAS.addRowBias(dst, columns: outputs, bias)
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
