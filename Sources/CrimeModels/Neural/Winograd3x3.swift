import CNeuralKernels

/// The 3×3 "same" convolution (padding 1, stride 1) by Winograd's F(4×4, 3×3) over channels-last images,
/// used by the ConvLSTM cell for its gate convolution and for that convolution's gradients with respect to
/// its inputs and its kernel. Each 4×4 block of outputs costs 36 multiplications per channel pair instead
/// of 144: the images are zero-padded and cut into 6×6 input tiles, transformed (`nk_winograd_input`),
/// multiplied as 36 independent `[tiles, in] · [in, out]` products through `cblas_sgemm`, and transformed
/// back (`nk_winograd_output`); ``WinogradTransforms`` holds the kernel transform.
///
/// Sources are read as if concatenated along the channel axis (so the ConvLSTM's `concat(input, hidden)`
/// is never built) and the output channels may be split over several destinations. In `Float` the result
/// differs from a direct convolution by a few 1e-6 of the output's scale.
struct Winograd3x3 {
    /// Image height and width.
    let height: Int, width: Int
    /// Channels of each source, in concatenation order, and of each destination, in split order.
    let sources: [Int], destinations: [Int]

    /// Total input and output channels.
    var inputs: Int { sources.reduce(0, +) }
    var outputs: Int { destinations.reduce(0, +) }
    private var tilesAcross: Int { (width + 3) / 4 }
    private var tilesDown: Int { (height + 3) / 4 }
    private var tiles: Int { tilesDown * tilesAcross }
    /// Rows and columns of an image zero-padded so that every 6×6 input tile lies inside it.
    private var paddedHeight: Int { 4 * tilesDown + 2 }
    private var paddedWidth: Int { 4 * tilesAcross + 2 }
    private var stageCount: Int { 36 * max(inputs, outputs) }

    /// How a call over `images` images is cut into blocks of whole images: about 128 tiles each, so that
    /// each of the 36 products is large enough for `sgemm`, with the number of blocks rounded up to a
    /// multiple of four (while there are images for it) so that two or four cores get equal shares. It
    /// depends on the image count only.
    private struct Blocking {
        let images: Int, count: Int
        /// Images of block `block`.
        func range(_ block: Int) -> Range<Int> { (block * images / count)..<((block + 1) * images / count) }
        /// Images in the largest block.
        var largest: Int { (images + count - 1) / count }
    }

    private func blocking(_ images: Int) -> Blocking {
        let perBlock = max(1, 128 / tiles)
        let blocks = (images + perBlock - 1) / perBlock
        return Blocking(images: images, count: max(1, min(images, (blocks + 3) / 4 * 4)))
    }

    /// Floats of the padded images of a block of `images` images, at the start of each part's scratch.
    private func paddedCount(_ images: Int) -> Int { images * paddedHeight * paddedWidth * inputs }

    /// Floats of scratch per part for blocks of up to `images` images.
    private func perPart(_ images: Int) -> Int { paddedCount(images) + 2 * stageCount + 36 * images * tiles * (inputs + outputs) }

    /// Floats of scratch that ``run(_:images:weight:bias:into:scratch:epilogue:)`` needs for `images` images.
    func scratchCount(images: Int) -> Int {
        let b = blocking(images)
        return min(ParallelRows.cores, b.count) * perPart(b.largest)
    }

    /// The transformed kernel `U [36, in, out]`. For a PyTorch kernel `w [out, in, 3, 3]` of a forward
    /// convolution pass `adjoint: false`; for the convolution that maps an output gradient back onto the
    /// inputs (from `out` channels to `in` channels, kernel transposed and turned by 180°) pass the same
    /// `w` with `adjoint: true`.
    func transformWeight(_ w: [Float], adjoint: Bool) -> [Float] {
        let (cin, cout) = (inputs, outputs)
        var u = [Float](repeating: 0, count: 36 * cin * cout)
        for c in 0..<cin {
            for o in 0..<cout {
                // g[ky][kx] for input channel c → output channel o
                let g: (Int, Int) -> Double = adjoint
                    ? { ky, kx in Double(w[((c * cout + o) * 3 + (2 - ky)) * 3 + (2 - kx)]) }
                    : { ky, kx in Double(w[((o * cin + c) * 3 + ky) * 3 + kx]) }
                let columns = (0..<3).map { kx in WinogradTransforms.kernel(g(0, kx), g(1, kx), g(2, kx)) }
                for i in 0..<6 {
                    let row = WinogradTransforms.kernel(columns[0][i], columns[1][i], columns[2][i])
                    for j in 0..<6 { u[((i * 6 + j) * cin + c) * cout + o] = Float(row[j]) }
                }
            }
        }
        return u
    }

