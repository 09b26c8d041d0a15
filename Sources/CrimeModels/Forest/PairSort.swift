/// Sorts `keys[0..<n]` ascending and applies the same permutation to `payload`: a quicksort with a
/// median-of-three pivot and three-way partitioning (so runs of equal keys cost nothing), insertion sort
/// for short ranges, and recursion on the smaller side only.
enum PairSort {
    static func sort(_ keys: UnsafeMutablePointer<Float>, _ payload: UnsafeMutablePointer<Int32>, count n: Int) {
        var lo = 0, hi = n
        while hi - lo > 16 {
            let mid = lo + (hi - lo) / 2
            let pivot = median(keys[lo], keys[mid], keys[hi - 1])
            // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot.
            var lt = lo, i = lo, gt = hi - 1
            while i <= gt {
                let k = keys[i]
                if k < pivot {
                    swapAt(keys, payload, lt, i)
                    lt += 1
                    i += 1
                } else if k > pivot {
                    swapAt(keys, payload, i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if lt - lo < hi - (gt + 1) {
                sort(keys + lo, payload + lo, count: lt - lo)
                lo = gt + 1
            } else {
                sort(keys + gt + 1, payload + gt + 1, count: hi - gt - 1)
                hi = lt
            }
        }
        insertionSort(keys + lo, payload + lo, count: hi - lo)
    }

    @inline(__always)
    private static func median(_ a: Float, _ b: Float, _ c: Float) -> Float {
        max(min(a, b), min(max(a, b), c))
    }

    @inline(__always)
    private static func swapAt(_ keys: UnsafeMutablePointer<Float>, _ payload: UnsafeMutablePointer<Int32>, _ i: Int, _ j: Int) {
        let k = keys[i]; keys[i] = keys[j]; keys[j] = k
        let p = payload[i]; payload[i] = payload[j]; payload[j] = p
    }

    private static func insertionSort(_ keys: UnsafeMutablePointer<Float>, _ payload: UnsafeMutablePointer<Int32>, count n: Int) {
        guard n > 1 else { return }
        for i in 1..<n {
            let k = keys[i], p = payload[i]
            var j = i - 1
            while j >= 0, keys[j] > k {
                keys[j + 1] = keys[j]
                payload[j + 1] = payload[j]
                j -= 1
            }
            keys[j + 1] = k
            payload[j + 1] = p
        }
    }
}
