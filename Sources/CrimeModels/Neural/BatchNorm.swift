import CrimeCore
import Foundation

/// Batch normalisation over the last (channel) axis with PyTorch's semantics: in training mode the batch
/// statistics (biased variance) normalise, and the running statistics move by momentum 0.1 towards the
/// batch mean and the unbiased batch variance; in evaluation mode the running statistics normalise.
/// Parameters `weight`, `bias` and buffers `running_mean`, `running_var`, each [channels]. Statistics are
/// taken over every leading axis (batch, time, height, width).
public struct BatchNormLayer: NNLayer {
    /// Positions of `weight`, `bias`, `running_mean`, `running_var`.
    public let weight: Int, bias: Int, runningMean: Int, runningVariance: Int
    /// Number of channels.
    public let channels: Int
    /// PyTorch's defaults.
    public let momentum: Float = 0.1, epsilon: Float = 1e-5

    /// Registers the four entries under `prefix` with PyTorch's initial values (1, 0, 0, 1).
    public init(_ prefix: String, channels: Int, in parameters: inout ParameterSet) throws {
        self.channels = channels
        weight = try parameters.add("\(prefix).weight", shape: [channels], values: .init(repeating: 1, count: channels))
        bias = try parameters.add("\(prefix).bias", shape: [channels], values: .init(repeating: 0, count: channels))
        runningMean = try parameters.add("\(prefix).running_mean", shape: [channels], values: .init(repeating: 0, count: channels), trainable: false)
        runningVariance = try parameters.add("\(prefix).running_var", shape: [channels], values: .init(repeating: 1, count: channels), trainable: false)
    }

    /// Binds to existing entries under `prefix`, reading the channel count from `weight`.
    public init(bindingTo prefix: String, in parameters: ParameterSet) throws {
        weight = try parameters.require("\(prefix).weight", rank: 1)
        channels = parameters.shapes[weight][0]
        bias = try parameters.require("\(prefix).bias", shape: [channels])
        runningMean = try parameters.require("\(prefix).running_mean", shape: [channels])
        runningVariance = try parameters.require("\(prefix).running_var", shape: [channels])
    }

    /// The normalised input x̂ and 1/√(σ² + ε) per channel, and whether batch statistics were used.
    public struct Cache: Sendable {
        let normalized: [Float]
        let inverseStd: [Float]
        let batchStatistics: Bool
    }

    public func forward(_ x: Tensor, _ context: inout ForwardContext) throws -> (Tensor, Cache) {
        guard x.shape.last == channels else {
            throw NNError.wrongShape(tensor: context.parameters.names[weight] + " input", expected: "[…, \(channels)]", got: x.shape)
        }
        let rows = x.count / channels
        var mean = [Double](repeating: 0, count: channels), variance = mean
        if context.training {
            guard rows > 1 else {
                throw NNError.wrongShape(tensor: context.parameters.names[weight] + " input", expected: "more than one value per channel in training", got: x.shape)
            }
            x.storage.withUnsafeBufferPointer { p in
                mean = Self.columnSums(rows: rows, channels: channels) { r, c in p[r * channels + c] }
                for c in 0..<channels { mean[c] /= Double(rows) }
                let centre = mean.map { Float($0) }
                variance = Self.columnSums(rows: rows, channels: channels) { r, c in
                    let d = p[r * channels + c] - centre[c]
                    return d * d
                }
            }
            for c in 0..<channels { variance[c] /= Double(rows) }
            updateRunningStatistics(mean: mean, variance: variance, count: rows, &context.parameters)
        } else {
            for c in 0..<channels {
                mean[c] = Double(context.parameters.values[runningMean][c])
                variance[c] = Double(context.parameters.values[runningVariance][c])
            }
        }
        let inverseStd = inverseStandardDeviations(variance)
        let meanF = mean.map { Float($0) }
        var normalized = x.storage
        var y = x.storage
        let gamma = context.parameters.values[weight], beta = context.parameters.values[bias]
        normalized.withUnsafeMutableBufferPointer { n in
            y.withUnsafeMutableBufferPointer { out in
                ParallelRows.forEach(count: rows, minimumPart: 4096) { part in
                    for r in part {
                        for c in 0..<channels {
                            let i = r * channels + c
                            n[i] = (n[i] - meanF[c]) * inverseStd[c]
                            out[i] = n[i] * gamma[c] + beta[c]
                        }
                    }
                }
            }
        }
        return (Tensor(unchecked: x.shape, y), Cache(normalized: normalized, inverseStd: inverseStd, batchStatistics: context.training))
    }

