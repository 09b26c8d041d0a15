import CrimeCore

/// 2×2 max pooling with stride 2 over channels-last images `[n, h, w, c]` (odd edges dropped, as in
/// PyTorch). Within a window the first maximum in row-major order wins, and NaN propagates, as PyTorch's
/// CPU kernel does, so gradients route identically when values tie.
public struct MaxPool2Layer: NNLayer {
    /// A pooling layer.
    public init() {}

    /// The flat input index each output came from, and the input shape.
    public struct Cache: Sendable {
        let source: [Int32]
        let inputShape: [Int]
    }

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache) {
        guard x.shape.count == 4, x.shape[1] >= 2, x.shape[2] >= 2 else {
            throw NNError.wrongShape(tensor: "max-pool input", expected: "[n, h ≥ 2, w ≥ 2, c]", got: x.shape)
        }
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (ho, wo) = (h / 2, w / 2)
        var y = [Float](repeating: 0, count: n * ho * wo * c)
        var source = [Int32](repeating: 0, count: y.count)
        x.storage.withUnsafeBufferPointer { src in
            y.withUnsafeMutableBufferPointer { dst in
                source.withUnsafeMutableBufferPointer { arg in
                    ParallelRows.forEach(count: n, minimumPart: max(1, 4096 / max(1, h * w * c))) { images in
                        for i in images {
                            for oy in 0..<ho {
                                for ox in 0..<wo {
                                    let out = ((i * ho + oy) * wo + ox) * c
                                    let topLeft = ((i * h + 2 * oy) * w + 2 * ox) * c
                                    for ch in 0..<c {
                                        // PyTorch's scan order (0,0), (0,1), (1,0), (1,1); a later entry wins only if larger or NaN
                                        var best = topLeft + ch
                                        var value = src[best]
                                        for step in 1...3 {
                                            let idx = topLeft + ch + (step >> 1) * w * c + (step & 1) * c
                                            if src[idx] > value || src[idx].isNaN && !value.isNaN {
                                                value = src[idx]
                                                best = idx
                                            }
                                        }
                                        dst[out + ch] = value
                                        arg[out + ch] = Int32(truncatingIfNeeded: best)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(unchecked: [n, ho, wo, c], y), Cache(source: source, inputShape: x.shape))
    }

    public func backward(_ dy: Tensor, _ cache: Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        var dx = Tensor(zeros: cache.inputShape)
        dx.storage.withUnsafeMutableBufferPointer { d in
            dy.storage.withUnsafeBufferPointer { g in
                cache.source.withUnsafeBufferPointer { s in
                    for i in 0..<g.count { d[Int(s[i])] += g[i] }
                }
            }
        }
        return dx
    }
}
