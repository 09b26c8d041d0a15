/// The 3×3 "same" convolution as im2col + `cblas_sgemm`, over channels-last sources, shared by
/// ``Conv2DLayer`` and the ConvLSTM cell. Column matrices are built chunk by chunk (and rebuilt in the
/// backward pass rather than kept), so memory stays bounded for large images.
struct Conv3x3Op {
    let geometry: Im2Col
    let outputs: Int

    /// `out[images·h·w, outputs] = im2col(sources) · Wpᵀ + bias`, with `Wp` from ``Im2Col/permuteWeight``.
    func forward(_ sources: [UnsafeBufferPointer<Float>], images: Int, weight: UnsafeBufferPointer<Float>,
                 bias: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let chunk = geometry.chunkSize(images: images)
        var col = [Float](repeating: 0, count: chunk * pixels * k)
        col.withUnsafeMutableBufferPointer { c in
            var first = 0
            while first < images {
                let count = min(chunk, images - first)
                geometry.expand(sources, first: first, count: count, into: c)
                let rows = count * pixels
                let dst = UnsafeMutableBufferPointer(rebasing: out[(first * pixels * outputs)..<((first + count) * pixels * outputs)])
                BLAS.gemm(false, true, m: rows, n: outputs, k: k, UnsafeBufferPointer(c), weight, beta: 0, dst)
                BLAS.addRowBias(dst, columns: outputs, bias)
                first += count
            }
        }
    }

    /// Adds the gradients of the permuted weight, the bias and the sources for output gradient `dy`.
    func backward(_ dy: UnsafeBufferPointer<Float>, _ sources: [UnsafeBufferPointer<Float>], images: Int,
                  weight: UnsafeBufferPointer<Float>, weightGrad: UnsafeMutableBufferPointer<Float>,
                  biasGrad: UnsafeMutableBufferPointer<Float>, sourceGrads: [UnsafeMutableBufferPointer<Float>]) {
        let pixels = geometry.height * geometry.width, k = geometry.patch
        let chunk = geometry.chunkSize(images: images)
        var col = [Float](repeating: 0, count: chunk * pixels * k)
        var dcol = col
        col.withUnsafeMutableBufferPointer { c in
            dcol.withUnsafeMutableBufferPointer { dc in
                var first = 0
                while first < images {
                    let count = min(chunk, images - first)
                    let rows = count * pixels
                    let g = UnsafeBufferPointer(rebasing: dy[(first * pixels * outputs)..<((first + count) * pixels * outputs)])
                    geometry.expand(sources, first: first, count: count, into: c)
                    BLAS.gemm(true, false, m: outputs, n: k, k: rows, g, UnsafeBufferPointer(c), beta: 1, weightGrad)
                    BLAS.accumulateColumnSums(g, columns: outputs, into: biasGrad)
                    if !sourceGrads.isEmpty {
                        BLAS.gemm(false, false, m: rows, n: k, k: outputs, g, weight, beta: 0, dc)
                        geometry.scatter(UnsafeBufferPointer(dc), first: first, count: count, into: sourceGrads)
                    }
                    first += count
                }
            }
        }
    }
}
