import CrimeCore

/// Conversions between PyTorch's channels-first `[n, c, p]` and the engine's channels-last `[n, p, c]`
/// (p = pixels), applied at a model's boundary.
enum ChannelLayout {
    /// `[outer, channels, pixels]` → `[outer, pixels, channels]`.
    static func toChannelsLast(_ x: [Float], outer: Int, channels: Int, pixels: Int) -> [Float] {
        if channels == 1 || pixels == 1 { return x }
        return transpose(x, outer: outer, rows: channels, columns: pixels) { $0 }
    }

    /// `[outer, pixels, channels]` → `[outer, channels, pixels]`.
    static func toChannelsFirst(_ x: [Float], outer: Int, channels: Int, pixels: Int) -> [Float] {
        if channels == 1 || pixels == 1 { return x }
        return transpose(x, outer: outer, rows: pixels, columns: channels) { $0 }
    }

    /// `[batch, steps, channels, pixels]` → time-major channels-last `[steps, batch, pixels, channels]`.
    static func toChannelsLastTimeMajor(_ x: [Float], batch: Int, steps: Int, channels: Int, pixels: Int) -> [Float] {
        transpose(x, outer: batch * steps, rows: channels, columns: pixels) { (($0 % steps) * batch + $0 / steps) }
    }

    /// Transposes each `[rows, columns]` block `o` of `x` into block `slot(o)` of the result, on all cores.
    private static func transpose(_ x: [Float], outer: Int, rows: Int, columns: Int, slot: @escaping (Int) -> Int) -> [Float] {
        let block = rows * columns
        return [Float](unsafeUninitializedCapacity: x.count) { dst, initialized in
            x.withUnsafeBufferPointer { src in
                guard let from = src.baseAddress, let to = dst.baseAddress else { return }
                // every block is written exactly once, so the whole buffer ends up initialised
                ParallelRows.forEach(count: outer, minimumPart: max(1, (1 << 16) / max(1, block))) { part in
                    for o in part {
                        let (source, target) = (from + o * block, to + slot(o) * block)
                        if rows == 1 || columns == 1 {
                            target.initialize(from: source, count: block)
                            continue
                        }
                        for r in 0..<rows { for c in 0..<columns { (target + c * rows + r).initialize(to: source[r * columns + c]) } }
                    }
                }
            }
            initialized = x.count
        }
    }
}

/// Checks a model input's rank and fixed axes and that it is finite; `nil` axes are free.
func validateInput(_ x: Tensor, name: String, expected: [Int?]) throws {
    let description = "[" + expected.map { $0.map(String.init) ?? "_" }.joined(separator: ", ") + "]"
    guard x.shape.count == expected.count, x.shape.allSatisfy({ $0 > 0 }),
          zip(x.shape, expected).allSatisfy({ $1 == nil || $0 == $1 }) else {
        throw NNError.wrongShape(tensor: name, expected: description, got: x.shape)
    }
    try requireFinite(x.storage, tensor: name)
}

/// The rows of a batch-first array picked by `indices`.
func gatherSamples(_ x: [Float], sampleSize: Int, _ indices: [Int]) -> [Float] {
    var out = [Float]()
    out.reserveCapacity(indices.count * sampleSize)
    for i in indices { out.append(contentsOf: x[(i * sampleSize)..<((i + 1) * sampleSize)]) }
    return out
}
