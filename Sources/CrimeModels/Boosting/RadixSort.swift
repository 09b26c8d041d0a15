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
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: 64, by: 8) {
            for k in 0..<256 { counts[k] = 0 }
            for key in keys { counts[Int((key >> UInt64(shift)) & 0xFF)] += 1 }
            if counts.contains(n) { continue }
            var total = 0
            for k in 0..<256 {
                let c = counts[k]
                counts[k] = total
                total += c
            }
            for key in keys {
                let digit = Int((key >> UInt64(shift)) & 0xFF)
                buffer[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &buffer)
        }
        return keys.map { key in
            Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
        }
    }
}
