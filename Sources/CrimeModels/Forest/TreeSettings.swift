/// The impurity a tree grower minimises, regression and classification together.
enum SplitCriterion: Sendable {
    case squaredError, poisson, gini, entropy

    var isClassification: Bool { self == .gini || self == .entropy }
}

/// Growth limits of one tree, with scikit-learn's meaning.
struct TreeSettings: Sendable {
    var maxDepth: Int
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    /// Features drawn per node (`max_features` resolved).
    var featuresPerNode: Int
    var criterion: SplitCriterion
    /// Number of classes (classification) or 1.
    var valueWidth: Int
}

/// Constants scikit-learn's tree code uses: feature values closer than `featureThreshold` count as
/// equal, and a node whose impurity is at most `epsilon` is not split.
enum TreeConstants {
    static let featureThreshold = 1e-7
    static let epsilon = Double.ulpOfOne
}
