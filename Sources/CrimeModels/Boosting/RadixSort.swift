/// Sorting of finite `Double`s by their bits: an LSD radix sort over 8-bit digits of an
/// order-preserving key, skipping digits every value shares. Faster than a comparison sort on
/// the hundreds of thousands of values a feature column holds.
enum RadixSort {
    /// `values` in ascending order (−0.0 before +0.0).
    static func sorted(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 1 else { return values }
        var keys = values.map { v -> UInt64 in
            let bits = v.bitPattern
            return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var buffer = [UInt64](repeating: 0, count: n)
        // Every digit's counts in one pass over the keys.
        var counts = [Int](repeating: 0, count: 8 * 256)
        counts.withUnsafeMutableBufferPointer { c in
            for key in keys {
                for d in 0..<8 { c[d * 256 + Int((key >> UInt64(8 * d)) & 0xFF)] += 1 }
            }
        }
        for d in 0..<8 {
            let digit = counts[(d * 256)..<(d * 256 + 256)]
            if digit.contains(n) { continue }
            var starts = [Int](repeating: 0, count: 256)
            var total = 0
            for k in 0..<256 {
                starts[k] = total
                total += digit[d * 256 + k]
            }
            let shift = UInt64(8 * d)
            keys.withUnsafeBufferPointer { source in buffer.withUnsafeMutableBufferPointer { target in
                starts.withUnsafeMutableBufferPointer { next in
                    for key in source {
                        let k = Int((key >> shift) & 0xFF)
                        target[next[k]] = key
                        next[k] += 1
                    }
                }
            }}
            swap(&keys, &buffer)
        }
        return keys.map { key in
            Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
        }
    }
}