    /// Moves the running statistics by ``momentum`` towards a batch's mean and unbiased variance, from the
    /// batch's mean and biased variance over `count` values per channel.
    func updateRunningStatistics(mean: [Double], variance: [Double], count: Int, _ parameters: inout ParameterSet) {
        let m = Double(momentum)
        for c in 0..<channels {
            let unbiased = variance[c] * Double(count) / Double(count - 1)
            parameters.values[runningMean][c] = Float((1 - m) * Double(parameters.values[runningMean][c]) + m * mean[c])
            parameters.values[runningVariance][c] = Float((1 - m) * Double(parameters.values[runningVariance][c]) + m * unbiased)
        }
    }

    /// 1/√(σ² + ε) per channel, in `Double` before the final rounding.
    func inverseStandardDeviations(_ variance: [Double]) -> [Float] {
        variance.map { Float(1 / ($0 + Double(epsilon)).squareRoot()) }
    }

    /// Evaluation mode in place, after an optional ReLU: the values ``forward(_:_:)`` gives in evaluation mode
    /// (same operations, same rounding), without the copies and the cache a backward pass would need.
    func evaluateInPlace(_ data: inout [Float], reluFirst: Bool, parameters: ParameterSet) {
        let meanF = parameters.values[runningMean]
        let inverseStd = inverseStandardDeviations(parameters.values[runningVariance].map { Double($0) })
        let gamma = parameters.values[weight], beta = parameters.values[bias]
        let rows = data.count / channels
        data.withUnsafeMutableBufferPointer { p in
            ParallelRows.forEach(count: rows, minimumPart: 4096) { part in
                for r in part {
                    for c in 0..<channels {
                        let i = r * channels + c
                        if reluFirst, !(p[i] > 0), !p[i].isNaN { p[i] = 0 }
                        p[i] = (p[i] - meanF[c]) * inverseStd[c] * gamma[c] + beta[c]
                    }
                }
            }
        }
    }

    public func backward(_ dy: Tensor, _ cache: Cache, _ parameters: ParameterSet, _ gradients: inout Gradients) -> Tensor {
        let rows = dy.count / channels
        var sumDy = [Double](), sumDyXhat = [Double]()
        dy.storage.withUnsafeBufferPointer { g in
            cache.normalized.withUnsafeBufferPointer { n in
                sumDy = Self.columnSums(rows: rows, channels: channels) { r, c in g[r * channels + c] }
                sumDyXhat = Self.columnSums(rows: rows, channels: channels) { r, c in g[r * channels + c] * n[r * channels + c] }
            }
        }
        for c in 0..<channels {
            gradients.values[weight][c] += Float(sumDyXhat[c])
            gradients.values[bias][c] += Float(sumDy[c])
        }
        let gamma = parameters.values[weight]
        var dx = dy.storage
        let m = Float(rows)
        let meanDy = sumDy.map { Float($0) / m }, meanDyXhat = sumDyXhat.map { Float($0) / m }
        dx.withUnsafeMutableBufferPointer { d in
            cache.normalized.withUnsafeBufferPointer { n in
                ParallelRows.forEach(count: rows, minimumPart: 4096) { part in
                    for r in part {
                        for c in 0..<channels {
                            let i = r * channels + c
                            let scale = gamma[c] * cache.inverseStd[c]
                            if cache.batchStatistics {
                                d[i] = scale * (d[i] - meanDy[c] - n[i] * meanDyXhat[c])
                            } else {
                                d[i] *= scale
                            }
                        }
                    }
                }
            }
        }
        return Tensor(unchecked: dy.shape, dx)
    }

    /// Σ over rows of `value(row, channel)` per channel: `Float` partial sums over fixed blocks of 64 rows
    /// (computed on all cores), added into `Double` in block order, so the sums do not depend on the
    /// core count.
    static func columnSums(rows: Int, channels: Int, _ value: (Int, Int) -> Float) -> [Double] {
        let blocks = (rows + 63) / 64
        var partials = [Float](repeating: 0, count: blocks * channels)
        partials.withUnsafeMutableBufferPointer { out in
            ParallelRows.forEach(count: blocks, minimumPart: 16) { part in
                for block in part {
                    for r in (block * 64)..<min(rows, block * 64 + 64) {
                        for c in 0..<channels { out[block * channels + c] += value(r, c) }
                    }
                }
            }
        }
        var sums = [Double](repeating: 0, count: channels)
        for block in 0..<blocks { for c in 0..<channels { sums[c] += Double(partials[block * channels + c]) } }
        return sums
    }
}
