/// Sigmoid and tanh over contiguous `Float` spans, eight lanes at a time, for the recurrent cells' gates.
///
/// `exp` is the Cephes single-precision scheme (range reduction by ln 2 split in two constants, a degree-5
/// polynomial; the constants are Cephes' `expf.c`, S. L. Moshier), accurate to about 2 ulp; rounding to
/// the nearest integer uses the 1.5·2²³ trick so that every step stays in vector registers.
enum VectorMath {
    typealias V = SIMD8<Float>

    /// e^x lane-wise, with x clamped to [−87.3, 88.3] (no infinities, no denormals).
    @inline(__always) static func exp(_ x: V) -> V {
        let low = V(repeating: -87.3), high = V(repeating: 88.3)
        var x = x.replacing(with: low, where: x .< low)
        x.replace(with: high, where: x .> high)
        let magic = V(repeating: 12_582_912)  // 1.5·2²³: adding it rounds to an integer in the low mantissa bits
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        x -= n * 0.693_359_375
        x -= n * -2.121_944_4e-4
        var p = x * 1.987_569_15e-4 + 1.398_199_95e-3
        p = p * x + 8.333_451_9e-3
        p = p * x + 4.166_579_59e-2
        p = p * x + 1.666_666_55e-1
        p = p * x + 5.000_000_12e-1
        p = p * (x * x) + x + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let scale = unsafeBitCast((integer &+ 127) &<< 23, to: V.self)
        return p * scale
    }

    /// 1 / (1 + e^(−x)) lane-wise.
    @inline(__always) static func sigmoid(_ x: V) -> V {
        1 / (1 + exp(-x))
    }

    /// tanh lane-wise as sign(x)·(1 − e^(−2|x|)) / (1 + e^(−2|x|)); absolute error below about 2e-7.
    @inline(__always) static func tanh(_ x: V) -> V {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        let e = exp(-2 * magnitude)
        let t = (1 - e) / (1 + e)
        return t.replacing(with: -t, where: x .< 0)
    }

    /// Applies `f` in place to `count` floats at `p` (the last partial vector through a padded copy).
    @inline(__always) static func apply(_ p: UnsafeMutablePointer<Float>, count: Int, _ f: (V) -> V) {
        var i = 0
        let raw = UnsafeMutableRawPointer(p)
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: V.self)
            raw.storeBytes(of: f(v), toByteOffset: i * 4, as: V.self)
            i += 8
        }
        guard i < count else { return }
        var tail = V()
        for j in 0..<(count - i) { tail[j] = p[i + j] }
        tail = f(tail)
        for j in 0..<(count - i) { p[i + j] = tail[j] }
    }

    /// Sigmoid in place over `count` floats.
    static func sigmoid(_ p: UnsafeMutablePointer<Float>, count: Int) { apply(p, count: count, sigmoid) }

    /// tanh in place over `count` floats.
    static func tanh(_ p: UnsafeMutablePointer<Float>, count: Int) { apply(p, count: count, tanh) }
}
