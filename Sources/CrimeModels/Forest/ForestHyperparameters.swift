/// Checks of the hyperparameters regressor and classifier share, each naming the offending parameter.
enum ForestHyperparameters {
    static func settings(trees: Int, maxDepth: Int?, minSamplesSplit: Int, minSamplesLeaf: Int,
                         maxFeatures: MaxFeatures, maxSamples: Double?, featureCount: Int,
                         criterion: SplitCriterion, valueWidth: Int) throws -> TreeSettings {
        guard trees >= 1 else { throw ForestError.badHyperparameter(name: "trees", value: "\(trees)", rule: "must be at least 1") }
        if let maxDepth, maxDepth < 1 {
            throw ForestError.badHyperparameter(name: "maxDepth", value: "\(maxDepth)", rule: "must be at least 1 or nil")
        }
        guard minSamplesSplit >= 2 else {
            throw ForestError.badHyperparameter(name: "minSamplesSplit", value: "\(minSamplesSplit)", rule: "must be at least 2")
        }
        guard minSamplesLeaf >= 1 else {
            throw ForestError.badHyperparameter(name: "minSamplesLeaf", value: "\(minSamplesLeaf)", rule: "must be at least 1")
        }
        if let maxSamples, !(maxSamples > 0 && maxSamples <= 1) {
            throw ForestError.badHyperparameter(name: "maxSamples", value: "\(maxSamples)", rule: "must be a fraction in (0, 1] or nil")
        }
        return TreeSettings(maxDepth: maxDepth ?? Int.max, minSamplesSplit: minSamplesSplit, minSamplesLeaf: minSamplesLeaf,
                            featuresPerNode: try maxFeatures.resolve(featureCount: featureCount),
                            criterion: criterion, valueWidth: valueWidth)
    }

    /// Throws unless `x` has the training feature count.
    static func checkPredictionInput(_ x: Matrix, featureCount: Int) throws {
        try x.validate()
        guard x.columns == featureCount else { throw EstimatorError.featureCountMismatch(expected: featureCount, got: x.columns) }
        try x.values.withUnsafeBufferPointer { v in
            for (n, value) in v.enumerated() where !value.isFinite {
                throw EstimatorError.nonFiniteValue(row: n / x.columns, column: n % x.columns)
            }
        }
    }
}

import CrimeCore
