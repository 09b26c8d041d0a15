/// Standardises features to zero mean and unit variance, as scikit-learn's `StandardScaler`.
///
/// Data are rows of samples × features: a `Matrix`'s columns, or a `Tensor`'s trailing axes
/// (`featureAxes: 1` on `[samples, history, cells]` scales per cell; `featureAxes: 2` on
/// `[samples, history, rows, columns]` per grid cell). To scale a cells × windows matrix per cell,
/// transpose it to windows × cells first. The scale is the population standard deviation
/// (ddof 0); a constant feature (variance within rounding error) keeps scale 1, as in scikit-learn.
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
        try fit(rows: x.rows, features: x.columns) { x.values[$0] }
    }

    /// Fits to a tensor whose last `featureAxes` axes are the features.
    public mutating func fit(_ t: Tensor, featureAxes: Int = 1) throws {
        let (rows, features) = try Self.split(t.shape, featureAxes: featureAxes)
        try fit(rows: rows, features: features) { Double(t.storage[$0]) }
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

    /// `(t − mean) / scale` over the last `featureAxes` axes.
    public func transform(_ t: Tensor, featureAxes: Int = 1) throws -> Tensor {
        let (_, features) = try Self.split(t.shape, featureAxes: featureAxes)
        try check(features)
        var out = t
        for i in 0..<t.storage.count {
            out.storage[i] = Float((Double(t.storage[i]) - mean[i % features]) / scale[i % features])
        }
        return out
    }

    /// `t × scale + mean` over the last `featureAxes` axes.
    public func inverseTransform(_ t: Tensor, featureAxes: Int = 1) throws -> Tensor {
        let (_, features) = try Self.split(t.shape, featureAxes: featureAxes)
        try check(features)
        var out = t
        for i in 0..<t.storage.count {
            out.storage[i] = Float(Double(t.storage[i]) * scale[i % features] + mean[i % features])
        }
        return out
    }

    /// Two-pass mean and variance per feature of row-major values.
    private mutating func fit(rows: Int, features: Int, value: (Int) -> Double) throws {
        guard rows > 0 else { throw CubeError.noRows }
        var m = [Double](repeating: 0, count: features)
        for r in 0..<rows { for f in 0..<features { m[f] += value(r * features + f) } }
        for f in 0..<features { m[f] /= Double(rows) }
        var v = [Double](repeating: 0, count: features)
        for r in 0..<rows {
            for f in 0..<features {
                let d = value(r * features + f) - m[f]
                v[f] += d * d
            }
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

    private func check(_ features: Int) throws {
        guard !scale.isEmpty else { throw CubeError.scalerNotFitted }
        guard features == scale.count else { throw CubeError.featureCountMismatch(expected: scale.count, got: features) }
    }

    private static func split(_ shape: [Int], featureAxes: Int) throws -> (rows: Int, features: Int) {
        guard featureAxes >= 1, featureAxes < shape.count else {
            throw CubeError.badParameter(name: "featureAxes", value: featureAxes,
                                         reason: "must be between 1 and \(shape.count - 1) for shape \(shape)")
        }
        let features = shape.suffix(featureAxes).reduce(1, *)
        return (shape.dropLast(featureAxes).reduce(1, *), features)
    }
}
