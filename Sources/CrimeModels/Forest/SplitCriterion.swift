import Foundation

/// The machine epsilon scikit-learn's tree builder uses as its impurity tolerance.
let impurityEpsilon = Double.ulpOfOne

/// An impurity measure over per-sample statistic vectors.
///
/// Every sample contributes a vector of `width` values (component 0 is its weight) to a flat
/// buffer; node and child statistics are sums of those vectors. Split search only needs
/// ``proxy(left:total:)``, a quantity that ranks splits like the impurity decrease.
protocol SplitCriterion: SendableMetatype {
    /// Components per sample; component 0 is the sample weight.
    var width: Int { get }
    /// Writes sample `i`'s statistics for weight `w` into `out[0..<width]`.
    func contribution(of i: Int, weight w: Double, into out: UnsafeMutablePointer<Double>)
    /// A quantity that orders splits like the decrease of weighted child impurity (larger is better).
    func proxy(left: UnsafePointer<Double>, total: UnsafePointer<Double>) -> Double
    /// The impurity of the samples `samples[range]` whose summed statistics are `stats`.
    func impurity(samples: UnsafePointer<Int32>, range: Range<Int>, weights: UnsafePointer<Double>,
                  stats: UnsafePointer<Double>) -> Double
}

/// Squared error and Poisson deviance: statistics `(w, w·y)`.
struct RegressionSplitCriterion: SplitCriterion {
    let kind: RegressionCriterion
    let y: UnsafePointer<Double>
    var width: Int { 2 }

    @inline(__always)
    func contribution(of i: Int, weight w: Double, into out: UnsafeMutablePointer<Double>) {
        out[0] = w
        out[1] = w * y[i]
    }

    @inline(__always)
    func proxy(left: UnsafePointer<Double>, total: UnsafePointer<Double>) -> Double {
        let wl = left[0], sl = left[1]
        let wr = total[0] - wl, sr = total[1] - sl
        switch kind {
        case .squaredError:
            return sl * sl / wl + sr * sr / wr
        case .poisson:
            if sl <= impurityEpsilon || sr <= impurityEpsilon { return -.infinity }
            return sl * Foundation.log(sl / wl) + sr * Foundation.log(sr / wr)
        }
    }

    func impurity(samples: UnsafePointer<Int32>, range: Range<Int>, weights: UnsafePointer<Double>,
                  stats: UnsafePointer<Double>) -> Double {
        let w = stats[0], s = stats[1]
        switch kind {
        case .squaredError:
            var sq = 0.0
            for k in range {
                let i = Int(samples[k])
                sq += weights[i] * y[i] * y[i]
            }
            let mean = s / w
            return sq / w - mean * mean
        case .poisson:
            if s <= impurityEpsilon { return .infinity }
            let mean = s / w
            var loss = 0.0
            for k in range {
                let i = Int(samples[k])
                if y[i] > 0 { loss += weights[i] * y[i] * Foundation.log(y[i] / mean) }
            }
            return loss / w
        }
    }
}

/// Gini and entropy: statistics `(w, w·[y = 0], …, w·[y = C−1])`.
struct ClassificationSplitCriterion: SplitCriterion {
    let kind: ClassificationCriterion
    /// Class codes 0..<classes, one per sample.
    let codes: UnsafePointer<Int32>
    let classes: Int
    var width: Int { classes + 1 }

    @inline(__always)
    func contribution(of i: Int, weight w: Double, into out: UnsafeMutablePointer<Double>) {
        out[0] = w
        for c in 0..<classes { out[c + 1] = 0 }
        out[Int(codes[i]) + 1] = w
    }

    @inline(__always)
    func proxy(left: UnsafePointer<Double>, total: UnsafePointer<Double>) -> Double {
        let wl = left[0], wr = total[0] - wl
        switch kind {
        case .gini:
            // −(wl·gini_l + wr·gini_r) up to the constant −(wl + wr).
            var sl = 0.0, sr = 0.0
            for c in 1...classes {
                let l = left[c], r = total[c] - l
                sl += l * l
                sr += r * r
            }
            return sl / wl + sr / wr
        case .entropy:
            // −(wl·H_l + wr·H_r) in natural logarithms.
            var v = -wl * Foundation.log(wl) - wr * Foundation.log(wr)
            for c in 1...classes {
                let l = left[c], r = total[c] - l
                if l > 0 { v += l * Foundation.log(l) }
                if r > 0 { v += r * Foundation.log(r) }
            }
            return v
        }
    }

    func impurity(samples: UnsafePointer<Int32>, range: Range<Int>, weights: UnsafePointer<Double>,
                  stats: UnsafePointer<Double>) -> Double {
        let w = stats[0]
        var value = kind == .gini ? 1.0 : 0.0
        for c in 1...classes {
            let p = stats[c] / w
            switch kind {
            case .gini: value -= p * p
            case .entropy: if p > 0 { value -= p * Foundation.log2(p) }
            }
        }
        return value
    }
}
