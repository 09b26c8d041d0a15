/// The three linear maps of Winograd's minimal filtering F(4×4, 3×3) (Lavin & Gray, "Fast Algorithms for
/// Convolutional Neural Networks", CVPR 2016, interpolation points 0, ±1, ±2, ∞): for a 6×6 input tile d
/// and a 3×3 kernel g, the 4×4 "same"-correlation outputs are `Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A`.
///
/// Each function applies one matrix along one axis: it reads its operands at `stride` apart and, for
/// every one of `count` contiguous lanes (channels), writes the results at `outStride` apart — applied
/// once along rows and once along columns it gives the 2-D transform. The lanes run eight at a time.
enum WinogradTransforms {
    typealias V = SIMD8<Float>

    @inline(__always) private static func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> V {
        if lanes >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        var v = V()
        for i in 0..<lanes { v[i] = p[i] }
        return v
    }

    @inline(__always) private static func store(_ v: V, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes >= 8 {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
            return
        }
        for i in 0..<lanes { p[i] = v[i] }
    }

    /// Bᵀ (6×6) along one axis: six inputs to six outputs.
    @inline(__always) static func input(_ s: UnsafePointer<Float>, stride: Int, _ d: UnsafeMutablePointer<Float>,
                                        outStride: Int, count: Int) {
        var c = 0
        while c < count {
            let n = min(8, count - c)
            let p = s + c, q = d + c
            let d0 = load(p, n), d1 = load(p + stride, n), d2 = load(p + 2 * stride, n)
            let d3 = load(p + 3 * stride, n), d4 = load(p + 4 * stride, n), d5 = load(p + 5 * stride, n)
            let s12 = d1 + d2, d12 = d1 - d2, s34 = d3 + d4, d34 = d3 - d4
            store(4 * d0 - 5 * d2 + d4, q, n)
            store(s34 - 4 * s12, q + outStride, n)
            store(4 * d12 - d34, q + 2 * outStride, n)
            store(2 * (d3 - d1) + d4 - d2, q + 3 * outStride, n)
            store(2 * (d1 - d3) + d4 - d2, q + 4 * outStride, n)
            store(4 * d1 - 5 * d3 + d5, q + 5 * outStride, n)
            c += 8
        }
    }

    /// Aᵀ (4×6) along one axis: six inputs to four outputs.
    @inline(__always) static func output(_ s: UnsafePointer<Float>, stride: Int, _ d: UnsafeMutablePointer<Float>,
                                         outStride: Int, count: Int) {
        var c = 0
        while c < count {
            let n = min(8, count - c)
            let p = s + c, q = d + c
            let m0 = load(p, n), m1 = load(p + stride, n), m2 = load(p + 2 * stride, n)
            let m3 = load(p + 3 * stride, n), m4 = load(p + 4 * stride, n), m5 = load(p + 5 * stride, n)
            let s12 = m1 + m2, d12 = m1 - m2, s34 = m3 + m4, d34 = m3 - m4
            store(m0 + s12 + s34, q, n)
            store(d12 + 2 * d34, q + outStride, n)
            store(s12 + 4 * s34, q + 2 * outStride, n)
            store(d12 + 8 * d34 + m5, q + 3 * outStride, n)
            c += 8
        }
    }

    /// G (6×3) applied to one kernel row or column, in `Double` so that the transformed weights carry
    /// only their final rounding.
    @inline(__always) static func kernel(_ g0: Double, _ g1: Double, _ g2: Double) -> [Double] {
        [g0 / 4, -(g0 + g1 + g2) / 6, -(g0 - g1 + g2) / 6, g0 / 24 + g1 / 12 + g2 / 6, g0 / 24 - g1 / 12 + g2 / 6, g2]
    }
}