    /// Writes the convolution of the sources (plus `bias`, when not empty) into the destinations, each
    /// `[images, h, w, channels]`. Blocks of whole images are shared out over the cores, each running its
    /// products through OpenBLAS single-threaded; `epilogue` runs on each finished block's pixel rows while
    /// they are in cache. Blocks do not depend on the core count, so neither does the result.
    func run(_ sourceData: [UnsafeBufferPointer<Float>], images: Int, weight: UnsafeBufferPointer<Float>,
             bias: UnsafeBufferPointer<Float>, into destinationData: [UnsafeMutableBufferPointer<Float>],
             scratch: UnsafeMutableBufferPointer<Float>, epilogue: ((Range<Int>) -> Void)? = nil) {
        let blocks = blocking(images)
        let parts = min(ParallelRows.cores, blocks.count)
        let (pixels, size, padded) = (height * width, perPart(blocks.largest), paddedCount(blocks.largest))
        let work = { (part: Int, range: Range<Int>) in
            let mine = UnsafeMutableBufferPointer(rebasing: scratch[(part * size)..<((part + 1) * size)])
            for block in range {
                let own = blocks.range(block)
                convolve(sourceData, first: own.lowerBound, count: own.count, weight: weight, bias: bias, into: destinationData,
                         scratch: mine, padded: padded)
                epilogue?(own.lowerBound * pixels ..< own.upperBound * pixels)
            }
        }
        ParallelRows.forEachPartCallingBLAS(count: blocks.count, parts: parts, work)
    }

    /// One block of images `first ..< first + count`, on the calling thread; the scratch's first `padded`
    /// floats hold the padded images.
    private func convolve(_ sourceData: [UnsafeBufferPointer<Float>], first: Int, count: Int, weight: UnsafeBufferPointer<Float>,
                          bias: UnsafeBufferPointer<Float>, into destinationData: [UnsafeMutableBufferPointer<Float>],
                          scratch: UnsafeMutableBufferPointer<Float>, padded: Int) {
        guard let base = scratch.baseAddress, let u = weight.baseAddress else { return }
        let (cin, cout, t) = (inputs, outputs, count * tiles)
        let stage = base + padded, stage2 = stage + stageCount
        let v = stage2 + stageCount, m = v + 36 * t * cin
        transformInputs(sourceData, first: first, count: count, scratch: base, padded: padded)
        for xi in 0..<36 {
            BLAS.gemm(false, false, m: t, n: cout, k: cin, UnsafeBufferPointer(start: v + xi * t * cin, count: t * cin),
                      UnsafeBufferPointer(start: u + xi * cin * cout, count: cin * cout), beta: 0,
                      UnsafeMutableBufferPointer(start: m + xi * t * cout, count: t * cout))
        }
        for tile in 0..<t {
            transformOutput(m + tile * cout, rows: t, image: first + tile / tiles, tile: tile % tiles, bias: bias, into: destinationData, stage, stage2)
        }
    }

    /// Pads the block's images into the first `padded` floats of `base` and writes every tile's `Bᵀ d B` to
    /// the block's `V` area.
    private func transformInputs(_ sourceData: [UnsafeBufferPointer<Float>], first: Int, count: Int, scratch base: UnsafeMutablePointer<Float>,
                                 padded: Int) {
        let (cin, t) = (inputs, count * tiles)
        let v = base + padded + 2 * stageCount
        var sourceStart = base
        var paddedSources = [UnsafeMutablePointer<Float>]()
        for (s, c) in sources.enumerated() {
            pad(sourceData[s], channels: c, first: first, count: count, into: sourceStart)
            paddedSources.append(sourceStart)
            sourceStart += count * paddedHeight * paddedWidth * c
        }
        for tile in 0..<t { transformInput(paddedSources, image: tile / tiles, tile: tile % tiles, into: v + tile * cin, rows: t, base + padded) }
    }

