/// Sorting of a sparse cube's flat keys in time linear in their number: a least-significant-digit radix
/// sort with at most 16 bits a pass, as many passes as the key range needs (two up to 2³² keys, three
/// up to 2⁴⁸), so a cube built from 17 million incidents costs per incident what one from 1 million does.
enum KeyRadixSort {
    /// The keys of all parts, in ascending order; every key must lie in `0..<limit`.
    static func sorted(_ parts: [[Int64]], below limit: Int64) -> [Int64] {
        let n = parts.reduce(0) { $0 + $1.count }
        var bits = 0
        while bits < 63 && (Int64(1) << bits) < limit { bits += 1 }
        let passes = max(1, (bits + 15) / 16)
        let width = max(1, (bits + passes - 1) / passes)
        let mask = Int64((1 << width) - 1)
        var source = [Int64](repeating: 0, count: n)
        var target = [Int64](repeating: 0, count: n)
        var starts = [Int](repeating: 0, count: 1 << width)
        for pass in 0..<passes {
            let shift = Int64(pass * width)
            starts.withUnsafeMutableBufferPointer { start in
                for d in 0..<start.count { start[d] = 0 }
                func tally(_ keys: UnsafeBufferPointer<Int64>) {
                    for key in keys { start[Int((key >> shift) & mask)] += 1 }
                }
                if pass == 0 {
                    for part in parts { part.withUnsafeBufferPointer(tally) }
                } else {
                    source.withUnsafeBufferPointer(tally)
                }
                var total = 0
                for d in 0..<start.count {
                    let count = start[d]
                    start[d] = total
                    total += count
                }
                target.withUnsafeMutableBufferPointer { out in
                    func scatter(_ keys: UnsafeBufferPointer<Int64>) {
                        for key in keys {
                            let d = Int((key >> shift) & mask)
                            out[start[d]] = key
                            start[d] += 1
                        }
                    }
                    if pass == 0 {
                        for part in parts { part.withUnsafeBufferPointer(scatter) }
                    } else {
                        source.withUnsafeBufferPointer(scatter)
                    }
                }
            }
            swap(&source, &target)
        }
        return source
    }
}
