import CrimeCore
import Foundation

/// The best split of a node: rows with `feature <= threshold` go left, `samples[start..<position]`
/// after partitioning.
struct NodeSplit {
    var feature: Int
    var threshold: Double
    var position: Int
}

extension TreeWorkspace {
    /// The exact best split of `samples[start..<end]` (scikit-learn's `BestSplitter`): features are drawn
    /// without replacement until `featuresPerNode` have been tried and at least one was not constant;
    /// each is sorted and scanned, thresholds fall midway between neighbouring distinct values. `total`
    /// and `weightTotal` describe the node. On success the samples are partitioned by the split.
    func bestSplit(start: Int, end: Int, weightTotal: Double, generator: inout SeededGenerator) -> NodeSplit? {
        let count = end - start
        var best: NodeSplit?
        var bestProxy = -Double.infinity
        var visited = 0, nonConstant = 0, drawn = 0
        while drawn < columns && (visited < settings.featuresPerNode || nonConstant == 0) {
            let pick = Int.random(in: drawn..<columns, using: &generator)
            let feature = featureOrder[pick]
            featureOrder[pick] = featureOrder[drawn]
            featureOrder[drawn] = feature
            drawn += 1
            visited += 1
            let column = x + feature * rows
            var low = Float.infinity, high = -Float.infinity
            for p in 0..<count {
                let v = column[Int(samples[start + p])]
                values[p] = v
                low = min(low, v)
                high = max(high, v)
            }
            if Double(high) <= Double(low) + TreeConstants.featureThreshold { continue }
            nonConstant += 1
            PairSort.sort(values, samples + start, count: count)
            let found = classIndex == nil
                ? scanRegression(start: start, end: end, weightTotal: weightTotal, bestProxy: &bestProxy)
                : scanClassification(start: start, end: end, weightTotal: weightTotal, bestProxy: &bestProxy)
            if let found {
                let a = Double(values[found - start - 1]), b = Double(values[found - start])
                var threshold = a / 2 + b / 2
                if threshold == b || !threshold.isFinite { threshold = a }
                best = NodeSplit(feature: feature, threshold: threshold, position: found)
            }
        }
        guard let best else { return nil }
        partition(start: start, end: end, by: best)
        return best
    }

    /// Scans sorted `values` for the regression split with the highest proxy improvement above
    /// `bestProxy`; returns its position.
    private func scanRegression(start: Int, end: Int, weightTotal: Double, bestProxy: inout Double) -> Int? {
        let minLeaf = settings.minSamplesLeaf
        let sumTotal = total[0]
        let poisson = settings.criterion == .poisson
        var wLeft = 0.0, sumLeft = 0.0
        var found: Int?
        for p in (start + 1)..<end {
            let s = Int(samples[p - 1])
            wLeft += weight[s]
            sumLeft += weight[s] * y[s]
            if Double(values[p - start]) <= Double(values[p - start - 1]) + TreeConstants.featureThreshold { continue }
            if p - start < minLeaf || end - p < minLeaf { continue }
            let wRight = weightTotal - wLeft, sumRight = sumTotal - sumLeft
            let proxy: Double
            if poisson {
                guard sumLeft > TreeConstants.epsilon, sumRight > TreeConstants.epsilon else { continue }
                proxy = sumLeft * Foundation.log(sumLeft / wLeft) + sumRight * Foundation.log(sumRight / wRight)
            } else {
                proxy = sumLeft * sumLeft / wLeft + sumRight * sumRight / wRight
            }
            if proxy > bestProxy {
                bestProxy = proxy
                found = p
            }
        }
        return found
    }

    /// Scans sorted `values` for the classification split with the highest proxy improvement above
    /// `bestProxy`; returns its position.
    private func scanClassification(start: Int, end: Int, weightTotal: Double, bestProxy: inout Double) -> Int? {
        guard let classIndex else { return nil }
        let minLeaf = settings.minSamplesLeaf
        let width = settings.valueWidth
        let gini = settings.criterion == .gini
        for k in 0..<width { leftCounts[k] = 0 }
        var wLeft = 0.0
        var found: Int?
        for p in (start + 1)..<end {
            let s = Int(samples[p - 1])
            leftCounts[Int(classIndex[s])] += weight[s]
            wLeft += weight[s]
            if Double(values[p - start]) <= Double(values[p - start - 1]) + TreeConstants.featureThreshold { continue }
            if p - start < minLeaf || end - p < minLeaf { continue }
            let wRight = weightTotal - wLeft
            // scikit-learn's proxy, term for term so that exact ties break the same way:
            // −w_right × impurity_right − w_left × impurity_left.
            var left = 0.0, right = 0.0
            if gini {
                for k in 0..<width {
                    let cl = leftCounts[k], cr = total[k] - cl
                    left += cl * cl
                    right += cr * cr
                }
                left = 1 - left / (wLeft * wLeft)
                right = 1 - right / (wRight * wRight)
            } else {
                for k in 0..<width {
                    let cl = leftCounts[k] / wLeft, cr = (total[k] - leftCounts[k]) / wRight
                    if cl > 0 { left -= cl * (Foundation.log(cl) / Foundation.log(2.0)) }
                    if cr > 0 { right -= cr * (Foundation.log(cr) / Foundation.log(2.0)) }
                }
            }
            let proxy = -wRight * right - wLeft * left
            if proxy > bestProxy {
                bestProxy = proxy
                found = p
            }
        }
        return found
    }

    /// Moves the rows of `samples[start..<end]` that go left to the front.
    private func partition(start: Int, end: Int, by split: NodeSplit) {
        let column = x + split.feature * rows
        var i = start, j = end - 1
        while i <= j {
            if Double(column[Int(samples[i])]) <= split.threshold {
                i += 1
            } else {
                let t = samples[i]; samples[i] = samples[j]; samples[j] = t
                j -= 1
            }
        }
    }
}
