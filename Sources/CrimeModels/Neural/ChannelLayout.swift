import CrimeCore

/// Conversions between PyTorch's channels-first `[n, c, p]` and the engine's channels-last `[n, p, c]`
/// (p = pixels), applied at a model's boundary.
enum ChannelLayout {
    /// `[outer, channels, pixels]` → `[outer, pixels, channels]`.
    static func toChannelsLast(_ x: [Float], outer: Int, channels: Int, pixels: Int) -> [Float] {
        transpose(x, outer: outer, rows: channels, columns: pixels)
    }

    /// `[outer, pixels, channels]` → `[outer, channels, pixels]`.
    static func toChannelsFirst(_ x: [Float], outer: Int, channels: Int, pixels: Int) -> [Float] {
        transpose(x, outer: outer, rows: pixels, columns: channels)
    }

    private static func transpose(_ x: [Float], outer: Int, rows: Int, columns: Int) -> [Float] {
        if rows == 1 || columns == 1 { return x }
        var y = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { src in
            y.withUnsafeMutableBufferPointer { dst in
                for o in 0..<outer {
                    let base = o * rows * columns
                    for r in 0..<rows { for c in 0..<columns { dst[base + c * rows + r] = src[base + r * columns + c] } }
                }
            }
        }
        return y
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
