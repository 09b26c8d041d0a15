/// Standardises features to zero mean and unit variance, as scikit-learn's `StandardScaler`.
///
/// Data are rows of samples × features: a `Matrix`'s columns, a `Tensor`'s trailing axes
/// (`featureAxes: 1` on `[samples, history, cells]` scales per cell; `featureAxes: 2` on
/// `[samples, history, rows, columns]` per grid cell), or one axis of a tensor
/// (`channelAxis: 1` on images `[samples, channels, height, width]` scales per channel, pooling
/// every sample and pixel). To scale a cells × windows matrix per cell, transpose it to windows ×
/// cells first; to fit on some rows only (the training windows), fit on those rows and transform
/// them all. The scale is the population standard deviation (ddof 0); a constant feature (variance
/// within rounding error) keeps scale 1, as in scikit-learn.
///
/// Statistics are accumulated in `Double`. A `Matrix` is transformed in `Double`; a `Tensor` holds
/// `Float`s and is transformed in `Float` arithmetic with the mean and scale rounded to `Float`, as a
/// network's input pipeline computes it.
public struct StandardScaler: Sendable, Equatable {
    /// Mean of each feature.
    public private(set) var mean: [Double] = []
    /// Population variance of each feature.
    public private(set) var variance: [Double] = []
    /// The divisor of each feature: its standard deviation, or 1 where that is (nearly) zero.
    public private(set) var scale: [Double] = []

    /// An unfitted scaler.
    public init() {}

    /// Fits to a matrix, one feature per column.
    public mutating func fit(_ x: Matrix) throws {
        try x.validate()
        let features = x.columns
        try fit(count: x.values.count, features: features, feature: { $0 % features }) { x.values[$0] }
    }

    /// `(x − mean) / scale`.
    public func transform(_ x: Matrix) throws -> Matrix {
        try x.validate()
        try check(x.columns)
        var out = x
        for i in 0..<out.values.count { out.values[i] = (x.values[i] - mean[i % x.columns]) / scale[i % x.columns] }
        return out
    }

    /// `x × scale + mean`.
    public func inverseTransform(_ x: Matrix) throws -> Matrix {
        try x.validate()
        try check(x.columns)
        var out = x
        for i in 0..<out.values.count { out.values[i] = x.values[i] * scale[i % x.columns] + mean[i % x.columns] }
        return out
    }

    /// Two-pass mean and variance per feature of `count` values in storage order, value `i`
    /// belonging to feature `feature(i)`.
    mutating func fit(count: Int, features: Int, feature: (Int) -> Int, value: (Int) -> Double) throws {
        guard features > 0, count >= features else { throw CubeError.noRows }
        let rows = count / features
        var m = [Double](repeating: 0, count: features)
        for i in 0..<count { m[feature(i)] += value(i) }
        for f in 0..<features { m[f] /= Double(rows) }
        var v = [Double](repeating: 0, count: features)
        for i in 0..<count {
            let f = feature(i)
            let d = value(i) - m[f]
            v[f] += d * d
        }
        for f in 0..<features { v[f] /= Double(rows) }
        mean = m
        variance = v
        // scikit-learn's test for a constant feature: the variance is within its rounding error bound.
        let n = Double(rows)
        let eps = Double.ulpOfOne
        scale = zip(v, m).map { variance, mean in
            let bound = n * eps * variance + (n * mean * eps) * (n * mean * eps)
            return variance <= bound ? 1 : variance.squareRoot()
        }
    }

    /// Throws unless the scaler is fitted to `features` features.
    func check(_ features: Int) throws {
        guard !scale.isEmpty else { throw CubeError.scalerNotFitted }
        guard features == scale.count else { throw CubeError.featureCountMismatch(expected: scale.count, got: features) }
    }
}
