import Foundation

extension TreeWorkspace {
    /// Weighted size and impurity of the node `samples[start..<end]`; fills `total` with the weighted
    /// target sum (regression) or class counts, and `nodeValue` with the mean or the class proportions.
    func nodeStatistics(start: Int, end: Int) -> (weight: Double, impurity: Double) {
        let width = settings.valueWidth
        var w = 0.0
        if let classIndex {
            for k in 0..<width { total[k] = 0 }
            for p in start..<end {
                let s = Int(samples[p])
                total[Int(classIndex[s])] += weight[s]
            }
            for k in 0..<width { w += total[k] }
            var impurity = settings.criterion == .gini ? 1.0 : 0.0
            for k in 0..<width {
                let share = total[k] / w
                nodeValue[k] = share
                if settings.criterion == .gini {
                    impurity -= share * share
                } else if share > 0 {
                    impurity -= share * Foundation.log2(share)
                }
            }
            return (w, impurity)
        }
        var sum = 0.0, squares = 0.0
        for p in start..<end {
            let s = Int(samples[p])
            let ws = weight[s], ys = y[s]
            w += ws
            sum += ws * ys
            squares += ws * ys * ys
        }
        total[0] = sum
        let mean = sum / w
        nodeValue[0] = mean
        if settings.criterion == .squaredError { return (w, squares / w - mean * mean) }
        guard mean > TreeConstants.epsilon else { return (w, .infinity) }
        var deviance = 0.0
        for p in start..<end {
            let s = Int(samples[p])
            let ys = y[s]
            if ys > 0 { deviance += weight[s] * ys * Foundation.log(ys / mean) }
        }
        return (w, deviance / w)
    }
}
