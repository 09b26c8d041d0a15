/// Sorts feature values together with their sample indices: introsort (median-of-three
/// quicksort with three-way partitioning for repeated values, heapsort past the depth limit,
/// insertion sort for short runs), on raw buffers so it stays fast inside tree growth.
enum PairSort {
    /// Sorts `keys[0..<count]` ascending and applies the same permutation to `payload`.
    static func sort(_ keys: UnsafeMutablePointer<Double>, _ payload: UnsafeMutablePointer<Int32>, count: Int) {
        guard count > 1 else { return }
        var depth = 0
        var m = count
        while m > 1 { depth += 2; m >>= 1 }
        introsort(keys, payload, count, depth)
    }

    @inline(__always)
    private static func swapAt(_ k: UnsafeMutablePointer<Double>, _ p: UnsafeMutablePointer<Int32>, _ i: Int, _ j: Int) {
        let tk = k[i]; k[i] = k[j]; k[j] = tk
        let tp = p[i]; p[i] = p[j]; p[j] = tp
    }

    private static func introsort(_ k: UnsafeMutablePointer<Double>, _ p: UnsafeMutablePointer<Int32>,
                                  _ n: Int, _ depthLimit: Int) {
        var k = k, p = p, n = n, depth = depthLimit
        while n > 16 {
            if depth == 0 {
                heapsort(k, p, n)
                return
            }
            depth -= 1
            let pivot = medianOfThree(k[0], k[n / 2], k[n - 1])
            // Three-way partition: [< pivot | == pivot | > pivot].
            var lt = 0, i = 0, gt = n
            while i < gt {
                let v = k[i]
                if v < pivot {
                    swapAt(k, p, i, lt); lt += 1; i += 1
                } else if v > pivot {
                    gt -= 1; swapAt(k, p, i, gt)
                } else {
                    i += 1
                }
            }
            // Recurse into the smaller side, loop on the larger one.
            if lt < n - gt {
                introsort(k, p, lt, depth)
                k += gt; p += gt; n -= gt
            } else {
                introsort(k + gt, p + gt, n - gt, depth)
                n = lt
            }
        }
        insertionSort(k, p, n)
    }

    @inline(__always)
    private static func medianOfThree(_ a: Double, _ b: Double, _ c: Double) -> Double {
        if a < b {
            if b < c { return b }
            return a < c ? c : a
        }
        if a < c { return a }
        return b < c ? c : b
    }

    private static func insertionSort(_ k: UnsafeMutablePointer<Double>, _ p: UnsafeMutablePointer<Int32>, _ n: Int) {
        var i = 1
        while i < n {
            let key = k[i], pay = p[i]
            var j = i
            while j > 0 && k[j - 1] > key {
                k[j] = k[j - 1]; p[j] = p[j - 1]
                j -= 1
            }
            k[j] = key; p[j] = pay
            i += 1
        }
    }

    private static func heapsort(_ k: UnsafeMutablePointer<Double>, _ p: UnsafeMutablePointer<Int32>, _ n: Int) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && k[child] < k[child + 1] { child += 1 }
                if k[root] < k[child] {
                    swapAt(k, p, root, child)
                    root = child
                } else {
                    return
                }
            }
        }
        var start = (n - 2) / 2
        while start >= 0 { siftDown(start, n); start -= 1 }
        var end = n - 1
        while end > 0 {
            swapAt(k, p, 0, end)
            siftDown(0, end)
            end -= 1
        }
    }
}
