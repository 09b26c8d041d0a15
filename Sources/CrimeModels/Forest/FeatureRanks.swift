/// Every feature value replaced by its rank among the feature's distinct values, computed once per
/// forest so that exact split search sorts small integers (by radix) instead of doubles.
struct FeatureRanks: @unchecked Sendable {
    /// Column-major ranks: row `i` of feature `f` has rank `ranks[f * rows + i]`.
    let ranks: UnsafeMutablePointer<UInt32>
    /// Distinct values in ascending order: feature `f`'s rank `r` stands for `distinct[f * rows + r]`.
    let distinct: UnsafeMutablePointer<Double>

    /// Ranks the column-major `values` of `columns` features over `rows` rows.
    init(values: UnsafePointer<Double>, rows: Int, columns: Int) {
        ranks = .allocate(capacity: max(1, rows * columns))
        distinct = .allocate(capacity: max(1, rows * columns))
        var keys = [Double](repeating: 0, count: rows)
        var order = [Int32](repeating: 0, count: rows)
        keys.withUnsafeMutableBufferPointer { k in
            order.withUnsafeMutableBufferPointer { o in
                for f in 0..<columns {
                    for i in 0..<rows {
                        k[i] = values[f * rows + i]
                        o[i] = Int32(i)
                    }
                    PairSort.sort(k.baseAddress!, o.baseAddress!, count: rows)
                    var rank = -1
                    for j in 0..<rows {
                        if j == 0 || k[j] != k[j - 1] {
                            rank += 1
                            distinct[f * rows + rank] = k[j]
                        }
                        ranks[f * rows + Int(o[j])] = UInt32(rank)
                    }
                }
            }
        }
    }

    /// Frees the buffers.
    func release() {
        ranks.deallocate()
        distinct.deallocate()
    }
}

/// Sorts keys `rank << 32 | sample` by rank (then sample): least-significant-digit radix sort on
/// the rank bits actually in use, insertion sort for short runs.
enum RankSort {
    /// Sorts `keys[0..<count]`; `temp` holds `count` keys and `counts` 256 integers of scratch.
    /// Every rank lies in `low...high`.
    static func sort(_ keys: UnsafeMutablePointer<UInt64>, _ temp: UnsafeMutablePointer<UInt64>,
                     _ counts: UnsafeMutablePointer<Int>, count n: Int, low: UInt32, high: UInt32) {
        if n < 64 {
            var i = 1
            while i < n {
                let key = keys[i]
                var j = i
                while j > 0 && keys[j - 1] > key {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
                i += 1
            }
            return
        }
        let range = high &- low
        let bits = 32 - range.leadingZeroBitCount
        let passes = (bits + 7) / 8
        var source = keys, target = temp
        let base = UInt64(low)
        for pass in 0..<passes {
            let shift = UInt64(8 * pass)
            for b in 0..<256 { counts[b] = 0 }
            for k in 0..<n { counts[Int((((source[k] >> 32) &- base) >> shift) & 0xFF)] &+= 1 }
            var total = 0
            for b in 0..<256 {
                let c = counts[b]
                counts[b] = total
                total &+= c
            }
            for k in 0..<n {
                let key = source[k]
                let b = Int((((key >> 32) &- base) >> shift) & 0xFF)
                target[counts[b]] = key
                counts[b] &+= 1
            }
            swap(&source, &target)
        }
        if source != keys { keys.update(from: source, count: n) }
    }
}
