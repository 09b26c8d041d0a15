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
    func forward(_ sources: [UnsafeBufferPointer<Float>], images: Int, weight: UnsafeBufferPointer<Float>,
                 bias: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>, scratch col: UnsafeMutableBufferPointer<Float>) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let chunk = geometry.chunkSize(images: images)
        var first = 0
        while first < images {
            let count = min(chunk, images - first)
            geometry.expand(sources, first: first, count: count, into: col)
            let rows = count * pixels
            let dst = UnsafeMutableBufferPointer(rebasing: out[(first * pixels * outputs)..<((first + count) * pixels * outputs)])
            BLAS.gemm(false, true, m: rows, n: outputs, k: k, UnsafeBufferPointer(col), weight, beta: 0, dst)
            BLAS.addRowBias(dst, columns: outputs, bias)
            first += count
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