    /// Floats of scratch that ``accumulateWeightGradient(_:_:images:into:scratch:)`` needs.
    func weightScratchCount(images: Int) -> Int {
        let blocks = blocking(images)
        return min(8, blocks.count) * 36 * inputs * outputs + min(ParallelRows.cores, blocks.count) * perPart(blocks.largest)
    }

    /// Adds to `du [36, in, out]` the gradient of the transformed kernel for the output gradient `dy`
    /// `[images, h, w, outputs]`: per tile `V[ξ]ᵀ · (A · dY · Aᵀ)[ξ]`, summed over tiles. The blocks form
    /// at most eight fixed groups shared out over the cores; group sums are added in order, so the result
    /// does not depend on the core count. ``WinogradTransforms/accumulateKernelGradient(_:inputs:outputs:into:)``
    /// turns `du` into the kernel's gradient.
    func accumulateWeightGradient(_ sourceData: [UnsafeBufferPointer<Float>], _ dy: UnsafeBufferPointer<Float>, images: Int,
                                  into du: UnsafeMutableBufferPointer<Float>, scratch: UnsafeMutableBufferPointer<Float>) {
        let blocks = blocking(images)
        let groups = min(8, blocks.count), parts = min(ParallelRows.cores, groups)
        let (cin, cout) = (inputs, outputs)
        let (size, padded) = (perPart(blocks.largest), paddedCount(blocks.largest))
        guard groups > 0, let base = scratch.baseAddress, let dyBase = dy.baseAddress else { return }
        let partials = base, work = base + groups * 36 * cin * cout
        let body = { (part: Int, range: Range<Int>) in
            let mine = work + part * size
            let stage = mine + padded, v = stage + 2 * stageCount
            for group in range {
                let partial = partials + group * 36 * cin * cout
                var beta: Float = 0
                for block in (group * blocks.count / groups)..<((group + 1) * blocks.count / groups) {
                    let own = blocks.range(block)
                    let (first, count, t) = (own.lowerBound, own.count, own.count * tiles)
                    let dm = v + 36 * t * cin
                    transformInputs(sourceData, first: first, count: count, scratch: mine, padded: padded)
                    for tile in 0..<t { transformOutputGradient(dyBase, image: first + tile / tiles, tile: tile % tiles, into: dm + tile * cout, rows: t, stage) }
                    for xi in 0..<36 {
                        BLAS.gemm(true, false, m: cin, n: cout, k: t, UnsafeBufferPointer(start: v + xi * t * cin, count: t * cin),
                                  UnsafeBufferPointer(start: dm + xi * t * cout, count: t * cout), beta: beta,
                                  UnsafeMutableBufferPointer(start: partial + xi * cin * cout, count: cin * cout))
                    }
                    beta = 1
                }
            }
        }
        ParallelRows.forEachPartCallingBLAS(count: groups, parts: parts, body)
        for group in 0..<groups {
            let partial = partials + group * 36 * cin * cout
            for i in 0..<(36 * cin * cout) { du[i] += partial[i] }
        }
    }

    /// Writes `A · dY · Aᵀ` of one tile's 4×4 output gradients (zero outside the image) at `dm`, position ξ
    /// at `dm + ξ · rows · outputs`.
    private func transformOutputGradient(_ dy: UnsafePointer<Float>, image: Int, tile: Int, into dm: UnsafeMutablePointer<Float>,
                                         rows: Int, _ stage: UnsafeMutablePointer<Float>) {
        let cout = outputs
        let (y0, x0) = (4 * (tile / tilesAcross), 4 * (tile % tilesAcross))
        for a in 0..<4 {
            for b in 0..<4 {
                let dst = stage + (a * 4 + b) * cout
                if y0 + a < height, x0 + b < width {
                    dst.update(from: dy + ((image * height + y0 + a) * width + x0 + b) * cout, count: cout)
                } else {
                    dst.update(repeating: 0, count: cout)
                }
            }
        }
        let stage2 = stage + 16 * cout
        for b in 0..<4 { nk_winograd_output_adjoint(stage + b * cout, 4 * cout, stage2 + b * cout, 4 * cout, cout) }
        for i in 0..<6 { nk_winograd_output_adjoint(stage2 + i * 4 * cout, cout, dm + i * 6 * rows * cout, rows * cout, cout) }
    }

