/// The k-th smallest value of an array in expected linear time (Hoare's selection), without sorting it.
enum OrderStatistic {
    /// The value of 0-based rank `k` among `values`, which are reordered on the way. Pivots are the
    /// median of three spread-out entries, so sorted and reverse-sorted input stay linear; should an
    /// input defeat them (more than 64 rounds), the rest is sorted, so the worst case is O(n log n). The
    /// answer is the same whatever the pivots.
    static func select(_ k: Int, in values: inout [Int64]) -> Int64 {
        precondition(k >= 0 && k < values.count, "rank within the array")
        return values.withUnsafeMutableBufferPointer { v in
            var lo = 0
            var hi = v.count - 1
            var rounds = 0
            while lo < hi {
                rounds += 1
                if rounds > 64 {
                    var rest = UnsafeMutableBufferPointer(rebasing: v[lo...hi])
                    rest.sort()
                    return v[k]
                }
                let mid = lo + (hi - lo) / 2
                let pivot = median(v[lo], v[mid], v[hi])
                // Three-way partition: < pivot | == pivot | > pivot.
                var lt = lo, i = lo, gt = hi
                while i <= gt {
                    if v[i] < pivot {
                        v.swapAt(lt, i)
                        lt += 1
                        i += 1
                    } else if v[i] > pivot {
                        v.swapAt(i, gt)
                        gt -= 1
                    } else {
                        i += 1
                    }
                }
                if k < lt { hi = lt - 1 } else if k > gt { lo = gt + 1 } else { return pivot }
            }
            return v[lo]
        }
    }

    private static func median(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        max(min(a, b), min(max(a, b), c))
    }
}
