/// im2col and col2im for 3×3 "same" convolution (padding 1, stride 1) over channels-last images.
///
/// The input is one or more channels-last sources `[n, h, w, c_s]` read as if concatenated along the
/// channel axis (so the ConvLSTM's `concat(input, hidden)` is never materialised). Column row
/// `(n, y, x)` holds the 3×3 neighbourhood ordered (ky, kx, channel); ``permuteWeight(_:outputs:channels:)``
/// reorders a PyTorch `[out, in, 3, 3]` kernel to match.
struct Im2Col {
    /// Image height and width.
    let height: Int, width: Int
    /// Channels of each source, in concatenation order.
    let channels: [Int]
    /// Total input channels.
    var totalChannels: Int { channels.reduce(0, +) }
    /// Columns of the im2col matrix: 9 · total channels.
    var patch: Int { 9 * totalChannels }

    /// Fills `col` (rows for images `first ..< first + count`) from the sources.
    func expand(_ sources: [UnsafeBufferPointer<Float>], first: Int, count: Int, into col: UnsafeMutableBufferPointer<Float>) {
        ParallelRows.forEach(count: count, minimumPart: 1) { part in expand(sources, first: first, images: part, into: col) }
    }

    /// ``expand(_:first:count:into:)`` for the images `first + images`, written at their rows of `col`, on
    /// the calling thread.
    func expand(_ sources: [UnsafeBufferPointer<Float>], first: Int, images: Range<Int>, into col: UnsafeMutableBufferPointer<Float>) {
        let (h, w, k, total) = (height, width, patch, totalChannels)
        let bases = sources.map(\.baseAddress), widths = channels
        guard let out = col.baseAddress else { return }
        for i in images {
            let image = first + i
            for y in 0..<h {
                for x in 0..<w {
                    let rowStart = ((i * h + y) * w + x) * k
                    for ky in 0..<3 {
                        let yy = y + ky - 1
                        for kx in 0..<3 {
                            let xx = x + kx - 1
                            var dst = out + rowStart + (ky * 3 + kx) * total
                            if yy < 0 || yy >= h || xx < 0 || xx >= w {
                                dst.update(repeating: 0, count: total)
                                continue
                            }
                            let pixel = (image * h + yy) * w + xx
                            for s in 0..<bases.count {
                                let c = widths[s]
                                if let base = bases[s] { dst.update(from: base + pixel * c, count: c) }
                                dst += c
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds the column gradients back onto the source gradients (the adjoint of ``expand``).
    func scatter(_ col: UnsafeBufferPointer<Float>, first: Int, count: Int, into grads: [UnsafeMutableBufferPointer<Float>]) {
        ParallelRows.forEach(count: count, minimumPart: 1) { part in scatter(col, first: first, images: part, into: grads) }
    }

    /// ``scatter(_:first:count:into:)`` for the images `first + images`; each image's gradient is its own.
    private func scatter(_ col: UnsafeBufferPointer<Float>, first: Int, images: Range<Int>, into grads: [UnsafeMutableBufferPointer<Float>]) {
        let (h, w, k, total) = (height, width, patch, totalChannels)
        for i in images {
            let image = first + i
            for y in 0..<h {
                for x in 0..<w {
                    let rowStart = ((i * h + y) * w + x) * k
                    for ky in 0..<3 {
                        let yy = y + ky - 1
                        guard yy >= 0, yy < h else { continue }
                        for kx in 0..<3 {
                            let xx = x + kx - 1
                            guard xx >= 0, xx < w else { continue }
                            var src = rowStart + (ky * 3 + kx) * total
                            let pixel = (image * h + yy) * w + xx
                            for (s, c) in channels.enumerated() {
                                let dst = grads[s]
                                let base = pixel * c
                                for j in 0..<c { dst[base + j] += col[src + j] }
                                src += c
                            }
                        }
                    }
                }
            }
        }
    }

    /// Images per im2col chunk, so that a chunk's column matrix stays near 4 M floats.
    func chunkSize(images: Int) -> Int {
        max(1, min(images, (1 << 22) / max(1, height * width * patch)))
    }

    /// Reorders a PyTorch kernel `[out, in, 3, 3]` to `[out, (ky, kx, in)]`.
    static func permuteWeight(_ w: [Float], outputs: Int, channels: Int) -> [Float] {
        var p = [Float](repeating: 0, count: w.count)
        for o in 0..<outputs {
            for c in 0..<channels {
                for t in 0..<9 { p[(o * 9 + t) * channels + c] = w[(o * channels + c) * 9 + t] }
            }
        }
        return p
    }

    /// Adds a gradient in the `[out, (ky, kx, in)]` order onto one in PyTorch's `[out, in, 3, 3]` order.
    static func accumulateUnpermuted(_ p: [Float], outputs: Int, channels: Int, into w: inout [Float]) {
        for o in 0..<outputs {
            for c in 0..<channels {
                for t in 0..<9 { w[(o * channels + c) * 9 + t] += p[(o * 9 + t) * channels + c] }
            }
        }
    }
}
