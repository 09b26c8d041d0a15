extension StandardScaler {
    /// Fits to a tensor whose last `featureAxes` axes are the features.
    public mutating func fit(_ t: Tensor, featureAxes: Int = 1) throws {
        let features = try Self.trailingFeatures(t.shape, featureAxes: featureAxes)
        try fit(count: t.count, features: features, feature: { $0 % features }) { Double(t.storage[$0]) }
    }

    /// Fits to a tensor with one feature per index along `channelAxis`, pooling every other axis.
    public mutating func fit(_ t: Tensor, channelAxis: Int) throws {
        let (channels, inner) = try Self.channels(t.shape, channelAxis: channelAxis)
        try fit(count: t.count, features: channels, feature: { ($0 / inner) % channels }) { Double(t.storage[$0]) }
    }

    /// `(t − mean) / scale` over the last `featureAxes` axes, in `Float`.
    public func transform(_ t: Tensor, featureAxes: Int = 1) throws -> Tensor {
        let features = try Self.trailingFeatures(t.shape, featureAxes: featureAxes)
        try check(features)
        return standardised(t, inverse: false) { $0 % features }
    }

    /// `t × scale + mean` over the last `featureAxes` axes, in `Float`.
    public func inverseTransform(_ t: Tensor, featureAxes: Int = 1) throws -> Tensor {
        let features = try Self.trailingFeatures(t.shape, featureAxes: featureAxes)
        try check(features)
        return standardised(t, inverse: true) { $0 % features }
    }

    /// `(t − mean) / scale` per index along `channelAxis`, in `Float`.
    public func transform(_ t: Tensor, channelAxis: Int) throws -> Tensor {
        let (channels, inner) = try Self.channels(t.shape, channelAxis: channelAxis)
        try check(channels)
        return standardised(t, inverse: false) { ($0 / inner) % channels }
    }

    /// `t × scale + mean` per index along `channelAxis`, in `Float`.
    public func inverseTransform(_ t: Tensor, channelAxis: Int) throws -> Tensor {
        let (channels, inner) = try Self.channels(t.shape, channelAxis: channelAxis)
        try check(channels)
        return standardised(t, inverse: true) { ($0 / inner) % channels }
    }

    /// Each entry standardised (or restored) with the `Float` statistics of its feature.
    private func standardised(_ t: Tensor, inverse: Bool, feature: (Int) -> Int) -> Tensor {
        let means = mean.map { Float($0) }, scales = scale.map { Float($0) }
        var out = t
        for i in 0..<t.storage.count {
            let f = feature(i)
            out.storage[i] = inverse ? t.storage[i] * scales[f] + means[f] : (t.storage[i] - means[f]) / scales[f]
        }
        return out
    }

    private static func trailingFeatures(_ shape: [Int], featureAxes: Int) throws -> Int {
        guard featureAxes >= 1, featureAxes < shape.count else {
            throw CubeError.badParameter(name: "featureAxes", value: featureAxes,
                                         reason: "must be between 1 and \(shape.count - 1) for shape \(shape)")
        }
        return shape.suffix(featureAxes).reduce(1, *)
    }

    /// The number of channels and the entries per channel index inside one step of the channel axis.
    private static func channels(_ shape: [Int], channelAxis: Int) throws -> (channels: Int, inner: Int) {
        guard channelAxis >= 0, channelAxis < shape.count else {
            throw CubeError.badParameter(name: "channelAxis", value: channelAxis,
                                         reason: "must be between 0 and \(shape.count - 1) for shape \(shape)")
        }
        return (shape[channelAxis], shape.suffix(from: channelAxis + 1).reduce(1, *))
    }
}