    /// Copies images `first ..< first + count` of one source (`channels` wide) into `out`, zero-padded to
    /// ``paddedHeight`` × ``paddedWidth`` with the image at row 1, column 1.
    private func pad(_ source: UnsafeBufferPointer<Float>, channels c: Int, first: Int, count: Int, into out: UnsafeMutablePointer<Float>) {
        let (ph, pw) = (paddedHeight, paddedWidth)
        for i in 0..<count {
            let image = out + i * ph * pw * c
            image.update(repeating: 0, count: pw * c)
            for y in 0..<height {
                let row = image + (y + 1) * pw * c
                row.update(repeating: 0, count: c)
                if let p = source.baseAddress { (row + c).update(from: p + ((first + i) * height + y) * width * c, count: width * c) }
                (row + (width + 1) * c).update(repeating: 0, count: (pw - width - 1) * c)
            }
            (image + (height + 1) * pw * c).update(repeating: 0, count: (ph - height - 1) * pw * c)
        }
    }

    /// Writes `Bᵀ d B` of one 6×6 input tile of the padded block at `v`, position ξ at `v + ξ · rows · inputs`.
    private func transformInput(_ padded: [UnsafeMutablePointer<Float>], image: Int, tile: Int, into v: UnsafeMutablePointer<Float>,
                                rows: Int, _ stage: UnsafeMutablePointer<Float>) {
        let (cin, pw) = (inputs, paddedWidth)
        let corner = image * paddedHeight * pw + 4 * (tile / tilesAcross) * pw + 4 * (tile % tilesAcross)
        var offset = 0
        for (s, c) in sources.enumerated() {
            let origin = padded[s] + corner * c
            for q in 0..<6 {
                nk_winograd_input(origin + q * c, pw * c, stage + q * cin + offset, 6 * cin, c)
            }
            offset += c
        }
        for i in 0..<6 { nk_winograd_input(stage + i * 6 * cin, cin, v + i * 6 * rows * cin, rows * cin, cin) }
    }

    /// Turns one tile's 36 products (position ξ at `m + ξ · rows · outputs`) into its 4×4 outputs and writes
    /// those inside the image, plus the bias, split over the destinations. The bias is added to product
    /// ξ = 7 (row 1, column 1), whose row and column of `Aᵀ` are all ones, so it reaches all 16 outputs.
    private func transformOutput(_ m: UnsafeMutablePointer<Float>, rows: Int, image: Int, tile: Int, bias: UnsafeBufferPointer<Float>,
                                 into destinationData: [UnsafeMutableBufferPointer<Float>],
                                 _ stage: UnsafeMutablePointer<Float>, _ stage2: UnsafeMutablePointer<Float>) {
        let cout = outputs
        if let b = bias.baseAddress {
            let p = m + 7 * rows * cout
            for o in 0..<cout { p[o] += b[o] }
        }
        for j in 0..<6 { nk_winograd_output(m + j * rows * cout, 6 * rows * cout, stage + j * cout, 6 * cout, cout) }
        let (y0, x0) = (4 * (tile / tilesAcross), 4 * (tile % tilesAcross))
        if destinations.count == 1, y0 + 4 <= height, x0 + 4 <= width, let p = destinationData[0].baseAddress {
            for a in 0..<4 {
                let pixel = (image * height + y0 + a) * width + x0
                nk_winograd_output(stage + a * 6 * cout, cout, p + pixel * cout, cout, cout)
            }
            return
        }
        for a in 0..<4 { nk_winograd_output(stage + a * 6 * cout, cout, stage2 + a * 4 * cout, cout, cout) }
        for a in 0..<min(4, height - y0) {
            for b in 0..<min(4, width - x0) {
                let pixel = (image * height + y0 + a) * width + x0 + b
                var src = stage2 + (a * 4 + b) * cout
                for (d, c) in destinations.enumerated() {
                    if let p = destinationData[d].baseAddress { (p + pixel * c).update(from: src, count: c) }
                    src += c
                }
            }
        }
    }
}
